import { type Attachment, CardFactory } from "botbuilder";
import type { ActivityService } from "../../domain/activities/activityService.js";
import type { ActivityView } from "../../domain/activities/activityViews.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import { DomainError, StorageUnavailableError } from "../../domain/errors.js";
import type { Caller } from "../../domain/identity.js";
import type { LibraryService } from "../../domain/library/libraryService.js";
import type { Logger } from "../../server/logger.js";
import { commitmentInvitationCard, pairListCards, phaseCard, summaryCard } from "../cards/activityCards.js";
import type { AdaptiveCard } from "../cards/adaptiveCard.js";
import { shorten } from "../cards/cardText.js";
import type { ProactiveSender } from "./proactiveSender.js";

/** Announcement slots besides the phases (0…n-1) and the end (n): the pair list. */
const PAIR_LIST_SLOT = 900;
/** How long an instance keeps polling an activity it saw (a meeting is shorter). */
const WATCH_MS = 8 * 60 * 60 * 1000;

/**
 * How long a poller trusts a pass that found nothing new while the phase stays the same. Another
 * instance's announcement can only be taken over once its lease ran out (30 s by default), so
 * looking again sooner finds nothing; the whole activity is read only when there is news.
 */
const UNCHANGED_RECHECK_MS = 30_000;

interface Watched {
  caller: Caller;
  until: number;
  /** The phase seen at this instance's last complete pass, and when. */
  lastPass?: { phase: string; at: number };
}

export interface ActivityAnnouncerDependencies {
  activities: ActivityService;
  library: LibraryService;
  communities: CommunityService;
  sender: ProactiveSender;
  logger: Logger;
  /** This server instance (the announcement lease names it). */
  instanceId: string;
}

/**
 * Posts each phase change of an activity to its chat exactly once across server instances: the
 * instance that wins the `claimAnnouncement` lease for a phase posts it, whether the change came
 * from a facilitator's control or from time running out (a small poller). At the end it closes the
 * activity: summary card to the meeting chat and the community's channel, every shared insight into
 * the library, pair conversations as learning interactions.
 */
export class ActivityAnnouncer {
  private readonly watched = new Map<string, Watched>();
  /** One announcement pass per activity at a time in this process (the lease is per instance). */
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly deps: ActivityAnnouncerDependencies) {}

  /** Polls this activity from now on (the facilitator's identity reads it). */
  watch(tenantId: string, activityId: string, facilitator: { id: string; displayName: string }): void {
    const key = `${tenantId}|${activityId}`;
    const known = this.watched.get(key);
    this.watched.set(key, {
      caller: { tenantId, userId: facilitator.id, displayName: facilitator.displayName },
      until: Date.now() + WATCH_MS,
      ...(known?.lastPass ? { lastPass: known.lastPass } : {}),
    });
  }

  /** Starts the poller: every `intervalMs`, announce what time changed in watched activities. */
  start(intervalMs: number): void {
    this.timer ??= setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    for (const [key, watched] of this.watched) {
      if (watched.until < now) {
        this.watched.delete(key);
        continue;
      }
      const activityId = key.slice(key.indexOf("|") + 1);
      const { tenantId } = watched.caller;
      try {
        // The phase first (reads by key); the whole activity only when the phase moved on, or the
        // last pass is old enough that a stopped instance's lease may have run out.
        const state = await this.deps.activities.phaseState(tenantId, activityId);
        const phase = `${state.status}|${state.phaseIndex}|${state.reachedPhaseIndex}`;
        const last = watched.lastPass;
        if (last && last.phase === phase && now - last.at < UNCHANGED_RECHECK_MS) continue;
        await this.announce(tenantId, activityId);
        watched.lastPass = { phase, at: now };
      } catch (error) {
        this.deps.logger.error("phase announcement failed", {
          tenantId,
          activityId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  /** Announces whatever is due for this activity (nothing when another instance has, or is). */
  announce(tenantId: string, activityId: string): Promise<void> {
    const key = `${tenantId}|${activityId}`;
    const previous = this.inFlight.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.announceNow(tenantId, activityId));
    this.inFlight.set(key, next);
    void next
      .finally(() => {
        if (this.inFlight.get(key) === next) this.inFlight.delete(key);
      })
      .catch(() => undefined);
    return next;
  }

  private async announceNow(tenantId: string, activityId: string): Promise<void> {
    const watched = this.watched.get(`${tenantId}|${activityId}`);
    if (!watched) return;
    const { activities } = this.deps;
    const view = await activities.view(watched.caller, activityId);
    const { status, phaseIndex } = view.state;
    if (status === "not-started") return;
    if (status === "running" || status === "paused") {
      await this.once(tenantId, view, phaseIndex, async () => {
        const cards = [phaseCard(view)];
        if (view.phases[phaseIndex]?.id === "close") cards.push(commitmentInvitationCard(view));
        await this.post(tenantId, view, cards);
      });
    }
    if (view.groups && view.groups.length > 0) {
      await this.once(tenantId, view, PAIR_LIST_SLOT, () =>
        this.post(tenantId, view, pairListCards(view, view.groups ?? [])),
      );
    }
    if (status === "ended") {
      await this.once(tenantId, view, view.phases.length, () => this.close(watched.caller, view));
      this.watched.delete(`${tenantId}|${activityId}`);
    }
  }

  /** Runs `announce` if this instance wins the slot's lease, and marks the slot done after. */
  private async once(
    tenantId: string,
    view: ActivityView,
    slot: number,
    announce: () => Promise<void>,
  ): Promise<void> {
    const { activities, instanceId } = this.deps;
    if (!(await activities.claimAnnouncement(tenantId, view.id, slot, instanceId))) return;
    await announce();
    await activities.announced(tenantId, view.id, slot, instanceId);
  }

  private async post(tenantId: string, view: ActivityView, cards: AdaptiveCard[]): Promise<void> {
    const sent = await this.deps.sender.send(
      tenantId,
      { conversationId: view.conversationId },
      cards.map((card) => ({ type: "message", attachments: [attachment(card)] })),
    );
    if (!sent)
      this.deps.logger.warn("no conversation reference for an activity's chat", {
        tenantId,
        activityId: view.id,
        conversationId: view.conversationId,
      });
  }

  /** The end: library entries, learning interactions, then the summary to the chat and channel. */
  private async close(caller: Caller, view: ActivityView): Promise<void> {
    const { activities, library, communities, sender, logger } = this.deps;
    const summary = await activities.summary(caller, view.id);
    const endedAt = view.state.endedAt ?? new Date().toISOString();
    const ids = { tenantId: caller.tenantId, activityId: view.id, communityId: summary.communityId };
    let saved = 0;
    for (const share of summary.shares) {
      const names = share.members.map((m) => m.displayName).join(" & ");
      try {
        await library.saveFromMeeting(
          caller,
          summary.communityId,
          {
            id: `tps-${view.id}-${share.groupId}`,
            source: summary.sessionId
              ? {
                  kind: "session",
                  sessionId: summary.sessionId,
                  ...(summary.meetingId ? { meetingId: summary.meetingId } : {}),
                }
              : {
                  kind: "meeting",
                  conversationId: summary.conversationId,
                  activityId: view.id,
                  ...(summary.meetingId ? { meetingId: summary.meetingId } : {}),
                },
            author: share.members[0] ?? share.editedBy,
          },
          {
            type: "insight",
            title: `Insight: ${shorten(share.text.replace(/\s+/g, " ").trim(), 150)}`,
            body: `${share.text}\n\n*Shared by ${names} in a think-pair-share on: ${summary.prompt}*`,
            tags: ["think-pair-share"],
          },
        );
        saved++;
      } catch (error) {
        // Storage away is no reason the insight cannot be saved: fail, so the close is retried.
        if (!(error instanceof DomainError) || error instanceof StorageUnavailableError) throw error;
        logger.warn("shared insight not saved to the library", {
          ...ids,
          groupId: share.groupId,
          reason: error.message,
        });
      }
    }
    for (const group of summary.groups) {
      if (group.members.length < 2) continue;
      await library.recordPairConversation(
        caller.tenantId,
        summary.communityId,
        group.members,
        endedAt,
        `tps-${view.id}-${group.id}`,
      );
    }
    const community = await communities.get(caller, summary.communityId).catch(() => undefined);
    const card = summaryCard(summary, undefined, saved > 0 ? community?.name : undefined);
    const message = { type: "message", attachments: [attachment(card)] };
    await sender.send(caller.tenantId, { conversationId: summary.conversationId }, [
      message,
      ...(summary.commitmentCount < summary.participantCount
        ? [{ type: "message", attachments: [attachment(commitmentInvitationCard(view))] }]
        : []),
    ]);
    // The community's channel, when the app was installed in its team (the reference is stored then).
    for (const channelId of [community?.channelId, community?.teamId]) {
      if (!channelId) continue;
      if (await sender.send(caller.tenantId, { channelId }, [message])) break;
    }
    logger.info("activity closed", { ...ids, shares: summary.shares.length, saved });
  }
}

function attachment(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}
