import type { Caller, PersonRef } from "../identity.js";
import type { HeldRole, SubmissionKind, SubmissionScope } from "./activityFormat.js";
import type { ActivityFormatId, PlannedPhase } from "./activityFormats.js";

/** How people are paired (SPEC §2). `same-role` pairs people with the same job title. */
export const PAIRING_RULES = ["cross-department", "random", "same-role"] as const;
export type PairingRule = (typeof PAIRING_RULES)[number];

/** A structured activity as set up by its facilitator. Immutable once created. */
export interface Activity {
  tenantId: string;
  id: string;
  format: ActivityFormatId;
  /** The community its outcomes are saved to (library, recent partners, follow-ups). */
  communityId: string;
  /** The chat the bot posts to (the meeting chat, or a channel conversation). */
  conversationId: string;
  /** The Teams meeting (`channelData.meeting.id`), when run in one. */
  meetingId?: string;
  /** The community session it belongs to, when there is one. */
  sessionId?: string;
  facilitator: PersonRef;
  /** The facilitator's Teams user id, when they set it up through the bot (card refreshes). */
  facilitatorTeamsId?: string;
  prompt: string;
  /** The phases with the minutes chosen at set-up (kept, so a changed format never alters a running activity). */
  phases: PlannedPhase[];
  pairingRule: PairingRule;
  createdAt: string;
  /** Who holds the format's held roles (a micro-teach's teacher, an AMA's expert), set at set-up. */
  roleHolders?: Partial<Record<HeldRole, PersonRef>>;
  /** The community's micro-teach topic it teaches, when picked from the queue. */
  topicId?: string;
  /** The community's module its phases were planned from (`phasesFrom: "module"`), and its title then. */
  module?: { id: string; title: string };
  /** The criteria its kinds written per criterion follow (a peer review's rubric), set at set-up. */
  rubric?: string[];
}

/** An activity that is not closed yet: what every instance's announcer watches. */
export interface OpenActivity {
  tenantId: string;
  activityId: string;
  facilitator: PersonRef;
  createdAt: string;
}

/** What a facilitator can do to the flow of an activity. `next` also skips a phase. */
export const CONTROL_KINDS = ["start", "next", "extend", "pause", "resume", "end"] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

/**
 * One facilitator control, stored as a fact. Controls are numbered (`seq` 1, 2, …) and each number
 * can be taken once, so two instances never interleave two controls unnoticed.
 */
export interface ActivityControl {
  seq: number;
  kind: ControlKind;
  /** When it was given (server time, ISO 8601 UTC). */
  at: string;
  byUserId: string;
  /** The phase it acts on (`next`, `extend`): a control for a phase that already ended does nothing. */
  phaseIndex?: number;
  /** Minutes added (`extend`). */
  minutes?: number;
  /** The idempotency key of the request (a retried invoke carries the same one). */
  requestId: string;
}

export interface Participant {
  userId: string;
  displayName: string;
  joinedAt: string;
  /** Their Teams user id, when they joined through the bot (card refreshes). */
  teamsId?: string;
  /** Their user principal name, when they joined through the tab (their mates' chat link). */
  principalName?: string;
  /**
   * The register entries (a mastermind's goals) they brought in from earlier sessions, when this
   * instance had read them by the time they joined (at their panel's load): `[]` when they brought
   * none; absent when not known then (read when a view needs them).
   */
  brought?: BroughtEntry[];
}

/** A register entry someone brought into an activity (see `CircleMemory`'s `RegisterEntry`). */
export interface BroughtEntry {
  kind: string;
  text: string;
  at: string;
  activityId: string;
}

/** The caller as an activity's participant, joining at `at`. */
export function participantOf(caller: Caller, at: string): Participant {
  return {
    userId: caller.userId,
    displayName: caller.displayName,
    joinedAt: at,
    ...(caller.teamsId ? { teamsId: caller.teamsId } : {}),
    ...(caller.principalName ? { principalName: caller.principalName } : {}),
  };
}

/** A private reflection: visible to its writer only. */
export interface Reflection {
  userId: string;
  text: string;
  at: string;
  etag: string;
}

/** A group formed when a grouping phase began (a pair, or the one trio). */
export interface ActivityGroup {
  id: string;
  members: readonly string[];
  /** A hot-seat circle: the member on its hot seat. */
  hotSeat?: string;
}

/**
 * The groups of one grouping round of an activity (see groupingRounds.ts), computed once when the
 * round's phase begins and stored; the first stored grouping of a round is the round's.
 */
export interface StoredGrouping {
  /** 0 for the first phase that forms groups (think-pair-share's pairs), 1 for the next, … */
  round: number;
  groups: ActivityGroup[];
  /** The rule that was applied: `random` when org context was missing. */
  appliedRule: PairingRule;
  /** True when org context (Graph) was missing or partial. */
  degraded: boolean;
  at: string;
  /** Pairs of people who met in an earlier round of this activity as well (new groups each round: 0 is the aim). */
  repeatMeetings?: number;
  /** A hot-seat round: who takes the hot seat. */
  hotSeat?: string;
}

/** Someone who joined after a round's groups were formed, and the group they were put in. */
export interface LateAssignment {
  round: number;
  userId: string;
  groupId: string;
  at: string;
}

/** A text as written and edited by people: who wrote it first, who last, under which ETag. */
export interface WrittenText {
  text: string;
  createdBy: PersonRef;
  editedBy: PersonRef;
  at: string;
  /** The request that last wrote it: a retried request recognises its own write. */
  requestId: string;
  etag: string;
}

/** A group's shared insight: one per group, written by either partner, edited by the other. */
export interface PairShare extends WrittenText {
  groupId: string;
}

export interface Highlight {
  groupId: string;
  byUserId: string;
  at: string;
}

/** "What will I try before next time": one per participant, followed up at the next session. */
export interface Commitment {
  userId: string;
  displayName: string;
  text: string;
  at: string;
}

/**
 * One thing handed in, of any kind a format declares: a person's own (reflection, commitment,
 * goal), a group's shared text (key insight, table notes) or one of many items (a question, a
 * piece of advice). Reflections, shares and commitments are also listed in their own arrays.
 */
export interface Submission extends WrittenText {
  kind: SubmissionKind;
  scope: SubmissionScope;
  /** The writer (person and item scope) or the group (group scope). */
  ownerId: string;
  /** Item scope: which of the writer's items (derived from the request that sent it). */
  itemId?: string;
}

/** What the flow of an activity depends on: its set-up, the controls and the groups (a small read). */
export interface ActivityFlow {
  activity: Activity;
  controls: ActivityControl[];
  /** The rounds' groups known so far (an instance reads a round's when it is due), by round. */
  groupings: StoredGrouping[];
}

/** Everything stored about one activity (one partition read). */
export interface ActivityRecord {
  activity: Activity;
  controls: ActivityControl[];
  participants: Participant[];
  reflections: Reflection[];
  /** Every round's groups, by round. */
  groupings: StoredGrouping[];
  /** Late joiners of every round. */
  lateAssignments: LateAssignment[];
  shares: PairShare[];
  highlights: Highlight[];
  commitments: Commitment[];
  /** Every submission of every kind (reflections, shares and commitments too). */
  submissions: Submission[];
  /** Votes on items of votable kinds (one per voter and item). */
  votes: ItemVote[];
  /** Items those who steer promoted (a case round's heuristics, into a proposed playbook). */
  promotions: ItemPromotion[];
  /** Answers to items of kinds answered by a role holder (one per item, its latest text). */
  answers: ItemAnswer[];
}

/** One item of a kind, as people point at it: the kind, its writer and which of their items. */
export interface ItemRef {
  kind: SubmissionKind;
  ownerId: string;
  itemId: string;
}

/** Whether two rows speak of the same item (a vote, a promotion or an answer and its item). */
export function sameItem(a: Pick<ItemRef, "kind" | "ownerId"> & { itemId?: string }, b: ItemRef): boolean {
  return a.kind === b.kind && a.ownerId === b.ownerId && a.itemId === b.itemId;
}

/** The answer of a role holder (a teacher, an expert) to an item: kept with the item, one per item. */
export interface ItemAnswer extends ItemRef {
  text: string;
  by: PersonRef;
  at: string;
  /** The request that wrote it: a retried answer is recognised. */
  requestId: string;
}

/** An item promoted by whoever steers the activity (one row per item). */
export interface ItemPromotion extends ItemRef {
  byUserId: string;
  at: string;
}

/** One person's vote for an item (a theme, a question) of a votable kind. */
export interface ItemVote extends ItemRef {
  voterId: string;
  at: string;
}

/**
 * One person's own rows of an activity, each read by its key (no partition read): whether they
 * joined, their reflection, their commitment and, if they joined after pairing, their group.
 */
export interface OwnRows {
  participant?: Participant;
  reflection?: Reflection;
  commitment?: Commitment;
  late?: LateAssignment;
}

/** A reflection or commitment as the writer's My learning lists it. */
export interface MyActivityNote {
  activityId: string;
  communityId: string;
  sessionId?: string;
  meetingId?: string;
  prompt: string;
  text: string;
  at: string;
}
