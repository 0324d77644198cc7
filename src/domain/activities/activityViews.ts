import type { PersonRef } from "../identity.js";
import { memo } from "../memo.js";
import { compareStored } from "../ordering.js";
import type {
  Activity,
  ActivityGroup,
  ActivityRecord,
  LateAssignment,
  PairingRule,
  PairShare,
  Participant,
  StoredGrouping,
  Submission,
} from "./activity.js";
import {
  type HeldRole,
  pluralOf,
  type SubmissionDefinition,
  type SubmissionKind,
  type SubmissionVisibility,
  submissionOf,
} from "./activityFormat.js";
import { formatOf, ruleOf } from "./activityFormats.js";
import { currentRound } from "./groupingRounds.js";
import { extensionOf } from "./participantLists.js";
import type { PhaseState } from "./phaseClock.js";
import { criteriaOf, readableCriteria } from "./rubric.js";

/** A group with names, as the pair list, the side panel and the summary show it. */
export interface GroupView {
  id: string;
  members: PersonRef[];
  /** A hot-seat circle: who is on its hot seat. */
  hotSeat?: PersonRef;
}

/** One card of the live wall: a group's shared insight. */
export interface WallItem {
  groupId: string;
  members: PersonRef[];
  text: string;
  editedBy: PersonRef;
  at: string;
  highlighted: boolean;
}

/** Where an activity runs and on what, and who leads it. */
type ActivityPlace = Pick<
  Activity,
  "prompt" | "communityId" | "conversationId" | "meetingId" | "sessionId" | "facilitator"
>;

/** The place of an activity as its view and its summary tell it (no empty meeting or session). */
function placeOf(activity: Activity): ActivityPlace {
  return {
    prompt: activity.prompt,
    communityId: activity.communityId,
    conversationId: activity.conversationId,
    ...(activity.meetingId ? { meetingId: activity.meetingId } : {}),
    ...(activity.sessionId ? { sessionId: activity.sessionId } : {}),
    facilitator: activity.facilitator,
  };
}

/** What an activity's view and its close's summary both tell: where it runs, who leads, how many take part. */
export type ActivityFacts = ActivityPlace & {
  participantCount: number;
  /** How many have reflected (never what). */
  reflectedCount: number;
  commitmentCount: number;
};

/**
 * An activity as one person sees it. The public part (prompt, phase, counts, pairs, wall) is the
 * same for everyone and is what the stage shows; `me` holds the caller's own reflection, group,
 * share and commitment. Nobody else's reflection text is ever in it.
 */
export interface ActivityView extends ActivityFacts {
  id: string;
  format: string;
  formatName: string;
  pairingRule: PairingRule;
  phases: {
    id: string;
    title: string;
    instruction: string;
    minutes: number;
    /** A phase from a module's section: the format's phase whose rules it follows, and its text. */
    rule?: string;
    body?: string;
  }[];
  state: PhaseState;
  /** What may be submitted right now. */
  accepts: SubmissionKind[];
  /** How many groups the current round has (absent before groups are formed). */
  groupCount?: number;
  /**
   * Every group with its members, in the facilitator's view only (the group list of their panel;
   * others who steer ask `GET /activities/:id/groups`). Everyone else has their own group in
   * `me.group`: 300 tabs polling at a phase change each fetch 1 KB instead of every group's names.
   */
  groups?: GroupView[];
  /** Who sits on each circle's hot seat now (hot-seat formats; the stage shows them to everyone). */
  hotSeats?: PersonRef[];
  /** True when pairing fell back to random because org context was missing. */
  pairingDegraded?: boolean;
  /**
   * New groups each round: how many pairs of people have shared a group in more than one round
   * so far (0 where the numbers allow; 12 people at tables of 4 cannot avoid 3).
   */
  repeatMeetings?: number;
  wall: WallItem[];
  /** Every kind of submission the format declares (the wall shows `share`s, the stage counts `reflection`s). */
  declaredKinds: string[];
  /**
   * Submissions of the format's own kinds this person may read, by each kind's visibility: their
   * own, their group's, everyone's where the kind is shared, every one of a kind the facilitator
   * reads. (Reflections, shares and commitments have their own fields.) Newest last.
   */
  submissions: SubmissionView[];
  /** The kinds of the format's own submissions (not reflection, share, commitment), as declared. */
  kinds: SubmissionKindView[];
  /** The format seats people on a hot seat in turn (its community keeps a queue). */
  hotSeat: boolean;
  /** Confidential: nothing leaves the activity unless its author publishes it. */
  confidential: boolean;
  /** Who holds the format's held roles (a micro-teach's teacher, an AMA's expert). */
  roleHolders?: Partial<Record<HeldRole, PersonRef>>;
  /** The module its phases were planned from (`phasesFrom: "module"`). */
  module?: { id: string; title: string };
  /** The criteria the kinds written per criterion follow (a peer review's rubric). */
  rubric?: string[];
  isFacilitator: boolean;
  me: PersonalFacts & {
    /** The held roles the reader holds (they write the kinds kept to them, answer what they answer). */
    roles?: HeldRole[];
  };
  /**
   * Register kinds (goals kept across sessions): the latest of each person the caller may read
   * (their own, their circle's), from this session or an earlier one (`earlier`).
   */
  register?: RegisterView[];
}

/** A person's latest entry of a register kind, as their circle sees it at check-in. */
export interface RegisterView {
  kind: string;
  person: PersonRef;
  text: string;
  at: string;
  /** Written in an earlier session (not yet renewed in this one). */
  earlier: boolean;
  /** The reader's own. */
  mine: boolean;
}

/** One kind a format takes, as the side panel and cards build their editors from it. */
export interface SubmissionKindView {
  kind: string;
  scope: SubmissionDefinition["scope"];
  visibility: SubmissionDefinition["visibility"];
  noun: string;
  plural: string;
  maxLength: number;
  /** Only the person on their circle's hot seat writes it. */
  hotSeatOnly?: true;
  /** Kept across the community's sessions (see ActivityView.register). */
  register?: true;
  /** Its author may publish it to the library without their name. */
  publishable?: true;
  /** People vote for each other's items of it (the most voted first). */
  votable?: true;
  /** Those who steer promote its best items into a proposed playbook. */
  promote?: "playbook";
  /** Only the holder of this role writes it (a micro-teach's notes: the teacher). */
  heldBy?: HeldRole;
  /** The holder of this role does not write it (a peer review's author, the feedback). */
  notBy?: HeldRole;
  /** The holder of this role answers its items (shown under each). */
  answeredBy?: HeldRole;
  /** A rating: a whole number from `min` to `max` (a choice, not a text). */
  rating?: { min: number; max: number };
  /** Written criterion by criterion against the activity's rubric. */
  perCriterion?: true;
  /** Built from this kind's items, criterion by criterion ("I will change this"). */
  adopts?: string;
}

/** A submission as a reader sees it; `etag` only on what they may change (their own, their group's). */
export interface SubmissionView {
  kind: string;
  ownerId: string;
  itemId?: string;
  text: string;
  by: PersonRef;
  at: string;
  mine: boolean;
  etag?: string;
  /** A votable kind's item: how many voted for it, and whether the reader did. */
  votes?: number;
  myVote?: boolean;
  /** A promotable kind's item: whether it was promoted (into the proposed playbook). */
  promoted?: boolean;
  /** An answered kind's item: the role holder's answer, when given. */
  answer?: { text: string; by: PersonRef; at: string };
  /**
   * A kind written per criterion: each criterion of the rubric with its text (`text` is then the
   * readable whole, "Criterion: text" a line).
   */
  criteria?: { criterion: string; text: string }[];
}

/** A submission's text as readers get it: per criterion for a kind written so, else as written. */
export function textsOf(
  text: string,
  definition: SubmissionDefinition,
  rubric: readonly string[] | undefined,
): Pick<SubmissionView, "text" | "criteria"> {
  if (!definition.perCriterion || !rubric) return { text };
  return { text: readableCriteria(text, rubric), criteria: criteriaOf(text, rubric) };
}

/**
 * A submission as its writer reads it right after writing it: what a write answers, instead of
 * the whole activity again (the side panel puts it in place; everyone else's changes come with
 * its next poll). A new item has no votes yet; a retried one's votes show at the next poll.
 */
export function savedViewOf(
  submission: Submission,
  definition: SubmissionDefinition,
  rubric?: readonly string[],
): SubmissionView {
  return submissionViewOf(submission, definition, rubric, {
    mine: true,
    ...(definition.votable ? { votes: 0, myVote: false } : {}),
    ...(definition.promote ? { promoted: false } : {}),
  });
}

/** A submission as one reader sees it: its text and writer, and what is the reader's or counted. */
function submissionViewOf(
  s: Submission,
  definition: SubmissionDefinition,
  rubric: readonly string[] | undefined,
  seen: Pick<SubmissionView, "mine" | "votes" | "myVote" | "promoted" | "answer">,
): SubmissionView {
  return {
    kind: s.kind,
    ownerId: s.ownerId,
    ...(s.itemId ? { itemId: s.itemId } : {}),
    ...textsOf(s.text, definition, rubric),
    by: s.editedBy,
    at: s.at,
    mine: seen.mine,
    ...(seen.mine ? { etag: s.etag } : {}),
    ...(seen.votes === undefined ? {} : { votes: seen.votes, myVote: seen.myVote ?? false }),
    ...(seen.promoted === undefined ? {} : { promoted: seen.promoted }),
    ...(seen.answer ? { answer: seen.answer } : {}),
  };
}

/** Kinds the view shows in fields of their own (think-pair-share's first three). */
const OWN_FIELD_KINDS = new Set(["reflection", "share", "commitment"]);

/**
 * Who may read a submission (SubmissionDefinition.visibility): the writer (a group's text: its
 * group); the writer's group; everyone in the activity; or the facilitator too. Pure.
 */
export function canRead(
  visibility: SubmissionVisibility,
  submission: Submission,
  reader: {
    userId: string;
    isFacilitator: boolean;
    groupIds: ReadonlySet<string>;
    groupMates: ReadonlySet<string>;
  },
): boolean {
  const own =
    submission.scope === "group"
      ? reader.groupIds.has(submission.ownerId)
      : submission.ownerId === reader.userId;
  if (own || visibility === "everyone") return true;
  if (visibility === "facilitator") return reader.isFacilitator;
  if (visibility === "group")
    return submission.scope !== "group" && reader.groupMates.has(submission.ownerId);
  return false;
}

/**
 * What one person's card needs: the activity, its phase and the caller's own things, read by key.
 * The counts and groups of the whole activity are there only when it was read whole ({@link
 * ActivityView} is one of these): the answer to Join leaves them out, so 300 people joining at once
 * never each read all 300 rows.
 */
export type PersonalView = Pick<
  ActivityView,
  | "id"
  | "format"
  | "formatName"
  | "prompt"
  | "communityId"
  | "conversationId"
  | "facilitator"
  | "pairingRule"
  | "phases"
  | "state"
  | "accepts"
  | "kinds"
  | "isFacilitator"
  | "me"
> &
  Partial<Pick<ActivityView, "participantCount" | "reflectedCount" | "groupCount">>;

/**
 * A partner in the caller's group: their user principal name when they joined through the tab
 * (what the one-click group chat's deep link takes; it shows in that link anyway).
 */
export type GroupMate = PersonRef & { principalName?: string };

/** The caller's own rows a {@link PersonalView} is built from. */
export interface PersonalFacts {
  joined: boolean;
  reflection?: { text: string; at: string; etag: string };
  commitment?: { text: string; at: string };
  /** Their group with the partners' names, once groups are formed; `onHotSeat` when they sit on its hot seat. */
  group?: { id: string; partners: GroupMate[]; hotSeat?: PersonRef; onHotSeat?: true };
  share?: PairShare;
}

/** What the close of an activity reports: the summary card, library entries and learning interactions. */
export interface ActivitySummary extends ActivityFacts {
  activityId: string;
  /** The format's name ("Think-pair-share", "Knowledge Café"). */
  formatName: string;
  /** Every kind of submission the format declares. */
  declaredKinds: string[];
  /**
   * How many of each of the format's own kinds were handed in (themes, table notes, pledges), and
   * of a kind someone answers, how many were answered.
   */
  counts: { kind: string; plural: string; count: number; answered?: number }[];
  /** The format forms groups (a micro-teach or an AMA does not: no group count to show). */
  grouped?: boolean;
  groups: GroupView[];
  /** Shared insights, highlighted ones first. */
  shares: WallItem[];
  pairingRule?: PairingRule;
  pairingDegraded?: boolean;
}

/**
 * Each record's groups by round, worked out once per record: the 300 polls of a phase change are
 * answered from one shared read (records are never changed once read: see ActivityRepository.load),
 * so each view only picks its own. Shared: a caller that changed them would change everyone's, so
 * the groups are frozen and the lists typed `readonly` (`groupsOf`'s answer, each group's members).
 * The lists are not frozen: V8 (Node 20) runs `slice`, `find`, `filter` and `some` on a frozen
 * array 20–60 times slower than on a plain one (measured: 13 µs against 0.2 for `slice` of 150
 * groups), and a late join in a meeting of 300 walks them several times.
 */
const groupsByRecord = new WeakMap<
  readonly LateAssignment[],
  WeakMap<readonly StoredGrouping[], Map<number, readonly ActivityGroup[]>>
>();

/** A round's groups as formed, plus its late joiners put into them (or into groups of their own). */
export function groupsOf(
  record: Pick<ActivityRecord, "groupings" | "lateAssignments">,
  round: number,
): readonly ActivityGroup[] {
  const byGroupings = memo(groupsByRecord, record.lateAssignments, () => new WeakMap());
  const byRound = memo(byGroupings, record.groupings, () => new Map<number, readonly ActivityGroup[]>());
  return memo(byRound, round, () => formGroupsOf(record, round));
}

/** The group lists {@link groupsOf} made (shared, never changed): {@link groupOfPerson} indexes them once. */
const sharedGroups = new WeakSet<readonly ActivityGroup[]>();

function formGroupsOf(
  record: Pick<ActivityRecord, "groupings" | "lateAssignments">,
  round: number,
): ActivityGroup[] {
  const grouping = record.groupings.find((g) => g.round === round);
  const formed = grouping ? formedOf(grouping) : NONE_FORMED;
  const lateJoiners = record.lateAssignments.filter((l) => l.round === round);
  if (lateJoiners.length === 0) return formed.groups as ActivityGroup[];
  // Late joiners on top of the groups as formed: only the groups they join are copied.
  const groups = [...formed.groups];
  const added = new Map<string, number>();
  const lateAt = new Map<string, number>();
  for (const late of lateJoiners.sort((a, b) => compareStored(a.at, b.at))) {
    if (formed.placed.has(late.userId) || lateAt.has(late.userId)) continue;
    let at = formed.index.get(late.groupId) ?? added.get(late.groupId);
    if (at === undefined) {
      at = groups.length;
      added.set(late.groupId, at);
      groups.push({ id: late.groupId, members: [] });
    }
    const group = groups[at] as ActivityGroup;
    groups[at] = Object.freeze({ ...group, members: [...group.members, late.userId] });
    lateAt.set(late.userId, at);
  }
  lateGroupsMade.set(groups, { formed, lateAt });
  sharedGroups.add(groups);
  return groups;
}

/** Groups made of groups as formed plus late joiners: where each late joiner is (by index). */
const lateGroupsMade = new WeakMap<
  readonly ActivityGroup[],
  { formed: FormedGroups; lateAt: Map<string, number> }
>();

/** A round's groups as formed (before late joiners), by the stored grouping (read once, never changed). */
interface FormedGroups {
  groups: readonly ActivityGroup[];
  /** Each group's position, by id. */
  index: ReadonlyMap<string, number>;
  placed: ReadonlySet<string>;
}

const NONE_FORMED: FormedGroups = { groups: Object.freeze([]), index: new Map(), placed: new Set() };
const formedByGrouping = new WeakMap<StoredGrouping, FormedGroups>();

function formedOf(grouping: StoredGrouping): FormedGroups {
  return memo(formedByGrouping, grouping, formGroupsAsStored);
}

function formGroupsAsStored(grouping: StoredGrouping): FormedGroups {
  const index = new Map<string, number>();
  const placed = new Set<string>();
  const groups: ActivityGroup[] = [];
  for (const g of grouping.groups) {
    const group = g.hotSeat
      ? { id: g.id, members: [...g.members], hotSeat: g.hotSeat }
      : { id: g.id, members: [...g.members] };
    // A group id stored twice (never written so): the later one in the first one's place.
    const at = index.get(g.id);
    if (at !== undefined) groups[at] = group;
    else {
      index.set(g.id, groups.length);
      groups.push(group);
    }
  }
  for (const g of groups) for (const m of g.members) placed.add(m);
  const shared = groups.map((g) => Object.freeze(g));
  sharedGroups.add(shared);
  return { groups: shared, index, placed };
}

/** A group with names (and its hot seat, in a circle). */
export function groupViewOf(group: ActivityGroup, person: (id: string) => PersonRef): GroupView {
  return {
    id: group.id,
    members: group.members.map(person),
    ...(group.hotSeat ? { hotSeat: person(group.hotSeat) } : {}),
  };
}

/** The round whose groups an activity's view shows now (-1: none). */
export function roundOfView(record: Pick<ActivityRecord, "activity">, state: PhaseState): number {
  return currentRound(formatOf(record.activity.format), record.activity.phases, state);
}

/** The last round whose groups were formed (what a closed activity's summary shows), or -1. */
export function lastRound(record: Pick<ActivityRecord, "groupings">): number {
  return Math.max(-1, ...record.groupings.map((g) => g.round));
}

/** Each round's groups by member, for the groups a record's {@link groupsOf} keeps (frozen, never changed). */
const groupByMember = new WeakMap<readonly ActivityGroup[], Map<string, ActivityGroup>>();

export function groupOfPerson(groups: readonly ActivityGroup[], userId: string): ActivityGroup | undefined {
  if (!sharedGroups.has(groups)) return groups.find((g) => g.members.includes(userId));
  // Groups as formed plus late joiners (made anew as people join): found through the groups as
  // formed, indexed once, instead of indexing every member again for each late joiner's answer.
  const made = lateGroupsMade.get(groups);
  if (made) {
    const late = made.lateAt.get(userId);
    if (late !== undefined) return groups[late];
    const formedGroup = groupOfPerson(made.formed.groups, userId);
    return formedGroup && groups[made.formed.index.get(formedGroup.id) as number];
  }
  const byMember = memo(groupByMember, groups, () => {
    const found = new Map<string, ActivityGroup>();
    // The first group a person is in, as `find` would give.
    for (const g of groups) for (const m of g.members) if (!found.has(m)) found.set(m, g);
    return found;
  });
  return byMember.get(userId);
}

/** What may be submitted in the state the activity is in. */
export function acceptsAt(record: Pick<ActivityRecord, "activity">, state: PhaseState): SubmissionKind[] {
  const format = formatOf(record.activity.format);
  if (state.status === "ended") return [...format.acceptsAfterEnd];
  if (state.status === "not-started") return [];
  const phase = ruleOf(format, record.activity.phases[state.phaseIndex]);
  return phase ? [...phase.accepts] : [];
}

type Named = Pick<Participant, "displayName" | "principalName">;
/** People's names by id. */
type Names = Pick<ReadonlyMap<string, Named>, "get">;

/** Each record's people by id (name, principal name), made once per record (as its groups). */
const namesByRecord = new WeakMap<readonly Participant[], Names>();

function namedIn(record: ActivityRecord): Names {
  const { facilitator } = record.activity;
  return memo(namesByRecord, record.participants, (participants) => {
    const extension = extensionOf(participants);
    // A list read plus a few joined since (a late joiner's answer): the read's names, made once,
    // and the few on top, instead of all of them again for each joiner.
    if (extension) {
      const base = namedIn({ ...record, participants: extension.base as Participant[] });
      const added = new Map<string, Named>(extension.added.map((p) => [p.userId, p]));
      const ownRow = added.get(facilitator.id);
      if (ownRow) added.set(facilitator.id, facilitatorNamed(facilitator, ownRow));
      return { get: (id: string) => added.get(id) ?? base.get(id) };
    }
    const byId = new Map<string, Named>(participants.map((p) => [p.userId, p]));
    byId.set(facilitator.id, facilitatorNamed(facilitator, byId.get(facilitator.id)));
    return byId;
  });
}

/** The facilitator as set up, with the principal name of their participant row if they joined. */
function facilitatorNamed(facilitator: PersonRef, row: Named | undefined): Named {
  return {
    displayName: facilitator.displayName,
    ...(row?.principalName ? { principalName: row.principalName } : {}),
  };
}

function namesOf(record: ActivityRecord): (id: string) => PersonRef {
  const names = namedIn(record);
  return (id) => ({ id, displayName: names.get(id)?.displayName ?? "Someone" });
}

/** A group mate with their principal name where their participant row has it. */
function groupMateOf(record: ActivityRecord): (id: string) => GroupMate {
  const names = namedIn(record);
  return (id) => {
    const named = names.get(id);
    const displayName = named?.displayName ?? "Someone";
    return named?.principalName
      ? { id, displayName, principalName: named.principalName }
      : { id, displayName };
  };
}

function wallOf(record: ActivityRecord, groups: readonly ActivityGroup[], person: (id: string) => PersonRef) {
  if (record.shares.length === 0) return [];
  const highlighted = new Set(record.highlights.map((h) => h.groupId));
  const members = new Map(groups.map((g) => [g.id, g.members]));
  return record.shares
    .map((s) => ({
      groupId: s.groupId,
      members: (members.get(s.groupId) ?? []).map(person),
      text: s.text,
      editedBy: s.editedBy,
      at: s.at,
      highlighted: highlighted.has(s.groupId),
    }))
    .sort((a, b) => Number(b.highlighted) - Number(a.highlighted) || compareStored(a.at, b.at));
}

function phasesOf(activity: ActivityRecord["activity"]): ActivityView["phases"] {
  const format = formatOf(activity.format);
  return activity.phases.map((p) => {
    const definition = ruleOf(format, p);
    return {
      id: p.id,
      title: definition?.title ?? p.id,
      instruction: definition?.instruction ?? "",
      minutes: p.minutes,
      ...(p.rule ? { rule: p.rule } : {}),
      ...(p.body !== undefined ? { body: p.body } : {}),
    };
  });
}

/** Builds one person's card view from the flow and their own rows. Pure. */
export function personalViewFor(
  flow: Pick<ActivityRecord, "activity">,
  state: PhaseState,
  userId: string,
  facts: PersonalFacts,
): PersonalView {
  const { activity } = flow;
  return {
    id: activity.id,
    format: activity.format,
    formatName: formatOf(activity.format).name,
    prompt: activity.prompt,
    communityId: activity.communityId,
    conversationId: activity.conversationId,
    facilitator: activity.facilitator,
    pairingRule: activity.pairingRule,
    phases: phasesOf(activity),
    state,
    accepts: acceptsAt(flow, state),
    kinds: kindsOf(activity.format),
    isFacilitator: activity.facilitator.id === userId,
    me: {
      joined: facts.joined,
      ...rolesOf(activity, userId),
      ...(facts.reflection ? { reflection: facts.reflection } : {}),
      ...(facts.group ? { group: facts.group } : {}),
      ...(facts.share ? { share: facts.share } : {}),
      ...(facts.commitment ? { commitment: facts.commitment } : {}),
    },
  };
}

/** Builds one person's view of an activity. Pure. */
export function activityViewFor(record: ActivityRecord, state: PhaseState, userId: string): ActivityView {
  const { activity } = record;
  const format = formatOf(activity.format);
  const person = namesOf(record);
  const round = roundOfView(record, state);
  const grouping = record.groupings.find((g) => g.round === round);
  const groups = groupsOf(record, round);
  const mine = groupOfPerson(groups, userId);
  const reflection = record.reflections.find((r) => r.userId === userId);
  const share = mine ? record.shares.find((s) => s.groupId === mine.id) : undefined;
  const commitment = record.commitments.find((c) => c.userId === userId);
  return {
    id: activity.id,
    format: activity.format,
    formatName: format.name,
    ...placeOf(activity),
    pairingRule: activity.pairingRule,
    phases: phasesOf(activity),
    state,
    accepts: acceptsAt(record, state),
    participantCount: record.participants.length,
    reflectedCount: record.reflections.length,
    commitmentCount: record.commitments.length,
    ...(grouping
      ? {
          groupCount: groups.length,
          ...(activity.facilitator.id === userId
            ? { groups: groups.map((g) => groupViewOf(g, person)) }
            : {}),
          ...hotSeatsOf(groups, person),
          pairingDegraded: grouping.degraded,
          ...(grouping.repeatMeetings ? { repeatMeetings: grouping.repeatMeetings } : {}),
        }
      : {}),
    wall: wallOf(record, groups, person),
    declaredKinds: Object.keys(format.submissions),
    submissions: readableSubmissions(record, userId),
    kinds: kindsOf(activity.format),
    hotSeat: format.phases.some((p) => p.grouping?.kind === "hotSeat"),
    confidential: format.confidential,
    ...(activity.roleHolders ? { roleHolders: activity.roleHolders } : {}),
    ...(activity.module ? { module: activity.module } : {}),
    ...(activity.rubric ? { rubric: activity.rubric } : {}),
    isFacilitator: activity.facilitator.id === userId,
    me: {
      joined: record.participants.some((p) => p.userId === userId),
      ...rolesOf(activity, userId),
      ...(reflection
        ? { reflection: { text: reflection.text, at: reflection.at, etag: reflection.etag } }
        : {}),
      ...(mine
        ? {
            group: {
              id: mine.id,
              partners: mine.members.filter((m) => m !== userId).map(groupMateOf(record)),
              ...(mine.hotSeat ? { hotSeat: person(mine.hotSeat) } : {}),
              ...(mine.hotSeat === userId ? { onHotSeat: true as const } : {}),
            },
          }
        : {}),
      ...(share ? { share } : {}),
      ...(commitment ? { commitment: { text: commitment.text, at: commitment.at } } : {}),
    },
  };
}

/** The current round's groups with their members' names, as the facilitator's view lists them (none formed: undefined). */
export function groupViewsFor(record: ActivityRecord, state: PhaseState): GroupView[] | undefined {
  const round = roundOfView(record, state);
  if (!record.groupings.some((g) => g.round === round)) return undefined;
  const person = namesOf(record);
  return groupsOf(record, round).map((g) => groupViewOf(g, person));
}

/** The people on the hot seats of the groups (none: nothing). */
function hotSeatsOf(
  groups: readonly ActivityGroup[],
  person: (id: string) => PersonRef,
): { hotSeats?: PersonRef[] } {
  const seated: PersonRef[] = [];
  for (const g of groups) if (g.hotSeat) seated.push(person(g.hotSeat));
  return seated.length > 0 ? { hotSeats: seated } : {};
}

/** The format's own kinds, in the order it declares them. */
function kindsOf(formatId: ActivityRecord["activity"]["format"]): SubmissionKindView[] {
  return Object.entries(formatOf(formatId).submissions)
    .filter(([kind]) => !OWN_FIELD_KINDS.has(kind))
    .map(([kind, d]) => ({
      kind,
      scope: d.scope,
      visibility: d.visibility,
      noun: d.noun,
      plural: pluralOf(d),
      maxLength: d.maxLength,
      ...(d.writers?.includes("hot-seat") ? { hotSeatOnly: true as const } : {}),
      ...(d.register ? { register: true as const } : {}),
      ...(d.publishable ? { publishable: true as const } : {}),
      ...(d.votable ? { votable: true as const } : {}),
      ...(d.promote ? { promote: d.promote } : {}),
      ...(d.rating ? { rating: d.rating } : {}),
      ...heldByOf(d),
      ...(d.notBy ? { notBy: d.notBy } : {}),
      ...(d.answeredBy ? { answeredBy: d.answeredBy } : {}),
      ...(d.perCriterion ? { perCriterion: true as const } : {}),
      ...(d.adopts ? { adopts: d.adopts } : {}),
    }));
}

/** The held role a kind is kept to, when one is. */
function heldByOf(d: SubmissionDefinition): { heldBy?: HeldRole } {
  const role = d.writers?.find((r): r is HeldRole => r !== "hot-seat");
  return role ? { heldBy: role } : {};
}

/** The held roles one person holds in an activity (none: nothing). */
function rolesOf(activity: ActivityRecord["activity"], userId: string): { roles?: HeldRole[] } {
  const roles = Object.entries(activity.roleHolders ?? {})
    .filter(([, holder]) => holder?.id === userId)
    .map(([role]) => role as HeldRole);
  return roles.length > 0 ? { roles } : {};
}

/**
 * What every reader's list of submissions is made from, worked out once per record (a phase's
 * hundreds of polls and late joins are answered from one shared read): the readable kinds' rows in
 * the order readers get them (a votable kind's most voted first, newest last), each with its votes,
 * answer and promotion; and each item as readers see it, made once per reader flags (whether they
 * may edit it, whether they voted) and then shared, frozen, by everyone with the same flags. The
 * answer's JSON and version are then worked out once per item too (activityRoutes.ts).
 */
interface SubmissionsOfRecord {
  /** What it was made from, besides the submissions it is kept by (a record's lists never change). */
  from: Pick<ActivityRecord, "votes" | "answers" | "promotions"> & { rubric: readonly string[] | undefined };
  rows: {
    s: Submission;
    definition: SubmissionDefinition;
    voters?: ReadonlySet<string>;
    promoted?: boolean;
    answer?: SubmissionView["answer"];
    views: Map<string, SubmissionView>;
  }[];
}

const submissionsByRecord = new WeakMap<readonly Submission[], SubmissionsOfRecord>();

function submissionsOfRecord(record: ActivityRecord): SubmissionsOfRecord {
  const kept = submissionsByRecord.get(record.submissions);
  const from = kept?.from;
  if (
    kept &&
    from?.votes === record.votes &&
    from.answers === record.answers &&
    from.promotions === record.promotions &&
    from.rubric === record.activity.rubric
  )
    return kept;
  const made = makeSubmissionsOfRecord(record);
  submissionsByRecord.set(record.submissions, made);
  return made;
}

function makeSubmissionsOfRecord(record: ActivityRecord): SubmissionsOfRecord {
  const format = formatOf(record.activity.format);
  const keyOf = (item: { kind: string; ownerId: string; itemId?: string }) =>
    `${item.kind}|${item.ownerId}|${item.itemId ?? ""}`;
  const voters = new Map<string, Set<string>>();
  for (const v of record.votes) memo(voters, keyOf(v), () => new Set<string>()).add(v.voterId);
  const answers = new Map(record.answers.map((a) => [keyOf(a), a]));
  const promoted = new Set(record.promotions.map(keyOf));
  const rows: SubmissionsOfRecord["rows"] = [];
  for (const s of record.submissions) {
    if (OWN_FIELD_KINDS.has(s.kind)) continue;
    const definition = submissionOf(format, s.kind);
    if (!definition) continue;
    const key = keyOf(s);
    const answer = definition.answeredBy ? answers.get(key) : undefined;
    rows.push({
      s,
      definition,
      ...(definition.votable ? { voters: voters.get(key) ?? new Set<string>() } : {}),
      ...(definition.promote ? { promoted: promoted.has(key) } : {}),
      ...(answer ? { answer: { text: answer.text, by: answer.by, at: answer.at } } : {}),
      views: new Map(),
    });
  }
  // Newest last; a votable kind's most voted first (a stable sort: the same for every reader).
  rows.sort((a, b) => (b.voters?.size ?? 0) - (a.voters?.size ?? 0) || compareStored(a.s.at, b.s.at));
  const from = { votes: record.votes, answers: record.answers, promotions: record.promotions };
  return { from: { ...from, rubric: record.activity.rubric }, rows };
}

/** The submissions of the format's own kinds one person may read (see {@link canRead}). */
function readableSubmissions(record: ActivityRecord, userId: string): SubmissionView[] {
  const format = formatOf(record.activity.format);
  // Confidential: nothing for anyone who did not take part, whatever a kind's visibility says.
  if (format.confidential && !takesPart(record, userId)) return [];
  const mine = record.groupings.flatMap((g) => groupOfPerson(groupsOf(record, g.round), userId) ?? []);
  const reader = {
    userId,
    isFacilitator: record.activity.facilitator.id === userId,
    groupIds: new Set(mine.map((g) => g.id)),
    groupMates: new Set(mine.flatMap((g) => g.members)),
  };
  const { from, rows } = submissionsOfRecord(record);
  const { rubric } = from;
  const readable: SubmissionView[] = [];
  for (const row of rows) {
    const { s, definition } = row;
    if (!canRead(definition.visibility, s, reader)) continue;
    const editable = s.scope === "group" ? reader.groupIds.has(s.ownerId) : s.ownerId === userId;
    const myVote = row.voters?.has(userId) ?? false;
    readable.push(
      memo(row.views, `${editable}|${myVote}`, () =>
        Object.freeze(
          submissionViewOf(s, definition, rubric, {
            mine: editable,
            ...(row.voters ? { votes: row.voters.size, myVote } : {}),
            ...(row.promoted === undefined ? {} : { promoted: row.promoted }),
            ...(row.answer ? { answer: row.answer } : {}),
          }),
        ),
      ),
    );
  }
  return readable;
}

/** The close summary of an activity. Pure; reflections stay private (only counted). */
export function activitySummaryOf(record: ActivityRecord): ActivitySummary {
  const { activity } = record;
  const person = namesOf(record);
  const round = lastRound(record);
  const grouping = record.groupings.find((g) => g.round === round);
  const groups = groupsOf(record, round);
  return {
    activityId: activity.id,
    formatName: formatOf(activity.format).name,
    declaredKinds: Object.keys(formatOf(activity.format).submissions),
    // A rating is given after the close and reported to stewards, not counted on the summary.
    counts: kindsOf(activity.format)
      .filter((k) => !k.rating)
      .map((k) => ({
        kind: k.kind,
        plural: k.plural,
        count: record.submissions.filter((s) => s.kind === k.kind).length,
        ...(k.answeredBy ? { answered: record.answers.filter((a) => a.kind === k.kind).length } : {}),
      })),
    grouped: formatOf(activity.format).phases.some((p) => p.grouping && p.grouping.kind !== "none"),
    ...placeOf(activity),
    participantCount: record.participants.length,
    reflectedCount: record.reflections.length,
    commitmentCount: record.commitments.length,
    groups: groups.map((g) => groupViewOf(g, person)),
    shares: wallOf(record, groups, person),
    ...(grouping ? { pairingRule: grouping.appliedRule, pairingDegraded: grouping.degraded } : {}),
  };
}

/** Whether the person took part in the activity (joined it, or runs it). */
export function takesPart(
  record: Pick<ActivityRecord, "activity" | "participants">,
  userId: string,
): boolean {
  return record.activity.facilitator.id === userId || record.participants.some((p) => p.userId === userId);
}
