import type { Caller, PersonRef } from "../identity.js";
import type { SessionService } from "../sessions/sessionService.js";
import type { HeldRole } from "./activityFormat.js";
import type { RoleRota } from "./teachingTopics.js";

/** The calendar's role for each held role of an activity. */
const ROTA_ROLE = { teacher: "micro-teacher", expert: "on-call-expert" } as const;

/**
 * The community's rota as activities read it: the holder of the role at its next occurrence that
 * names one (the micro-teacher a micro-teach is offered first, the on-call expert of an AMA).
 */
export function rotaOfSessions(sessions: Pick<SessionService, "rota">): RoleRota {
  return {
    async holderOf(
      caller: Caller,
      communityId: string,
      role: HeldRole,
      sessionId?: string,
    ): Promise<PersonRef | undefined> {
      const { occurrences } = await sessions.rota(caller, communityId);
      const own = occurrences.filter((o) => o.sessionId === sessionId);
      for (const occurrence of [...own, ...occurrences]) {
        if (occurrence.cancelled) continue;
        const holder = occurrence.roles.find((r) => r.role === ROTA_ROLE[role] && r.person)?.person;
        if (holder) return holder;
      }
      return undefined;
    },
  };
}
