import { ConcurrencyError, ValidationError } from "../errors.js";
import type { OrgPerson, PeopleDirectory } from "../people/peopleDirectory.js";
import type {
  Activity,
  ActivityFlow,
  ActivityGroup,
  ActivityRecord,
  LateAssignment,
  Participant,
  StoredGrouping,
} from "./activity.js";
import { formatOf } from "./activityFormats.js";
import type { ActivityRepository } from "./activityRepository.js";
import { groupOfPerson, groupsOf } from "./activityViews.js";
import { type CircleMemory, circleQueueOf } from "./circleMemory.js";
import { formGroups } from "./grouping/formGroups.js";
import { lateJoinerIndex } from "./grouping/lateJoiner.js";
import { currentRound, keptOutOfGroups, roundsOf } from "./groupingRounds.js";
import type { RecentPartners } from "./pairing.js";
import { flowStateAt, type PhaseState } from "./phaseClock.js";
import type { RecentJoins } from "./recentJoins.js";

/** The grouping round that holds now (-1: none). */
export function roundOf(flow: Pick<ActivityFlow, "activity">, state: PhaseState): number {
  return currentRound(formatOf(flow.activity.format), flow.activity.phases, state);
}

/** The groups that hold now, when these facts hold them. */
export function groupingNow(flow: ActivityFlow, state: PhaseState): StoredGrouping | undefined {
  const round = roundOf(flow, state);
  return flow.groupings.find((g) => g.round === round);
}

/** Round 0's group ids are think-pair-share's as always (`g0001`); later rounds' are `r2-g0001`. */
function groupIdOf(round: number, index: number): string {
  const id = `g${String(index + 1).padStart(4, "0")}`;
  return round === 0 ? id : `r${round}-${id}`;
}

/** What {@link GroupFormation} reads, writes and asks. */
export interface GroupFormationDependencies {
  activities: ActivityRepository;
  directory: PeopleDirectory;
  /** Whom this instance joined and placed lately (shared with the joins). */
  recentJoins: RecentJoins;
  /** The hot-seat queue's memory; without it, circles take the hot seat in join order. */
  circles: CircleMemory | undefined;
  /** The whole activity, or a friendly not-found. */
  records: (tenantId: string, activityId: string) => Promise<ActivityRecord>;
  now: () => Date;
  /** How long pairing waits for org context before falling back (Graph slow must not block). */
  directoryTimeoutMs: number;
  /** How many of the community's last activities count for "recent partners". */
  recentActivities: number;
}

/**
 * A round's groups, formed once across instances from the format's strategy (org context, recent
 * partners and earlier rounds weighed in), and everyone who comes after they were formed placed
 * into one: the group side of {@link ActivityService}, which asks it when a view, a join or a
 * group's write needs a place.
 */
export class GroupFormation {
  /** Groups being formed on this instance, by activity (see ensureGroups). */
  private readonly forming = new Map<string, Promise<StoredGrouping | undefined>>();
  private readonly activities: ActivityRepository;
  private readonly directory: PeopleDirectory;
  private readonly recentJoins: RecentJoins;
  private readonly circles: CircleMemory | undefined;
  private readonly records: GroupFormationDependencies["records"];
  private readonly now: () => Date;
  private readonly options: Pick<GroupFormationDependencies, "directoryTimeoutMs" | "recentActivities">;

  constructor(deps: GroupFormationDependencies) {
    this.activities = deps.activities;
    this.directory = deps.directory;
    this.recentJoins = deps.recentJoins;
    this.circles = deps.circles;
    this.records = deps.records;
    this.now = deps.now;
    this.options = { directoryTimeoutMs: deps.directoryTimeoutMs, recentActivities: deps.recentActivities };
  }

  /**
   * Forms the current round's groups once its phase has begun (see groupingRounds.ts), unless
   * already formed, and returns the stored ones. Two instances doing this at once end with one
   * stored grouping: the first stored wins and the other adopts it. Participants the stored groups
   * missed (they joined while they were computed) are placed as late joiners. Undefined while no
   * groups hold (before the first grouping phase).
   */
  async ensureGroups(tenantId: string, activityId: string): Promise<StoredGrouping | undefined> {
    // Everyone's tab polls the moment a grouping phase begins: one instance forms the groups for
    // all of its callers at once instead of each computing (and trying to store) them again.
    const key = `${tenantId}|${activityId}`;
    const running = this.forming.get(key);
    if (running) return running;
    const forming = this.formNow(tenantId, activityId).finally(() => this.forming.delete(key));
    this.forming.set(key, forming);
    return forming;
  }

  private async formNow(tenantId: string, activityId: string): Promise<StoredGrouping | undefined> {
    const record = await this.records(tenantId, activityId);
    const round = roundOf(record, flowStateAt(record, this.now()));
    if (round < 0) return undefined;
    let grouping = record.groupings.find((g) => g.round === round);
    if (!grouping) {
      const rounds = roundsOf(formatOf(record.activity.format), record.activity.phases);
      const strategy = rounds[round]?.strategy;
      if (!strategy) return undefined;
      // A role the strategy keeps out (a peer review's author) is in no group.
      const ids = record.participants
        .map((p) => p.userId)
        .filter((id) => !keptOutOfGroups(record.activity, formatOf(record.activity.format), round, id));
      // Nobody has joined yet: groups wait for the first person (an empty grouping would make
      // everyone a late joiner, piled into one group).
      if (ids.length === 0) return undefined;
      const [profiles, recent] = await Promise.all([
        this.profilesOf(tenantId, ids),
        this.recentPartners(tenantId, record.activity.communityId, activityId),
      ]);
      // New groups each round: the earlier rounds of the same phase kind are who already met.
      const previousRounds = record.groupings
        .filter((g) => g.round < round && rounds[g.round]?.strategy.kind === strategy.kind)
        .map((g) => groupsOf(record, g.round).map((group) => group.members));
      const queue = strategy.kind === "hotSeat" ? await this.hotSeatOrder(record, ids) : undefined;
      const result = formGroups(strategy, ids, {
        profiles,
        recentPartners: recent,
        rule: record.activity.pairingRule,
        // One seed for every round: the rounds of a phase kind are planned together from it.
        seed: activityId,
        previousRounds,
        ...(queue ? { hotSeatQueue: queue } : {}),
      });
      grouping = await this.activities.saveGrouping(tenantId, activityId, {
        round,
        groups: result.groups.map((members, i) => ({
          id: groupIdOf(round, i),
          members,
          ...(result.hotSeats?.[i] ? { hotSeat: result.hotSeats[i] } : {}),
        })),
        appliedRule: result.appliedRule,
        degraded: result.degraded,
        at: this.now().toISOString(),
        repeatMeetings: result.repeatMeetings,
        ...(result.hotSeat ? { hotSeat: result.hotSeat } : {}),
      });
    }
    const withGroups = {
      ...record,
      groupings: [...record.groupings.filter((g) => g.round !== round), grouping],
    };
    // The stored circles' hot seats join the community's log (once, whoever formed them).
    if (grouping.groups.some((g) => g.hotSeat)) await this.recordHotSeats(withGroups, grouping);
    for (const p of record.participants)
      if (this.isUnplaced(withGroups, round, p.userId))
        await this.placeLateJoiner(record.activity, round, groupsOf(withGroups, round), p.userId);
    return grouping;
  }

  /** The people present in the community's hot-seat queue order (history and swaps applied). */
  private async hotSeatOrder(record: ActivityRecord, ids: readonly string[]): Promise<string[] | undefined> {
    if (!this.circles) return undefined;
    const { tenantId, communityId } = record.activity;
    const names = new Map(record.participants.map((p) => [p.userId, p.displayName]));
    const present = ids.map((id) => ({ id, displayName: names.get(id) ?? "Someone" }));
    const log = await this.circles.hotSeatLog(tenantId, communityId);
    return circleQueueOf(communityId, log, present).map((place) => place.person.id);
  }

  private async recordHotSeats(record: ActivityRecord, grouping: StoredGrouping): Promise<void> {
    if (!this.circles) return;
    const { tenantId, communityId, id } = record.activity;
    const names = new Map(record.participants.map((p) => [p.userId, p.displayName]));
    const person = (userId: string) => ({ id: userId, displayName: names.get(userId) ?? "Someone" });
    await this.circles.recordHotSeats(tenantId, communityId, {
      activityId: id,
      at: grouping.at,
      circles: grouping.groups
        .filter((g) => g.hotSeat)
        .map((g) => ({ members: g.members.map(person), hotSeat: g.hotSeat as string })),
    });
  }

  /** Someone who takes part, in no group of the round, and not a role kept out of groups. */
  isUnplaced(record: ActivityRecord, round: number, userId: string): boolean {
    return (
      record.participants.some((p) => p.userId === userId) &&
      !groupOfPerson(groupsOf(record, round), userId) &&
      !keptOutOfGroups(record.activity, formatOf(record.activity.format), round, userId)
    );
  }

  /**
   * The id of the caller's group, read by key: the kept groups, else their late placement (placed
   * now if they joined late). Someone not in the activity has none.
   */
  async groupIdOf(flow: ActivityFlow, userId: string): Promise<string> {
    const grouping = groupingNow(flow, flowStateAt(flow, this.now()));
    if (!grouping) throw new ValidationError("Groups have not been formed yet.");
    const formed = groupOfPerson(grouping.groups, userId);
    if (formed) return formed.id;
    const { tenantId, id } = flow.activity;
    // Placed late through this instance: where it stored them, with no read.
    const placedHere = this.recentJoins.placementOf(tenantId, id, grouping.round, userId);
    if (placedHere) return placedHere.groupId;
    const own = await this.activities.placeOf(tenantId, id, userId, grouping.round);
    if (own.late) return own.late.groupId;
    if (!own.participant) throw new ValidationError("Join the activity first to get a partner.");
    return (await this.placedGroup(flow, grouping, userId)).id;
  }

  /**
   * The caller's group with everyone in it (late joiners too), placing the caller now if they
   * joined after the groups were formed. Reads the late joiners only, never the whole activity.
   */
  async placedGroup(flow: ActivityFlow, grouping: StoredGrouping, userId: string): Promise<ActivityGroup> {
    const { tenantId, id } = flow.activity;
    const { round } = grouping;
    const groupsNow = async () =>
      groupsOf(
        {
          groupings: [grouping],
          lateAssignments: await this.activities.lateAssignments(tenantId, id, round),
        },
        round,
      );
    const groups = await groupsNow();
    const group = groupOfPerson(groups, userId);
    if (group) return group;
    if (keptOutOfGroups(flow.activity, formatOf(flow.activity.format), round, userId))
      throw new ValidationError("You are in no group in this phase: the groups work on what you brought.");
    await this.placeLateJoiner(flow.activity, round, groups, userId);
    const fresh = await groupsNow();
    const placed = groupOfPerson(fresh, userId);
    if (!placed) throw new ConcurrencyError("Your group is being formed. Try again in a moment.");
    return placed;
  }

  /**
   * A late joiner goes where the round's strategy puts them (grouping/lateJoiner.ts): a group
   * still below its size first (a late joiner waiting alone, a pair becoming a trio), one where
   * they meet nobody again, the smallest; nobody is left out. Stored once per person and round.
   */
  async placeLateJoiner(
    activity: Activity,
    round: number,
    groups: readonly ActivityGroup[],
    userId: string,
  ): Promise<LateAssignment>;
  /** With their participant row: both written at once. */
  async placeLateJoiner(
    activity: Activity,
    round: number,
    groups: readonly ActivityGroup[],
    userId: string,
    participant: Participant,
  ): Promise<{ joined: boolean; placed: LateAssignment }>;
  async placeLateJoiner(
    activity: Activity,
    round: number,
    groups: readonly ActivityGroup[],
    userId: string,
    participant?: Participant,
  ): Promise<LateAssignment | { joined: boolean; placed: LateAssignment }> {
    const strategy = roundsOf(formatOf(activity.format), activity.phases)[round]?.strategy ?? {
      kind: "pairs",
    };
    const groupIndex = lateJoinerIndex(
      strategy,
      groups.map((g) => g.members),
      userId,
      { rule: activity.pairingRule, seed: `${activity.id}:${round}:late` },
    );
    const groupId = groups[groupIndex]?.id ?? `late-${userId}`;
    const assignment = { round, userId, groupId, at: this.now().toISOString() };
    // Noted before it is stored: late joiners placed on this instance meanwhile see it.
    this.recentJoins.placed(activity.tenantId, activity.id, assignment);
    try {
      if (participant) {
        const written = await this.activities.addLateParticipant(
          activity.tenantId,
          activity.id,
          participant,
          assignment,
        );
        this.recentJoins.placed(activity.tenantId, activity.id, written.placed);
        return written;
      }
      const stored = await this.activities.assignLateJoiner(activity.tenantId, activity.id, assignment);
      this.recentJoins.placed(activity.tenantId, activity.id, stored);
      return stored;
    } catch (error) {
      this.recentJoins.unplaced(activity.tenantId, activity.id, assignment);
      throw error;
    }
  }

  /** Org context for pairing; undefined (→ random) when the directory fails or is slow. */
  private async profilesOf(tenantId: string, ids: string[]): Promise<Map<string, OrgPerson> | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.options.directoryTimeoutMs);
    });
    try {
      const answer = await Promise.race([this.directory.getMany(tenantId, ids), timeout]);
      return answer?.people;
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Who was grouped with whom in the community's last activities (this one excluded). */
  private async recentPartners(
    tenantId: string,
    communityId: string,
    exceptId: string,
  ): Promise<RecentPartners> {
    const ids = (
      await this.activities.recentActivityIds(tenantId, communityId, this.options.recentActivities + 1)
    )
      .filter((id) => id !== exceptId)
      .slice(0, this.options.recentActivities);
    // The first round of each (think-pair-share's pairs; a café's first tables).
    const pairings = await Promise.all(ids.map((id) => this.activities.getGrouping(tenantId, id, 0)));
    const partners = new Map<string, Set<string>>();
    for (const pairing of pairings)
      for (const group of pairing?.groups ?? [])
        for (const a of group.members)
          for (const b of group.members) {
            if (a === b) continue;
            const set = partners.get(a) ?? new Set<string>();
            set.add(b);
            partners.set(a, set);
          }
    return partners;
  }
}
