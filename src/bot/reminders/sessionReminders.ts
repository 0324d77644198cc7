import { CardFactory } from "botbuilder";
import type { SessionPlanRepository } from "../../domain/sessions/sessionPlan.js";
import { asksAhead, type SessionReminderPlanner } from "../../domain/sessions/sessionReminders.js";
import type { Logger } from "../../observability/logger.js";
import type { ProactiveSender } from "../meetings/proactiveSender.js";
import { PeriodicPass } from "./periodicPass.js";
import { askAheadCard } from "./questionsAheadDialog.js";
import { reminderCard } from "./reminderCard.js";

/**
 * A claim not marked sent after this long is taken to be from an instance that died mid-send and
 * may be taken over. Longer than a throttled send with retries takes (proactiveSender.ts).
 */
const CLAIM_STALE_MS = 2 * 60_000;

/** What the reminders need from the composition root. */
export interface SessionReminderDependencies {
  planner: SessionReminderPlanner;
  claims: Pick<SessionPlanRepository, "claimReminder" | "completeReminder" | "releaseReminder">;
  sender: ProactiveSender;
  /** The community's channel and team ids, where its channel reference is stored. */
  channelsOf: (tenantId: string, communityId: string) => Promise<string[]>;
  /** The web address of a session in PeerCircle. */
  sessionLink: (communityId: string, sessionId: string) => string;
  logger: Logger;
  instanceId: string;
}

/**
 * Posts a reminder card to the community channel before each session occurrence, exactly once
 * across instances: every instance polls, and the one whose insert-if-absent claim row wins
 * (Tables answers the others 409) sends. Sends go through the throttled proactive sender, so
 * reminders stay within Teams' per-conversation rate limits.
 */
export class SessionReminders extends PeriodicPass {
  constructor(private readonly deps: SessionReminderDependencies) {
    super("session reminders", deps.logger);
  }

  /** One pass: every due reminder this instance can claim is sent. Returns how many it sent. */
  async runOnce(now = new Date()): Promise<number> {
    const { planner, claims, sender, instanceId } = this.deps;
    let sent = 0;
    for (const due of await planner.due(now)) {
      const ids = {
        tenantId: due.key.tenantId,
        communityId: due.key.communityId,
        sessionId: due.key.sessionId,
        occurrenceId: due.key.occurrenceId,
      };
      if ((await claims.claimReminder(due.key, instanceId, now, CLAIM_STALE_MS)) !== "claimed") continue;
      try {
        const target = { communityId: due.session.communityId, sessionId: due.session.id };
        const card =
          due.key.kind === "ask-ahead"
            ? askAheadCard({
                title: due.session.title,
                startsAt: due.occurrence.startsAt,
                expert: due.roles.find((r) => r.role === "on-call-expert")?.person,
                link: this.deps.sessionLink(due.session.communityId, due.session.id),
                ...target,
              })
            : reminderCard({
                title: due.session.title,
                format: due.session.format,
                startsAt: due.occurrence.startsAt,
                durationMinutes: due.occurrence.durationMinutes,
                roles: due.roles,
                ...(due.session.joinUrl ? { joinUrl: due.session.joinUrl } : {}),
                link: this.deps.sessionLink(due.session.communityId, due.session.id),
                ...(asksAhead(due.session.format) ? { askAhead: target } : {}),
              });
        // Mentions live in the card's own `msteams.entities`, so Teams notifies each role holder.
        const activity = { type: "message" as const, attachments: [CardFactory.adaptiveCard(card)] };
        let delivered = false;
        for (const channelId of await this.deps.channelsOf(due.key.tenantId, due.key.communityId)) {
          if (await sender.send(due.key.tenantId, { channelId }, [activity])) {
            delivered = true;
            break;
          }
        }
        await claims.completeReminder(due.key, delivered ? "sent" : "no-channel");
        if (delivered) sent++;
        else
          this.warnings.warn(now, "session reminder: the community has no channel the bot can post to", ids);
      } catch (error) {
        // Give the claim back: a later pass (here or on another instance) tries again.
        await claims.releaseReminder(due.key).catch(() => undefined);
        this.warnings.warn(now, "session reminder: send failed, will retry", {
          ...ids,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return sent;
  }
}
