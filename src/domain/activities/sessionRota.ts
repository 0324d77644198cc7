import type { Caller, PersonRef } from "../identity.js";
import type { SessionService } from "../sessions/sessionService.js";
import type { HeldRole } from "./activityFormat.js";
import type { RoleRota } from "./teachingTopics.js";

/** The calendar's role for each held role of an activity the rota names (an author or narrator it does not). */
const ROTA_ROLE: Partial<Record<HeldRole, string>> = { teacher: "micro-teacher", expert: "on-call-expert" };

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
      const rotaRole = ROTA_ROLE[role];
      if (!rotaRole) return undefined;
      const { occurrences } = await sessions.rota(caller, communityId);
      const own = occurrences.filter((o) => o.sessionId === sessionId);
      for (const occurrence of [...own, ...occurrences]) {
        if (occurrence.cancelled) continue;
        const holder = occurrence.roles.find((r) => r.role === rotaRole && r.person)?.person;
        if (holder) return holder;
      }
      return undefined;
    },
  };
}
