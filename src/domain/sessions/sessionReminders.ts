import { type Occurrence, occurrencesBetween } from "./recurrence.js";
import type { RoleAssignment, Session } from "./session.js";
import type { ReminderKey, ReminderSettings, SessionPlanRepository } from "./sessionPlan.js";

/** A reminder to post now: the occurrence it is for and who holds its roles. */
export interface DueReminder {
  key: ReminderKey;
  session: Session;
  occurrence: Occurrence;
  roles: RoleAssignment[];
}

/**
 * Which reminders are due: an occurrence is reminded of once `leadMinutes` (per community) before
 * it starts, and not after it has started. Expansion runs in the series' time zone (recurrence.ts).
 */
export class SessionReminderPlanner {
  constructor(private readonly plan: SessionPlanRepository) {}

  async due(now: Date): Promise<DueReminder[]> {
    const sessions = await this.plan.listActiveSessions(now);
    const settings = new Map<string, Promise<ReminderSettings>>();
    const settingsOf = (s: Session) => {
      const key = `${s.tenantId}|${s.communityId}`;
      let known = settings.get(key);
      if (!known) {
        known = this.plan.getReminderSettings(s.tenantId, s.communityId);
        settings.set(key, known);
      }
      return known;
    };
    const due: DueReminder[] = [];
    for (const session of sessions) {
      if (session.cancelled) continue;
      const { enabled, leadMinutes } = await settingsOf(session);
      if (!enabled) continue;
      // Occurrences that start within the lead time from now (and have not started).
      const occurrences = occurrencesBetween(
        session,
        new Date(now.getTime() + 1),
        new Date(now.getTime() + leadMinutes * 60_000 + 1),
      );
      if (occurrences.length === 0) continue;
      const rota = session.recurrence
        ? await this.plan.getRota(session.tenantId, session.communityId, session.id)
        : undefined;
      for (const occurrence of occurrences)
        due.push({
          key: {
            tenantId: session.tenantId,
            communityId: session.communityId,
            sessionId: session.id,
            occurrenceId: occurrence.occurrenceId,
            kind: "channel",
          },
          session,
          occurrence,
          roles: rota?.get(occurrence.occurrenceId) ?? session.roles,
        });
    }
    return due;
  }
}
