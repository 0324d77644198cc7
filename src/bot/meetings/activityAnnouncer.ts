import { type Attachment, CardFactory } from "botbuilder";
import type { OpenActivity } from "../../domain/activities/activity.js";
import {
  type QuestionOutcomeDependencies,
  saveActivityQuestions,
  type UnansweredQuestionRouting,
} from "../../domain/activities/activityQuestions.js";
import { CLOSE_AFTER_END_MS } from "../../domain/activities/activityRepository.js";
import type { ActivityService } from "../../domain/activities/activityService.js";
import type { ActivityView, GroupView } from "../../domain/activities/activityViews.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import { forEachLimited } from "../../domain/concurrency.js";
import { DomainError, StorageUnavailableError } from "../../domain/errors.js";
import type { Caller, PersonRef } from "../../domain/identity.js";
import type { SessionRoleHolders } from "../../domain/insights/learningFacts.js";
import type { LibraryService } from "../../domain/library/libraryService.js";
import type { PlaybookService } from "../../domain/playbooks/playbookService.js";
import { Poller } from "../../domain/poller.js";
import { SerialQueues } from "../../domain/serialQueues.js";
import type { Logger } from "../../observability/logger.js";
import { phaseCard } from "../cards/activityCards.js";
import { summaryCard } from "../cards/activitySummaryCard.js";
import type { AdaptiveCard } from "../cards/adaptiveCard.js";
import { pairListCards } from "../cards/groupListCards.js";
import { formatDefinitionOf, roundNow } from "../cards/phaseActions.js";
import { type AppLinks, libraryDeepLink } from "../links.js";
import type { ProactiveSender } from "./proactiveSender.js";

/** Announcement slots besides the phases (0…n-1) and the end (n): each round's group list… */
const PAIR_LIST_SLOT = 900;
/**
 * …and its updates: one slot per round and number of people placed in groups, so each late
 * joiner who changes the groups (a pair becomes a trio) updates the posted list once. A Teams
 * meeting holds up to 1,000 interactive people, so a round's updates stay inside their 2,000.
 */
const PAIR_LIST_UPDATE_SLOTS = 10_000;
const UPDATE_SLOTS_PER_ROUND = 2_000;

/** The slots of one round's group list (round 0's are think-pair-share's as they always were). */
function groupListSlots(round: number, placed: number): { first: number; update: number } {
  return {
    first: PAIR_LIST_SLOT + round,
    update:
      PAIR_LIST_UPDATE_SLOTS + round * UPDATE_SLOTS_PER_ROUND + Math.min(placed, UPDATE_SLOTS_PER_ROUND - 1),
  };
}

/** What the pair list's announcement notes: its messages, and how many people they placed. */
interface PairListSent {
  messageIds: string[];
  placed: number;
}
/**
 * An activity that never ends (set up and never started, or paused and left) stops being watched
 * this long after it was set up; one that ended is always closed, however late.
 */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * How long a poller trusts a pass that found nothing new while the phase stays the same. Another
 * instance's announcement can only be taken over once its lease ran out (30 s by default), so
 * looking again sooner finds nothing; the whole activity is read only when there is news.
 */
const UNCHANGED_RECHECK_MS = 30_000;

/** How many of a close's library entries (and pair conversations) are saved side by side. */
const CLOSE_BATCH = 8;

export interface ActivityAnnouncerDependencies {
  activities: ActivityService;
  library: LibraryService;
  communities: CommunityService;
  /** Where answered questions' answers go (a micro-teach's, an AMA's): the answers' storage. */
  answers?: QuestionOutcomeDependencies["answers"];
  /** Where unanswered questions go on to (the ask-the-community routing); without it, the library only. */
  questionRouting?: UnansweredQuestionRouting;
  /** Where a meeting's proposed playbook goes (a case round's promoted heuristics). */
  playbooks?: Pick<PlaybookService, "propose">;
  sender: ProactiveSender;
  logger: Logger;
  /** This server instance (the announcement lease names it). */
  instanceId: string;
  /** Links into the app (the summary's "Open the library"). */
  links: AppLinks;
  /** Who held a session's roles: its micro-teacher taught everyone present. */
  sessions?: SessionRoleHolders;
  now?: () => number;
}

/**
 * Posts each phase change of an activity to its chat exactly once across server instances, and
 * closes it at the end: summary card to the meeting chat and the community's channel, every shared
 * insight into the library, pair conversations as learning interactions.
 *
 * What it watches is stored, not remembered: every activity is marked open when it is set up
 * (from the side panel, a chat command or a card) and leaves the open list once closed, so any
 * instance — also one started after a restart — announces and closes it. Of several instances, the
 * one that wins the `claimAnnouncement` lease for a phase posts it, whether the change came from a
 * facilitator's control or from time running out.
 */
export class ActivityAnnouncer {
  /** The phase seen at this instance's last complete pass of an activity, and when. */
  private readonly lastPass = new Map<string, { phase: string; at: number }>();
  /** One announcement pass per activity at a time in this process (the lease is per instance). */
  private readonly inFlight = new SerialQueues();
  /** Ended activities this instance looks at again once they may be closed (closeLater). */
  private readonly closing = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly poller = new Poller(() => this.tick());
  private readonly now: () => number;

  constructor(private readonly deps: ActivityAnnouncerDependencies) {
    this.now = deps.now ?? Date.now;
  }

  /** Starts the poller: every `intervalMs`, announce what changed in the open activities. */
  start(intervalMs: number): void {
    this.poller.start(intervalMs);
  }

  async stop(): Promise<void> {
    for (const timer of this.closing.values()) clearTimeout(timer);
    this.closing.clear();
    await this.poller.stop();
    await this.inFlight.drain();
  }

  /** One pass over every open activity (the poller's; tests call it to pass time at once). */
  async tick(): Promise<void> {
    let open: OpenActivity[];
    try {
      open = await this.deps.activities.openActivities();
    } catch (error) {
      this.deps.logger.error("open activities could not be read", { error: messageOf(error) });
      return;
    }
    const now = this.now();
    const seen = new Set<string>();
    for (const { tenantId, activityId, facilitator, createdAt } of open) {
      const key = `${tenantId}|${activityId}`;
      seen.add(key);
      try {
        // The phase first (reads by key); the whole activity only when the phase moved on, or the
        // last pass is old enough that a stopped instance's lease may have run out.
        const state = await this.deps.activities.phaseState(tenantId, activityId);
        if (state.status !== "ended" && now - Date.parse(createdAt) > ABANDONED_AFTER_MS) {
          await this.deps.activities.markClosed(tenantId, activityId);
          this.deps.logger.info("activity left unfinished: no longer watched", { tenantId, activityId });
          continue;
        }
        const phase = `${state.status}|${state.phaseIndex}|${state.reachedPhaseIndex}`;
        const last = this.lastPass.get(key);
        if (last && last.phase === phase && now - last.at < UNCHANGED_RECHECK_MS) continue;
        await this.announce(tenantId, activityId, facilitator);
        this.lastPass.set(key, { phase, at: now });
      } catch (error) {
        this.deps.logger.error("phase announcement failed", {
          tenantId,
          activityId,
          error: messageOf(error),
        });
      }
    }
    for (const key of this.lastPass.keys()) if (!seen.has(key)) this.lastPass.delete(key);
  }

  /**
   * Announces whatever is due for this activity now (nothing when another instance has, or is):
   * called right after a change so its card goes out at once; the poller catches the rest.
   */
  announce(tenantId: string, activityId: string, facilitator: PersonRef): Promise<void> {
    return this.inFlight.run(`${tenantId}|${activityId}`, () =>
      this.announceNow(
        { tenantId, userId: facilitator.id, displayName: facilitator.displayName },
        activityId,
      ),
    );
  }

  /**
   * Looks again once the activity may be closed (the poller would too, at its next pass): the
   * summary comes {@link CLOSE_AFTER_END_MS} after the end, not a poll later. Once per activity.
   */
  private closeLater(facilitator: Caller, activityId: string, waitMs: number): void {
    const key = `${facilitator.tenantId}|${activityId}`;
    if (this.closing.has(key)) return;
    const timer = setTimeout(() => {
      this.closing.delete(key);
      this.announce(facilitator.tenantId, activityId, {
        id: facilitator.userId,
        displayName: facilitator.displayName,
      }).catch((error: unknown) => {
        // The poller's next pass tries again (not only once its unchanged-phase wait is over).
        this.lastPass.delete(key);
        this.deps.logger.error("closing an activity failed", {
          tenantId: facilitator.tenantId,
          activityId,
          error: messageOf(error),
        });
      });
    }, waitMs + 50);
    timer.unref();
    this.closing.set(key, timer);
  }

  /** Reads the activity as its facilitator (whose identity saves its outcomes) and announces. */
  private async announceNow(facilitator: Caller, activityId: string): Promise<void> {
    const { activities } = this.deps;
    const { tenantId } = facilitator;
    const view = await activities.view(facilitator, activityId);
    const { status, phaseIndex } = view.state;
    if (status === "not-started") return;
    if (status === "running" || status === "paused") {
      await this.once(tenantId, view, phaseIndex, async () => {
        const teamsIds = await activities.teamsIdsOf(tenantId, view.id);
        // The close phase's card is the one invitation to commit (its action is "Commit").
        await this.post(tenantId, view, [phaseCard(view, teamsIds.get(view.facilitator.id))]);
      });
    }
    if (view.groups && view.groups.length > 0) {
      // The pair list going wrong must not hold the close back.
      await this.announcePairs(tenantId, view, view.groups).catch((error: unknown) =>
        this.deps.logger.error("pair list announcement failed", {
          tenantId,
          activityId,
          error: messageOf(error),
        }),
      );
    }
    if (status === "ended") {
      // Closed a moment after the end, not at once: what was still taken meanwhile is in it.
      const wait = CLOSE_AFTER_END_MS - (this.now() - Date.parse(view.state.endedAt ?? ""));
      if (wait > 0) return this.closeLater(facilitator, view.id, wait);
      const end = view.phases.length;
      await this.once(tenantId, view, end, () => this.close(facilitator, view));
      // Closed here or by another instance: nobody needs to watch it any more.
      if ((await activities.announcementOf(tenantId, view.id, end))?.done) {
        await activities.markClosed(tenantId, view.id);
        this.lastPass.delete(`${tenantId}|${activityId}`);
      }
    }
  }

  /**
   * The pair list, once; then, when late joiners changed the groups, the same messages updated in
   * place (each change once), so the chat's pair list is always the groups as they are.
   */
  private async announcePairs(tenantId: string, view: ActivityView, groups: GroupView[]): Promise<void> {
    const { activities } = this.deps;
    const placed = groups.reduce((count, g) => count + g.members.length, 0);
    // Each round's groups get their list (a café's new tables every round).
    const round = roundNow(formatDefinitionOf(view.format), view.phases, view.state);
    if (round < 0) return;
    const slots = groupListSlots(round, placed);
    const cards = async () => pairListCards(view, groups, await activities.teamsIdsOf(tenantId, view.id));
    await this.once(tenantId, view, slots.first, async () => {
      const messageIds = (await this.post(tenantId, view, await cards())) ?? [];
      return JSON.stringify({ messageIds, placed } satisfies PairListSent);
    });
    const sent = await activities.announcementOf(tenantId, view.id, slots.first);
    if (!sent?.done || !sent.detail) return;
    const first = JSON.parse(sent.detail) as PairListSent;
    if (placed <= first.placed) return;
    await this.once(tenantId, view, slots.update, async () => {
      const updated = await cards();
      const key = { conversationId: view.conversationId };
      for (const [i, card] of updated.entries()) {
        const message = { type: "message", attachments: [attachment(card)] };
        const id = first.messageIds[i];
        if (id) await this.deps.sender.update(tenantId, key, id, message);
        else await this.deps.sender.send(tenantId, key, [message]);
      }
    });
  }

  /**
   * Runs `announce` if this instance wins the slot's lease, and marks the slot done after (with
   * what `announce` noted of what it sent).
   */
  private async once(
    tenantId: string,
    view: ActivityView,
    slot: number,
    announce: () => Promise<unknown>,
  ): Promise<void> {
    const { activities, instanceId } = this.deps;
    if (!(await activities.claimAnnouncement(tenantId, view.id, slot, instanceId))) return;
    const detail = await announce();
    await activities.announced(
      tenantId,
      view.id,
      slot,
      instanceId,
      typeof detail === "string" ? detail : undefined,
    );
  }

  private async post(
    tenantId: string,
    view: ActivityView,
    cards: AdaptiveCard[],
  ): Promise<string[] | undefined> {
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
    return sent;
  }

  /** The end: library entries, learning interactions, then the summary to the chat and channel. */
  private async close(caller: Caller, view: ActivityView): Promise<void> {
    const { activities, library, communities, sender, logger } = this.deps;
    const summary = await activities.summary(caller, view.id);
    const endedAt = view.state.endedAt ?? new Date().toISOString();
    const ids = { tenantId: caller.tenantId, activityId: view.id, communityId: summary.communityId };
    // Every commitment reaches the commitments service (those handed over during the run are
    // found there; one an instance missed is handed over now).
    await activities.followUpCommitments(caller, view.id);
    const outcomes = await activities.outcomes(caller, view.id);
    const source = summary.sessionId
      ? {
          kind: "session" as const,
          sessionId: summary.sessionId,
          ...(summary.meetingId ? { meetingId: summary.meetingId } : {}),
        }
      : {
          kind: "meeting" as const,
          conversationId: summary.conversationId,
          activityId: view.id,
          ...(summary.meetingId ? { meetingId: summary.meetingId } : {}),
        };
    let saved = 0;
    // Side by side, a few at a time: a 1,000-person activity's 500 shared insights, one after
    // another, held its close (and its summary) for a minute.
    await forEachLimited(outcomes.entries, CLOSE_BATCH, async (entry) => {
      try {
        await library.saveFromMeeting(
          caller,
          summary.communityId,
          { id: entry.id, source, author: entry.author },
          { type: "insight", title: entry.title, body: entry.body, tags: entry.tags },
        );
        saved++;
      } catch (error) {
        // Storage away is no reason the entry cannot be saved: fail, so the close is retried.
        if (!(error instanceof DomainError) || error instanceof StorageUnavailableError) throw error;
        logger.warn("activity outcome not saved to the library", {
          ...ids,
          entryId: entry.id,
          reason: error.message,
        });
      }
    });
    // The promoted items' entries are saved above; the playbook of them waits for a steward.
    if (outcomes.playbook && this.deps.playbooks)
      await this.deps.playbooks.propose(caller, summary.communityId, outcomes.playbook);
    // Answered questions become answered Q&A entries crediting who answered; unanswered ones that
    // route become open questions handed to the community's routing.
    if (this.deps.answers && (outcomes.questions || outcomes.unanswered))
      await saveActivityQuestions(
        { library, answers: this.deps.answers },
        caller,
        summary.communityId,
        source,
        { answered: outcomes.questions ?? [], unanswered: outcomes.unanswered ?? [] },
        this.deps.questionRouting,
      );
    if (outcomes.teaching)
      await library.recordTeaching(
        caller.tenantId,
        summary.communityId,
        outcomes.teaching,
        endedAt,
        outcomes.teaching.id,
      );
    await forEachLimited(outcomes.conversations, CLOSE_BATCH, (conversation) =>
      library.recordPairConversation(
        caller.tenantId,
        summary.communityId,
        conversation.members,
        endedAt,
        conversation.id,
      ),
    );
    await library.recordAttendance(
      caller.tenantId,
      summary.communityId,
      outcomes.attendees,
      endedAt,
      view.id,
    );
    if (summary.sessionId && this.deps.sessions)
      await library.recordSessionTeaching(this.deps.sessions, {
        tenantId: caller.tenantId,
        communityId: summary.communityId,
        sessionId: summary.sessionId,
        startedAt: view.state.startedAt ?? endedAt,
        attendees: outcomes.attendees,
        at: endedAt,
        key: view.id,
      });
    const community = await communities.get(caller, summary.communityId).catch(() => undefined);
    const options = {
      ...(community ? { libraryUrl: libraryDeepLink(this.deps.links, community) } : {}),
      ...(saved > 0 && community ? { communityName: community.name } : {}),
    };
    const message = (card: AdaptiveCard) => ({ type: "message", attachments: [attachment(card)] });
    // The meeting chat's copy invites the commitments (pledges) still missing; the channel's copy does not
    // (people there did not take part).
    await sender.send(caller.tenantId, { conversationId: summary.conversationId }, [
      message(
        summaryCard(summary, {
          ...options,
          inviteCommitments: summary.commitmentCount < summary.participantCount,
          format: formatDefinitionOf(view.format),
        }),
      ),
    ]);
    // The community's channel, when the app was installed in its team (the reference is stored then).
    for (const channelId of [community?.channelId, community?.teamId]) {
      if (!channelId) continue;
      if (await sender.send(caller.tenantId, { channelId }, [message(summaryCard(summary, options))])) break;
    }
    logger.info("activity closed", { ...ids, shares: summary.shares.length, saved });
  }
}

function attachment(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
