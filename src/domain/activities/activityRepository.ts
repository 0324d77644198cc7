import type {
  Activity,
  ActivityControl,
  ActivityFlow,
  ActivityRecord,
  Highlight,
  ItemAnswer,
  ItemPromotion,
  ItemVote,
  LateAssignment,
  MyActivityNote,
  OpenActivity,
  OwnRows,
  Participant,
  StoredGrouping,
  Submission,
} from "./activity.js";
import type { SubmissionKind } from "./activityFormat.js";

/** A claimed announcement: whether it was sent (by any instance), and what its sender noted. */
export interface Announcement {
  done: boolean;
  detail?: string;
}

/**
 * How fresh a flow must be: `asked` (the default) reflects every write completed before the caller
 * asked (a read begun after it; callers arriving together share one); `running` may answer from a
 * read that was already running when the caller asked, begun at most that read's length earlier
 * (for a caller whose answer the next poll corrects anyway: a join, whose place the view fixes);
 * `recent` may answer from a read begun at most {@link SUBMISSION_GRACE_MS} before the caller asked
 * (a submission's phase check: see there), or one this instance's own control made stale never.
 */
export type FlowFreshness = "asked" | "running" | "recent";

/**
 * A submission sent a moment after the phase that takes it ended is still taken: the person wrote
 * it against the phase their panel showed (a panel learns of a change at its next poll, 2 s later;
 * a card never). So a submission is accepted when its kind was accepted at some moment of the last
 * second: checked against a flow read at most this long before it arrived, which spares 1,000
 * people pressing Save in the same two seconds a storage read each. A refusal always rests on a
 * fresh read. The close waits for what was taken meanwhile ({@link CLOSE_AFTER_END_MS}).
 */
export const SUBMISSION_GRACE_MS = 1_000;

/**
 * An ended activity is closed (summary, library entries, commitments handed over) this long after
 * its end, not at once: submissions taken in the grace after the end ({@link SUBMISSION_GRACE_MS}),
 * and writes still on their way to storage, are in it.
 */
export const CLOSE_AFTER_END_MS = 3_000;

/**
 * Storage port for activities. Every join and every submission is its own row or an ETag-guarded
 * write, so many people submitting at once through several server instances lose nothing and
 * duplicate nothing; writes keyed by person or group are idempotent, so a retried request is too.
 * Every call is scoped by tenant.
 */
export interface ActivityRepository {
  /**
   * Creates the activity and its indexes, and marks it open (see {@link openActivities}); if one
   * with this id exists it is returned, unchanged.
   */
  create(activity: Activity): Promise<{ activity: Activity; created: boolean }>;
  /** Everything stored about one activity, in one partition query; undefined when there is none. */
  load(tenantId: string, activityId: string): Promise<ActivityRecord | undefined>;
  /**
   * The whole activity as this instance last read it, when that read began at most `maxAgeMs`
   * ago; else a read running now (even one begun before the caller asked), else a new one. Others'
   * writes of the last moments may be missing: for an answer that adds the caller's own writes and
   * whose next poll brings the rest (a join). Callers never change the record.
   */
  /** Whether the person joined, and their place in the round if they joined late (two reads by key). */
  placeOf(
    tenantId: string,
    activityId: string,
    userId: string,
    round: number,
  ): Promise<{ participant?: Participant; late?: LateAssignment }>;
  recentRecord(tenantId: string, activityId: string, maxAgeMs: number): Promise<ActivityRecord | undefined>;
  /**
   * The set-up and controls, and the groups when this instance has seen them: what a submission
   * needs to check the phase (a small range query, or reads by key). The set-up, each control and
   * the groups are stored once and never change, so an instance may keep them; when the groups are
   * due but absent here, {@link getGrouping} reads them.
   */
  loadFlow(
    tenantId: string,
    activityId: string,
    freshness?: FlowFreshness,
  ): Promise<ActivityFlow | undefined>;
  /**
   * The flow as this instance last saw it, without asking storage (controls stored since are
   * missing: {@link loadFlow} finds them); undefined when it holds none.
   */
  keptFlow(tenantId: string, activityId: string): ActivityFlow | undefined;
  /** One person's own rows, read by key (see {@link OwnRows}). */
  ownRows(tenantId: string, activityId: string, userId: string, round?: number): Promise<OwnRows>;
  /** These participants (read by key), for partners' names; people who have not joined are left out. */
  participantsById(tenantId: string, activityId: string, userIds: readonly string[]): Promise<Participant[]>;
  /** Everyone placed after a round's groups were formed (a small range query: late joiners only). */
  lateAssignments(tenantId: string, activityId: string, round: number): Promise<LateAssignment[]>;
  /** Stores a control at its `seq`; a ConcurrencyError when another control already took that number. */
  appendControl(tenantId: string, activityId: string, control: ActivityControl): Promise<void>;
  /** Whether this instance has seen the person join the activity (memory only: false when unsure). */
  isKnownParticipant(tenantId: string, activityId: string, userId: string): boolean;
  /** Records a participant; false when they had already joined. */
  addParticipant(tenantId: string, activityId: string, participant: Participant): Promise<boolean>;
  /**
   * {@link addParticipant} and {@link assignLateJoiner} at once, for someone joining after the groups
   * were formed: `joined` is false when they had joined before, `placed` is where they are (the
   * stored place when they had one).
   */
  addLateParticipant(
    tenantId: string,
    activityId: string,
    participant: Participant,
    assignment: LateAssignment,
  ): Promise<{ joined: boolean; placed: LateAssignment }>;
  /** Stores a round's groups unless some are stored already; returns the stored ones (the first writer's). */
  saveGrouping(tenantId: string, activityId: string, grouping: StoredGrouping): Promise<StoredGrouping>;
  /** Puts a late joiner in a group of the round unless they are in one already; returns where they are. */
  assignLateJoiner(tenantId: string, activityId: string, assignment: LateAssignment): Promise<LateAssignment>;
  /**
   * Writes a submission of any kind, by its scope: a person's own replaces theirs (with `etag`
   * only that version, else a ConcurrencyError); a group's is created (a ConflictError when a
   * member got there first) or, with `etag`, replaces that version's text, keeping its creator
   * (a ConcurrencyError when stale or gone); an item is created once per `itemId` (a retry answers with the stored one).
   * `myLearning` also writes the writer's My learning copy.
   */
  saveSubmission(
    activity: Activity,
    submission: Omit<Submission, "etag">,
    options?: { etag?: string; myLearning?: boolean },
  ): Promise<Submission>;
  /** The writer's My learning copy of a submission alone (written again, it replaces the one before). */
  keepInMyLearning(
    activity: Activity,
    submission: Pick<Submission, "kind" | "ownerId" | "text" | "at">,
  ): Promise<void>;
  /** One stored submission, read by key (`itemId` for items). */
  getSubmission(
    tenantId: string,
    activityId: string,
    kind: SubmissionKind,
    ownerId: string,
    itemId?: string,
  ): Promise<Submission | undefined>;
  setHighlight(tenantId: string, activityId: string, highlight: Highlight): Promise<void>;
  /** Promotes an item (`on`) or takes the promotion back; idempotent either way. */
  setPromotion(tenantId: string, activityId: string, promotion: ItemPromotion, on: boolean): Promise<void>;
  /** Keeps a role holder's answer with its item, replacing an earlier one (one row per item). */
  setAnswer(tenantId: string, activityId: string, answer: ItemAnswer): Promise<void>;
  /** Records a person's vote for an item (`on`), or takes it back; idempotent either way. */
  setVote(tenantId: string, activityId: string, vote: ItemVote, on: boolean): Promise<void>;
  removeHighlight(tenantId: string, activityId: string, groupId: string): Promise<void>;
  /** The community's activities, newest first (ids only; `limit` of them). */
  recentActivityIds(tenantId: string, communityId: string, limit: number): Promise<string[]>;
  /** The stored groups of one round of an activity, if formed. */
  getGrouping(tenantId: string, activityId: string, round: number): Promise<StoredGrouping | undefined>;
  /** Activities run in one chat (meeting chat or channel conversation), newest first. */
  activityIdsOfConversation(tenantId: string, conversationId: string): Promise<string[]>;
  /** A person's reflections and commitments across activities, newest first. */
  reflectionsOf(tenantId: string, userId: string): Promise<MyActivityNote[]>;
  commitmentsOf(tenantId: string, userId: string): Promise<MyActivityNote[]>;
  /**
   * Claims the right to announce a phase change: true for exactly one caller while its lease runs.
   * A claim whose lease expired unannounced can be taken over (once, ETag-guarded).
   */
  claimAnnouncement(
    tenantId: string,
    activityId: string,
    phaseIndex: number,
    instanceId: string,
    now: Date,
    leaseMs: number,
  ): Promise<boolean>;
  /** Marks a claimed announcement as sent, so nobody takes it over; `detail` notes what was sent. */
  completeAnnouncement(
    tenantId: string,
    activityId: string,
    phaseIndex: number,
    instanceId: string,
    detail?: string,
  ): Promise<void>;
  /** A claimed announcement (undefined when nobody claimed it yet). */
  announcementOf(tenantId: string, activityId: string, phaseIndex: number): Promise<Announcement | undefined>;
  /** Every tenant's activities that are not closed yet (a small table: closed ones leave it). */
  openActivities(): Promise<OpenActivity[]>;
  /** The activity is closed (or abandoned): nobody needs to watch it any more. Idempotent. */
  markClosed(tenantId: string, activityId: string): Promise<void>;
}
