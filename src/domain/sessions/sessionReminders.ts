import type { ActivityFormatDefinition } from "../activities/activityFormat.js";
import { FORMATS } from "../formats/formatRegistry.js";
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

/** How far ahead a session whose format takes questions asked ahead (an AMA) invites them. */
export const ASK_AHEAD_MS = 24 * 60 * 60_000;

/** Whether a session's format takes questions asked ahead (an AMA's). */
export function asksAhead(format: Session["format"]): boolean {
  const activity = (FORMATS[format] as { activity?: ActivityFormatDefinition }).activity;
  return Object.values(activity?.submissions ?? {}).some((d) => d.askedAhead);
}

/**
 * Which reminders are due: an occurrence is reminded of once `leadMinutes` (per community) before
 * it starts, and not after it has started; one whose format takes questions asked ahead also
 * invites them once, a day ahead. Expansion runs in the series' time zone (recurrence.ts).
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
      const within = (ms: number) =>
        occurrencesBetween(session, new Date(now.getTime() + 1), new Date(now.getTime() + ms + 1));
      const occurrences = within(leadMinutes * 60_000);
      const askAhead = asksAhead(session.format) ? within(ASK_AHEAD_MS) : [];
      if (occurrences.length === 0 && askAhead.length === 0) continue;
      const rota = session.recurrence
        ? await this.plan.getRota(session.tenantId, session.communityId, session.id)
        : undefined;
      const reminder = (occurrence: Occurrence, kind: ReminderKey["kind"]): DueReminder => ({
        key: {
          tenantId: session.tenantId,
          communityId: session.communityId,
          sessionId: session.id,
          occurrenceId: occurrence.occurrenceId,
          kind,
        },
        session,
        occurrence,
        roles: rota?.get(occurrence.occurrenceId) ?? session.roles,
      });
      for (const occurrence of askAhead) due.push(reminder(occurrence, "ask-ahead"));
      for (const occurrence of occurrences) due.push(reminder(occurrence, "channel"));
    }
    return due;
  }
}
