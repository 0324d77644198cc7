import { AfterThePause } from "../afterThePause.js";
import type { CommitmentRecorder, RecordOptions } from "../commitments/commitment.js";
import type { CommunityAccess } from "../communities/community.js";
import { forEachLimited, retryOnConflict } from "../concurrency.js";
import { digestId } from "../digestId.js";
import {
  ConcurrencyError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "../errors.js";
import { type Caller, callerAsPerson } from "../identity.js";
import { memo } from "../memo.js";
import type { PeopleDirectory } from "../people/peopleDirectory.js";
import { parseInput } from "../validation.js";
import {
  type Activity,
  type ActivityFlow,
  type ActivityRecord,
  type BroughtEntry,
  type ItemRef,
  type LateAssignment,
  type MyActivityNote,
  type OpenActivity,
  type PairShare,
  type Participant,
  participantOf,
  type StoredGrouping,
  type Submission,
  sameItem,
} from "./activity.js";
import {
  type ActivityFormatDefinition,
  type HeldRole,
  heldRolesOf,
  pluralOf,
  type SubmissionDefinition,
  type SubmissionKind,
  submissionOf,
  takesRubric,
} from "./activityFormat.js";
import { formatOf, planFromSections, planPhases, registerKindsOf } from "./activityFormats.js";
import {
  type ActivityOutcomes,
  activityOutcomesOf,
  type OutcomeEntry,
  publishedLessonOf,
} from "./activityOutcomes.js";
import type { ActivityRepository, Announcement, FlowFreshness } from "./activityRepository.js";
import {
  type ControlInput,
  controlSchema,
  itemAnswerSchema,
  type NewActivityInput,
  newActivitySchema,
  requestIdSchema,
  type SubmissionInput,
  submissionSchema,
  swapSchema,
} from "./activitySchemas.js";
import {
  type ActivitySummary,
  type ActivityView,
  acceptsAt,
  activitySummaryOf,
  activityViewFor,
  type GroupView,
  groupOfPerson,
  groupsOf,
  groupViewsFor,
  type PersonalFacts,
  type PersonalView,
  personalViewFor,
  type RegisterView,
  type SubmissionView,
  savedViewOf,
  takesPart,
} from "./activityViews.js";
import { type CircleMemory, circleQueueOf, EarlierRegisters, type QueuePlace } from "./circleMemory.js";
import type { RubricService } from "./communityRubrics.js";
import { GroupFormation, groupingNow, roundOf } from "./groupFormation.js";
import { keptOutOfGroups, lastRoundReached } from "./groupingRounds.js";
import { GroupTextVersions } from "./groupTextVersions.js";
import { type MeetingRoles, RoleLookup, STEERING_ROLES } from "./meetingRoles.js";
import { participantsById } from "./participantLists.js";
import { controlProblem, flowStateAt, type PhaseState } from "./phaseClock.js";
import type { PhaseContent } from "./phaseContent.js";
import type { QuestionsAheadService } from "./questionsAhead.js";
import { RecentJoins } from "./recentJoins.js";
import { criteriaInputOf, readableCriteria } from "./rubric.js";
import { SubmissionCopies } from "./submissionCopies.js";
import type { RoleRota, TeachingTopicService } from "./teachingTopics.js";

/** The answer to a pair-share write: saved, or a conflict that shows both texts instead of losing one. */
export type ShareResult =
  | { status: "saved"; share: PairShare }
  | {
      status: "conflict";
      message: string;
      /** What is stored now (with its ETag: edit on top of it to save). */
      current: PairShare;
      /** What the caller tried to save. */
      yours: string;
      /** Both texts together, for the caller to tidy and save on top of `current`. */
      merged: string;
    };

/**
 * The answer to any submission: saved, or — for a group's text changed by another member since
 * the writer read it — a conflict that shows both texts instead of losing one.
 */
export type SubmitResult =
  | {
      status: "saved";
      submission: Submission;
      /** The submission as its writer reads it now (what the tab's write answers with). */
      view?: SubmissionView;
    }
  | { status: "conflict"; message: string; current: Submission; yours: string; merged: string };

export interface ActivityServiceOptions {
  now?: () => Date;
  /** Ids for new activities when no request id is given. */
  newId?: () => string;
  /** How long pairing waits for org context before falling back (Graph slow must not block). */
  directoryTimeoutMs?: number;
  /** How many of the community's last activities count for "recent partners". */
  recentActivities?: number;
  /** How long an announcement claim holds before another instance may take it over. */
  announcementLeaseMs?: number;
  /**
   * The activity's community: a private one's non-members neither see its activities nor take
   * part; in an open one, taking part joins the community. Without it, activities are not gated.
   */
  communities?: CommunityAccess;
  /** Where commitments become first-class (followed up, checked in on); absent, they stay rows here. */
  commitments?: CommitmentRecorder;
  /**
   * Meeting roles: with them, the organiser and presenters of the activity's meeting steer it
   * too. Without them (or when Teams does not answer in time), the facilitator alone steers.
   */
  meetingRoles?: MeetingRoles;
  /** What circles keep across sessions (hot seats, swaps, goals); without it, nothing carries over. */
  circles?: CircleMemory;
  /** Where a confidential format's author publishes a lesson (the community's library). */
  lessons?: LessonPublisher;
  /** The communities' micro-teach topic queues: a micro-teach set up from a topic takes its teacher. */
  topics?: Pick<TeachingTopicService, "teach">;
  /** The communities' rotas: who holds a role (teacher, expert) not chosen at set-up. */
  rota?: RoleRota;
  /** Questions asked ahead of sessions: an activity set up for a session starts with them. */
  questionsAhead?: Pick<QuestionsAheadService, "forSession">;
  /** The communities' modules: a format whose phases come from one (`phasesFrom`) plans them from it. */
  phaseContent?: PhaseContent;
  /** The communities' rubrics: a format written per criterion set up without one takes its community's. */
  rubrics?: Pick<RubricService, "rubricOf">;
}

/** Saves a lesson an author chose to publish from a confidential activity, once per id. */
export interface LessonPublisher {
  publish(caller: Caller, communityId: string, entry: OutcomeEntry): Promise<{ entryId: string }>;
}

/** The answer to someone who may not steer an activity run in a meeting. */
export const STEERING_FORBIDDEN =
  "Only the meeting's organiser, its presenters or the facilitator can steer this activity.";

/** An answer to taking part: `joinedCommunity` when it made the caller a member of an open community. */
export type Joined<T> = T & { joinedCommunity?: true };

/** The format of an activity and its definition of a kind (undefined when the format takes none). */
function kindOf(record: ActivityRecord, kind: SubmissionKind) {
  const format = formatOf(record.activity.format);
  return { format, definition: submissionOf(format, kind) };
}

/** The item pointed at, or a friendly not-found naming the kind. */
function requireItem(record: ActivityRecord, item: ItemRef, definition: SubmissionDefinition): void {
  if (!record.submissions.some((s) => sameItem(s, item)))
    throw new NotFoundError(`That ${definition.noun} is not there.`);
}

/**
 * Runs structured activities (think-pair-share first): set-up, facilitator controls, joins,
 * private reflections, pairing, pair shares, highlights and commitments. Every answer is derived
 * from stored facts and the clock, so any server instance can serve any request; every write is
 * idempotent for a retried request (pass Bot Framework's activity id, or a per-action id from the
 * tab, as `requestId`).
 */
export class ActivityService {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly announcementLeaseMs: number;
  private readonly communities: CommunityAccess | undefined;
  private readonly commitments: CommitmentRecorder | undefined;
  /** Commitments waiting to be handed over by this instance, by person and activity. */
  /** Commitments waiting for their hand-over, by activity and person (see handOver). */
  private readonly handOvers = new AfterThePause<ActivityFlow, HandOver>((flow, waiting) =>
    this.handOverAll(flow, waiting),
  );
  /** Whom this instance joined and placed lately (see join). */
  private readonly recentJoins: RecentJoins;
  /** Each round's groups, formed once, and late joiners placed into them. */
  private readonly groupFormation: GroupFormation;
  private readonly groupTexts = new GroupTextVersions();
  private readonly copies = new SubmissionCopies((activity, copy) => this.writeCopies(activity, copy));
  private readonly roles: RoleLookup | undefined;
  private readonly circles: CircleMemory | undefined;
  private readonly earlierRegisters: EarlierRegisters | undefined;
  private readonly lessons: LessonPublisher | undefined;
  private readonly topics: Pick<TeachingTopicService, "teach"> | undefined;
  private readonly rota: RoleRota | undefined;
  private readonly questionsAhead: Pick<QuestionsAheadService, "forSession"> | undefined;
  private readonly phaseContent: PhaseContent | undefined;
  private readonly rubrics: Pick<RubricService, "rubricOf"> | undefined;

  constructor(
    private readonly activities: ActivityRepository,
    directory: PeopleDirectory,
    options: ActivityServiceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.recentJoins = new RecentJoins(() => this.now().getTime());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.announcementLeaseMs = options.announcementLeaseMs ?? 30_000;
    this.communities = options.communities;
    this.commitments = options.commitments;
    this.circles = options.circles;
    this.groupFormation = new GroupFormation({
      activities,
      directory,
      recentJoins: this.recentJoins,
      circles: options.circles,
      records: (tenantId, activityId) => this.require(tenantId, activityId),
      now: this.now,
      directoryTimeoutMs: options.directoryTimeoutMs ?? 2_000,
      recentActivities: options.recentActivities ?? 3,
    });
    this.earlierRegisters = options.circles ? new EarlierRegisters(options.circles) : undefined;
    this.lessons = options.lessons;
    this.topics = options.topics;
    this.rota = options.rota;
    this.questionsAhead = options.questionsAhead;
    this.phaseContent = options.phaseContent;
    this.rubrics = options.rubrics;
    const roles = options.meetingRoles;
    this.roles = roles instanceof RoleLookup ? roles : roles ? new RoleLookup(roles) : undefined;
  }

  /**
   * Sets an activity up; the caller is its facilitator. With a `requestId` the activity's id is
   * derived from it, so a retried set-up returns the same activity instead of making a second.
   */
  async create(caller: Caller, input: NewActivityInput, requestId?: string): Promise<ActivityView> {
    const data = parseInput(newActivitySchema, input);
    const id = requestId ? await idFromRequest(caller, parseInput(requestIdSchema, requestId)) : this.newId();
    const format = formatOf(data.format);
    // The plan is checked before a topic is marked taught: a refused set-up leaves the queue as it was.
    const fromContent = await this.contentPlan(caller, format, data.communityId, data.moduleId, id);
    const phases = fromContent?.phases ?? planPhases(format, data.minutes);
    const rubric = await this.rubricFor(caller, format, data.communityId, data.rubric);
    const topic =
      data.topicId && this.topics && heldRolesOf(format).includes("teacher")
        ? await this.topics.teach(caller, data.communityId, data.topicId, id)
        : undefined;
    const roleHolders = await this.roleHoldersOf(caller, format, data.communityId, data.sessionId, {
      ...(topic ? { teacher: topic.teacher } : {}),
      ...data.roles,
    });
    const activity: Activity = {
      tenantId: caller.tenantId,
      id,
      format: data.format,
      communityId: data.communityId,
      conversationId: data.conversationId,
      ...(data.meetingId ? { meetingId: data.meetingId } : {}),
      ...(data.sessionId ? { sessionId: data.sessionId } : {}),
      facilitator: callerAsPerson(caller),
      ...(caller.teamsId ? { facilitatorTeamsId: caller.teamsId } : {}),
      prompt: data.prompt,
      phases,
      pairingRule: data.pairingRule,
      createdAt: this.now().toISOString(),
      ...(roleHolders ? { roleHolders } : {}),
      ...(topic && data.topicId ? { topicId: data.topicId } : {}),
      ...(fromContent ? { module: fromContent.module } : {}),
      ...(rubric ? { rubric } : {}),
    };
    const { activity: stored } = await this.activities.create(activity);
    if (stored.facilitator.id !== caller.userId)
      throw new ConflictError("An activity with this id already exists.");
    await this.startWithQuestionsAhead(stored);
    return this.view(caller, id);
  }

  /**
   * For a format whose phases come from content (`phasesFrom`), the plan from the module picked
   * at set-up: one phase per timed section, stored with the activity. Undefined for other formats.
   */
  private async contentPlan(
    caller: Caller,
    format: ActivityFormatDefinition,
    communityId: string,
    moduleId: string | undefined,
    activityId: string,
  ) {
    if (!format.phasesFrom) return undefined;
    if (!moduleId)
      throw new ValidationError(`Pick one of the community's modules: ${format.name} follows its sections.`, [
        { field: "moduleId", message: "Pick a module." },
      ]);
    if (!this.phaseContent)
      throw new ValidationError(`${format.name} cannot be set up here: modules are not available.`);
    const content = await this.phaseContent.sectionsFor(caller, communityId, moduleId, activityId);
    return {
      phases: planFromSections(format, content.sections),
      module: { id: content.id, title: content.title },
    };
  }

  /**
   * The rubric of a format with a kind written per criterion: as given at set-up, else the
   * community's (kept by its stewards); without either, the set-up is refused and says so. A
   * format without such a kind keeps none.
   */
  private async rubricFor(
    caller: Caller,
    format: ActivityFormatDefinition,
    communityId: string,
    given: string[] | undefined,
  ): Promise<string[] | undefined> {
    if (!takesRubric(format)) return undefined;
    const rubric = given ?? (await this.rubrics?.rubricOf(caller, communityId));
    if (rubric && rubric.length > 0) return rubric;
    const message = `${format.name} needs a rubric: give its criteria, or ask a steward to keep one for the community.`;
    throw new ValidationError(message, [{ field: "rubric", message }]);
  }

  /**
   * A session's activity starts with what people asked ahead (an AMA's questions), as items of
   * the kind asked ahead, by their askers; kept once per question (a retried set-up adds nothing).
   */
  private async startWithQuestionsAhead(activity: Activity): Promise<void> {
    const kind = Object.entries(formatOf(activity.format).submissions).find(([, d]) => d.askedAhead)?.[0];
    if (!kind || !activity.sessionId || !this.questionsAhead) return;
    const asked = await this.questionsAhead.forSession(
      activity.tenantId,
      activity.communityId,
      activity.sessionId,
    );
    for (const q of asked)
      await this.activities.saveSubmission(activity, {
        kind,
        scope: "item",
        ownerId: q.asker.id,
        itemId: q.id,
        text: q.text,
        createdBy: q.asker,
        editedBy: q.asker,
        at: q.at,
        requestId: `ahead-${q.id}`,
      });
  }

  /** The caller's view of an activity (the stage shows its public part). Forms groups when due. */
  async view(caller: Caller, activityId: string): Promise<ActivityView> {
    let record = await this.require(caller.tenantId, activityId);
    await this.communities?.mayRead(caller, record.activity.communityId);
    let state = this.stateOfFlow(record);
    const round = roundOf(record, state);
    if (this.groupsDue(record, state)) {
      await this.groupFormation.ensureGroups(caller.tenantId, activityId);
      record = await this.require(caller.tenantId, activityId);
      state = this.stateOfFlow(record);
    } else if (round >= 0 && this.groupFormation.isUnplaced(record, round, caller.userId)) {
      // The caller's own place, as stored (a retry finds the first one), in a copy of the shared
      // record: no second read of the whole activity. Others placed meanwhile show at the next poll;
      // those placed through this instance count already, so people arriving together spread.
      const placed = await this.groupFormation.placeLateJoiner(
        record.activity,
        round,
        groupsOf(
          { groupings: record.groupings, lateAssignments: this.recentJoins.lateAssignmentsInto(record) },
          round,
        ),
        caller.userId,
      );
      record = {
        ...record,
        lateAssignments: [
          ...record.lateAssignments.filter((l) => !(l.round === round && l.userId === caller.userId)),
          placed,
        ],
      };
    }
    const view = activityViewFor(record, state, caller.userId);
    // Someone whose panel shows a running activity they have not joined yet: their own kept entries
    // (a mastermind's goals) and what their community's Join reads are read now, beside the answer,
    // so pressing Join finds them read. The entries are shown to them only once they take part.
    if (state.status !== "ended" && !takesPart(record, caller.userId)) {
      this.prefetchRegister(record.activity, [caller.userId]);
      this.communities?.expectParticipant?.(caller, record.activity.communityId);
    }
    const register = await this.registerFor(record, view, caller.userId);
    return register.length > 0 ? { ...view, register } : view;
  }

  /**
   * Every group of the current round with its members' names: the group list of someone who steers
   * without being the facilitator (whose view has it). Whoever may read the activity may ask.
   */
  async groups(caller: Caller, activityId: string): Promise<GroupView[]> {
    const record = await this.require(caller.tenantId, activityId);
    await this.communities?.mayRead(caller, record.activity.communityId);
    return groupViewsFor(record, this.stateOfFlow(record)) ?? [];
  }

  /**
   * Joins the caller (in any phase; after pairing they are put into a group). Idempotent. Taking
   * part in an open community's activity joins the community too (`joinedCommunity`).
   */
  async join(caller: Caller, activityId: string): Promise<Joined<ActivityView>> {
    const { tenantId } = caller;
    // A flow read already running will do: people arriving together (a meeting's late joiners)
    // wait for one read, not for it and the next. A control stored on another instance within
    // that read's few milliseconds shows at the next poll, which places a joiner the groups of a
    // new round missed (view).
    const flowRead = this.requireFlow(tenantId, activityId, "running");
    // What this instance holds of the flow already (a late joiner's usual case, with the round's
    // groups): they join on it beside the read that checks it, not after that read. A control
    // stored meanwhile answers with the view instead, which places them in the new round.
    const kept = this.keptFlowOf(tenantId, activityId);
    if (!kept) return this.joinOn(caller, activityId, await flowRead);
    flowRead.catch(() => undefined); // awaited below, once the join on the kept flow is written
    const joined = await this.joinOn(caller, activityId, kept);
    const fresh = await flowRead;
    if (fresh.controls.length === kept.controls.length) return joined;
    return {
      ...(await this.view(caller, activityId)),
      ...(joined.joinedCommunity ? { joinedCommunity: joined.joinedCommunity } : {}),
    };
  }

  /** The flow this instance holds, when it holds the current round's groups too (none due to form). */
  private keptFlowOf(tenantId: string, activityId: string): ActivityFlow | undefined {
    const flow = this.activities.keptFlow(tenantId, activityId);
    return flow && !this.groupsDue(flow, this.stateOfFlow(flow)) ? flow : undefined;
  }

  private async joinOn(
    caller: Caller,
    activityId: string,
    flow: ActivityFlow,
  ): Promise<Joined<ActivityView>> {
    const { tenantId, userId } = caller;
    const state = this.stateOfFlow(flow);
    if (state.status === "ended") throw new ValidationError("This activity has already ended.");
    // The groups are due but not formed yet: the whole read forms them (once per activity).
    if (this.groupsDue(flow, state)) {
      const joined = await this.takePart(caller, flow, () =>
        this.joinQuietly(caller, activityId, this.now().toISOString()),
      );
      return { ...(await this.view(caller, activityId)), ...joined };
    }
    // The rest of the activity as this instance read it a moment ago (or a read already running),
    // fetched beside the caller's writes instead of read again after them: the answer adds the
    // caller's own rows, and others' writes of the last moments come with the next poll.
    const inHand = this.activities.recentRecord(tenantId, activityId, RECORD_IN_HAND_MS);
    inHand.catch(() => undefined); // awaited below; refused callers never wait for it
    const grouping = groupingNow(flow, state);
    const me = participantOf(caller, this.now().toISOString());
    // What they bring in from earlier sessions, when their panel's load read it already: kept on
    // their row, so no instance reads it again for their mates' views.
    const brought = this.broughtBy(flow.activity, userId);
    if (brought) me.brought = brought;
    let joinedNow = false;
    let placed: LateAssignment | undefined;
    /** Their row, and when the groups hold and they are in none, their place in one beside it. */
    const write = async (): Promise<{ joined: boolean; placed?: LateAssignment }> => {
      const record = grouping ? await inHand : undefined;
      if (!record || !grouping)
        return { joined: await this.activities.addParticipant(tenantId, activityId, me) };
      // The groups as the flow holds them, with everyone placed late as far as this instance knows
      // (made for this join alone: looked through once, not indexed by member).
      const lateAssignments = this.recentJoins.lateAssignmentsInto(record);
      const groups = groupsOf({ groupings: [grouping], lateAssignments }, grouping.round);
      const group = groups.find((g) => g.members.includes(userId));
      if (group || keptOutOfGroups(flow.activity, formatOf(flow.activity.format), grouping.round, userId)) {
        this.prefetchRegister(flow.activity, group?.members ?? [], record);
        return { joined: await this.activities.addParticipant(tenantId, activityId, me) };
      }
      const placing = this.groupFormation.placeLateJoiner(flow.activity, grouping.round, groups, userId, me);
      // The place is noted before it is stored: the new mates' kept goals are read beside the write.
      const place = this.recentJoins.placementOf(tenantId, activityId, grouping.round, userId);
      const mates = groups.find((g) => g.id === place?.groupId)?.members ?? [];
      this.prefetchRegister(flow.activity, [...mates, ...(brought ? [] : [userId])], record);
      return placing;
    };
    const joined = await this.takePart(caller, flow, async () => {
      if (!brought) this.prefetchRegister(flow.activity, [userId]);
      const written = await write();
      joinedNow = written.joined;
      placed = written.placed;
      this.recentJoins.joined(tenantId, activityId, me);
    });
    const found = await inHand;
    if (!found)
      throw new NotFoundError("This activity does not exist (or was set up in another organisation).");
    const record = this.recentJoins.into({
      ...found,
      activity: flow.activity,
      controls: flow.controls,
      groupings: [
        ...found.groupings.filter((g) => !flow.groupings.some((f) => f.round === g.round)),
        ...flow.groupings,
      ],
      lateAssignments: placed
        ? [
            ...found.lateAssignments.filter((l) => !(l.round === placed?.round && l.userId === userId)),
            placed,
          ]
        : found.lateAssignments,
    });
    // Someone who had joined before has rows of their own the record in hand may not hold yet; a
    // group member the record does not name yet would show as "Someone": both read the whole activity.
    if (!joinedNow || (grouping && !everyoneNamed(grouping, found.participants, record.participants)))
      return { ...(await this.view(caller, activityId)), ...joined };
    const view = activityViewFor(record, state, userId);
    const register = await this.registerFor(record, view, userId);
    return { ...(register.length > 0 ? { ...view, register } : view), ...joined };
  }

  /**
   * The register entries (a mastermind's goals) someone brings in, when this instance has read all
   * of them already (`[]`: none); undefined when the format keeps none or one is not read yet.
   */
  private broughtBy(activity: Activity, userId: string): BroughtEntry[] | undefined {
    const registers = this.earlierRegisters;
    const kinds = registerKindsOf(activity.format);
    if (!registers || kinds.length === 0) return undefined;
    const brought: BroughtEntry[] = [];
    for (const kind of kinds) {
      const entry = registers.settled(activity.tenantId, activity.id, kind, userId);
      if (entry === undefined) return undefined;
      if (entry) brought.push(entry);
    }
    return brought;
  }

  /**
   * Starts reading the kept register entries (a mastermind's goals) of the caller and their group
   * mates beside their join, not after it: the view's registerFor finds them read (or being read).
   */
  private prefetchRegister(
    activity: Activity,
    userIds: readonly string[],
    /** The record in hand: those whose rows carry what they brought in need no read. */
    record?: Pick<ActivityRecord, "participants">,
  ): void {
    const registers = this.earlierRegisters;
    const kinds = registerKindsOf(activity.format);
    if (!registers || kinds.length === 0 || userIds.length === 0) return;
    if (record) {
      const rows = participantsById(record.participants);
      userIds = userIds.filter((id) => !rows.get(id)?.brought);
      if (userIds.length === 0) return;
    }
    const { tenantId, id, communityId } = activity;
    // A failed read is not kept (EarlierRegisters): the view reads again and answers for it.
    for (const kind of kinds) registers.of(tenantId, id, communityId, kind, userIds).catch(() => undefined);
  }

  /**
   * {@link join} answering with the caller's own view (the Join button's card): it reads the small
   * flow range, writes the caller's row and reads only their own rows and their partners' names by
   * key, so 300 people pressing Join at once never each read the whole activity. Idempotent: a
   * retried join finds the row and reads what the person already did.
   */
  async joinForCard(caller: Caller, activityId: string): Promise<Joined<PersonalView>> {
    const flow = await this.requireFlow(caller.tenantId, activityId);
    const state = this.stateOfFlow(flow);
    if (state.status === "ended") throw new ValidationError("This activity has already ended.");
    let joinedNow = false;
    const joined = await this.takePart(caller, flow, async () => {
      joinedNow = await this.activities.addParticipant(
        caller.tenantId,
        activityId,
        participantOf(caller, this.now().toISOString()),
      );
    });
    // The groups are due but not formed yet: the whole read forms them (once per activity).
    if (this.groupsDue(flow, state)) return { ...(await this.view(caller, activityId)), ...joined };
    const grouping = groupingNow(flow, state);
    const grouped =
      grouping &&
      !keptOutOfGroups(flow.activity, formatOf(flow.activity.format), grouping.round, caller.userId);
    // Someone who just joined has written nothing yet (writing a reflection or commitment joins).
    const own = joinedNow
      ? {}
      : await this.activities.ownRows(caller.tenantId, activityId, caller.userId, grouping?.round);
    const facts: PersonalFacts = {
      joined: true,
      ...(own.reflection
        ? { reflection: { text: own.reflection.text, at: own.reflection.at, etag: own.reflection.etag } }
        : {}),
      ...(own.commitment ? { commitment: { text: own.commitment.text, at: own.commitment.at } } : {}),
    };
    if (grouping && grouped) {
      const group = await this.groupFormation.placedGroup(flow, grouping, caller.userId);
      const partnerIds = group.members.filter((m) => m !== caller.userId);
      const [partners, share] = await Promise.all([
        this.activities.participantsById(caller.tenantId, activityId, partnerIds),
        joinedNow ? undefined : this.activities.getSubmission(caller.tenantId, activityId, "share", group.id),
      ]);
      const names = new Map(partners.map((p) => [p.userId, p.displayName]));
      names.set(flow.activity.facilitator.id, flow.activity.facilitator.displayName);
      const principalNames = new Map(partners.map((p) => [p.userId, p.principalName]));
      const hotSeat = group.hotSeat;
      facts.group = {
        id: group.id,
        partners: partnerIds.map((id) => {
          const principalName = principalNames.get(id);
          return { id, displayName: names.get(id) ?? "Someone", ...(principalName ? { principalName } : {}) };
        }),
        ...(hotSeat
          ? {
              hotSeat: {
                id: hotSeat,
                displayName:
                  hotSeat === caller.userId ? caller.displayName : (names.get(hotSeat) ?? "Someone"),
              },
            }
          : {}),
        ...(hotSeat === caller.userId ? { onHotSeat: true as const } : {}),
      };
      if (share) facts.share = pairShareOf(share);
    }
    return { ...personalViewFor(flow, state, caller.userId, facts), ...joined };
  }

  /** A facilitator control: start, next (skip), extend, pause, resume, end. Idempotent per request. */
  async control(
    caller: Caller,
    activityId: string,
    input: ControlInput,
    requestId: string,
  ): Promise<ActivityView> {
    const control = parseInput(controlSchema, input);
    const key = parseInput(requestIdSchema, requestId);
    await retryOnConflict(async () => {
      const flow = await this.requireFlow(caller.tenantId, activityId);
      await this.requireSteering(caller, flow.activity, "change the phases of this activity");
      if (flow.controls.some((c) => c.requestId === key)) return; // a retried request: already applied
      const at = this.now();
      const state = flowStateAt(flow, at);
      const problem = controlProblemFor(state, flow, control);
      if (problem) throw new ValidationError(problem);
      await this.activities.appendControl(caller.tenantId, activityId, {
        seq: Math.max(0, ...flow.controls.map((c) => c.seq)) + 1,
        kind: control.kind,
        at: at.toISOString(),
        byUserId: caller.userId,
        ...("phaseIndex" in control ? { phaseIndex: control.phaseIndex } : {}),
        ...("minutes" in control ? { minutes: control.minutes } : {}),
        requestId: key,
      });
    });
    // Ended here: what people wrote reaches their My learning before the facilitator hears so.
    if (control.kind === "end") await this.copies.flush(caller.tenantId, activityId);
    return this.view(caller, activityId);
  }

  /**
   * Saves the caller's group's key insight. The first write needs no ETag; changing an existing one
   * needs the ETag of the version the writer edited. When the partner saved in between, the result
   * is a conflict carrying both texts — never a silent overwrite. A retried request is recognised.
   */
  async submitShare(
    caller: Caller,
    activityId: string,
    input: SubmissionInput,
    requestId: string,
  ): Promise<ShareResult> {
    const result = await this.submit(caller, activityId, "share", input, requestId);
    return result.status === "saved"
      ? { status: "saved", share: pairShareOf(result.submission) }
      : { ...result, current: pairShareOf(result.current) };
  }

  /**
   * The one submission path, for every kind a format declares (SubmissionDefinition): checked
   * against the phase, the text's limits and the community's rule for taking part, then stored by
   * its scope. A person's own replaces theirs (with `etag`, only that version); a group's is
   * written by any member, and a change on top of a version another member replaced meanwhile
   * answers with both texts; an item is kept once per request. A retried request (same
   * `requestId`) answers with what it stored the first time. After the end, only people who took
   * part may still submit (what the format accepts then, e.g. a commitment).
   */
  async submit(
    caller: Caller,
    activityId: string,
    kind: SubmissionKind,
    input: SubmissionInput,
    requestId?: string,
  ): Promise<SubmitResult> {
    const flow = await this.flowTaking(caller.tenantId, activityId, kind);
    const format = formatOf(flow.activity.format);
    const definition = submissionOf(format, kind);
    if (!definition) throw new ValidationError(`${format.name} takes no such submission.`);
    const rubric = flow.activity.rubric ?? [];
    // Per criterion: one text for each of the rubric's criteria, stored together as one text.
    const data = definition.perCriterion
      ? criteriaInputOf(definition, rubric, input)
      : parseInput(submissionSchema(definition), input);
    // What a commitment or a goal carries: the readable text.
    const said = definition.perCriterion ? readableCriteria(data.text, rubric) : data.text;
    const key = parseInput(requestIdSchema, requestId ?? this.newId());
    this.requireAccepting(flow, kind, notAcceptedNow(format, kind, definition));
    if (this.stateOfFlow(flow).status === "ended") {
      const own = await this.activities.ownRows(caller.tenantId, activityId, caller.userId);
      if (!own.participant)
        throw new ForbiddenError(
          `Only people who took part in this activity write its ${pluralOf(definition)}.`,
        );
    }
    await this.requireWriter(flow, definition, caller.userId);
    await this.takePart(caller, flow);
    const me = callerAsPerson(caller);
    const at = this.now().toISOString();
    const base = {
      kind,
      scope: definition.scope,
      text: data.text,
      createdBy: me,
      editedBy: me,
      at,
      requestId: key,
    };
    if (definition.scope === "group") {
      const result = await this.submitForGroup(caller, flow, definition, base, data.etag);
      return result.status === "saved"
        ? { ...result, view: savedViewOf(result.submission, definition) }
        : result;
    }
    const itemId = definition.scope === "item" ? await itemIdOf(caller, key) : undefined;
    const submission = { ...base, ownerId: caller.userId, ...(itemId ? { itemId } : {}) };
    const ended = this.stateOfFlow(flow).status === "ended";
    // The copies kept outside the activity — My learning's, and a goal kept for the community's
    // next session — are written a moment after the answers during the activity (300 people
    // writing at once), with the others' (submissionCopies.ts): one write now, not two. After the
    // end they follow the write (an edit's only once the activity took it; a stale one changes
    // neither).
    const copyLater = !ended;
    const options = {
      ...(data.etag ? { etag: data.etag } : {}),
      myLearning: definition.myLearning === true && !copyLater,
    };
    const save = async () => {
      const stored = await this.activities.saveSubmission(flow.activity, submission, options);
      if (!copyLater && definition.register) await this.keepRegisterEntry(flow.activity, stored);
      return stored;
    };
    const [, saved] = await Promise.all([
      this.joinQuietly(caller, activityId, at),
      save(),
      // A commitment written after the end goes to the commitments service before the answer.
      definition.commitment && ended ? this.followUp(caller, flow, said, at) : undefined,
    ]).catch((error) => {
      if (error instanceof ConcurrencyError)
        throw new ConcurrencyError(
          `You changed your ${definition.noun} elsewhere meanwhile. Reload it and try again.`,
        );
      throw error;
    });
    // During the activity (300 people committing at once) it goes a moment after the answer; the
    // close hands every commitment over again (followUpCommitments), so none is missed.
    if (copyLater && (definition.myLearning || definition.register)) this.copies.add(flow.activity, saved);
    if (definition.commitment && !ended) this.handOver(caller, flow, said, at);
    return { status: "saved", submission: saved, view: savedViewOf(saved, definition, flow.activity.rubric) };
  }

  /** A submission's copies kept outside the activity: My learning's, a goal for the next session. */
  private async writeCopies(
    activity: Activity,
    copy: Pick<Submission, "kind" | "ownerId" | "text" | "at">,
  ): Promise<void> {
    const definition = submissionOf(formatOf(activity.format), copy.kind);
    if (definition?.myLearning) await this.activities.keepInMyLearning(activity, copy);
    if (definition?.register) await this.keepRegisterEntry(activity, copy);
  }

  /**
   * Keeps a person's goal for their community's next session (their register row). The newest
   * text wins however the copies arrive: deferred from two instances, or again at the close.
   */
  private async keepRegisterEntry(
    activity: Activity,
    copy: Pick<Submission, "kind" | "ownerId" | "text" | "at">,
  ): Promise<void> {
    const definition = submissionOf(formatOf(activity.format), copy.kind);
    const text = definition?.perCriterion ? readableCriteria(copy.text, activity.rubric ?? []) : copy.text;
    await this.circles?.saveRegisterEntry(activity.tenantId, copy.ownerId, activity.communityId, {
      kind: copy.kind,
      text,
      at: copy.at,
      activityId: activity.id,
    });
  }

  /**
   * Hands every commitment of an activity to the commitments service (idempotent: each person's
   * one commitment per activity, its latest text) and writes every My learning copy again: what
   * the close does, so a hand-over or a copy missed by an instance that stopped is made then.
   */
  async followUpCommitments(caller: Caller, activityId: string): Promise<number> {
    const record = await this.require(caller.tenantId, activityId);
    const format = formatOf(record.activity.format);
    const copies = record.submissions.filter((s) => {
      const definition = submissionOf(format, s.kind);
      return definition?.myLearning || definition?.register;
    });
    await forEachLimited(copies, HAND_OVER_BATCH, (s) => this.writeCopies(record.activity, s));
    if (!this.commitments) return 0;
    const names = new Map(record.participants.map((p) => [p.userId, p.displayName]));
    const latest = record.submissions.filter(
      (s) => submissionOf(format, s.kind)?.commitment && s.scope === "person",
    );
    await forEachLimited(latest, HAND_OVER_BATCH, (s) => {
      const owner = {
        tenantId: caller.tenantId,
        userId: s.ownerId,
        displayName: names.get(s.ownerId) ?? s.editedBy.displayName,
      } as Caller;
      const text = submissionOf(format, s.kind)?.perCriterion
        ? readableCriteria(s.text, record.activity.rubric ?? [])
        : s.text;
      return this.followUp(owner, record, text, s.at, this.partnersIn(record, s.ownerId), { again: true });
    });
    return latest.length;
  }

  /**
   * Hands a commitment over once the activity's commitments pause (after 2 s, at most 15 s after
   * the first: {@link AfterThePause}): everyone committing at once is
   * answered first, the bookkeeping follows — each person's latest text, once, with the
   * activity's partners read once for all of them (one shared read of the activity, not a read of
   * each person's group). A hand-over an instance never made (it stopped) is made by the close.
   */
  private handOver(caller: Caller, flow: ActivityFlow, text: string, at: string): void {
    const key = `${caller.tenantId}|${flow.activity.id}`;
    this.handOvers.add(key, flow, caller.userId, { caller, text, at });
  }

  private async handOverAll(flow: ActivityFlow, waiting: HandOver[]): Promise<void> {
    const record = await this.activities.load(flow.activity.tenantId, flow.activity.id);
    await forEachLimited(waiting, HAND_OVER_BATCH, ({ caller, text, at }) =>
      this.followUp(
        caller,
        record ?? flow,
        text,
        at,
        record ? this.partnersIn(record, caller.userId) : undefined,
      ).catch(() => undefined),
    );
  }

  /**
   * A group's text: the flow (groups kept per instance), the caller's group and that group's row,
   * never the whole activity, so every group writing at once stays cheap. A group's saves on this
   * instance go one at a time, and one that is stale for certain is answered from the version seen
   * last (groupTextVersions.ts) without asking storage.
   */
  private async submitForGroup(
    caller: Caller,
    flow: ActivityFlow,
    definition: SubmissionDefinition,
    base: Omit<Submission, "ownerId" | "etag">,
    etag: string | undefined,
  ): Promise<SubmitResult> {
    const { tenantId, id: activityId } = flow.activity;
    const groupId = await this.groupFormation.groupIdOf(flow, caller.userId);
    const submission = { ...base, ownerId: groupId };
    const key = `${tenantId}|${activityId}|${base.kind}|${groupId}`;
    const read = async () => {
      const stored = await this.activities.getSubmission(tenantId, activityId, base.kind, groupId);
      if (stored) this.groupTexts.seen(key, stored);
      else this.groupTexts.forget(key);
      return stored;
    };
    const saved = (stored: Submission, over?: string): SubmitResult => {
      this.groupTexts.seen(key, stored, over);
      return { status: "saved", submission: stored };
    };
    // The stored version when the write did not land: this request's own (a retry), the same
    // text, or another member's, shown next to the caller's instead of overwritten.
    const afterMiss = async (error: unknown, stored?: Submission): Promise<SubmitResult> => {
      const current = stored ?? (await read());
      if (!current) throw error;
      if (current.requestId === base.requestId || (!etag && current.text === base.text))
        return { status: "saved", submission: current };
      return groupConflict(current, base.text, definition);
    };
    const missed = (error: unknown) => error instanceof ConcurrencyError || error instanceof ConflictError;
    /** A first write (the common case) is one create: only a refused one reads the stored one. */
    const create = async (): Promise<SubmitResult> => {
      try {
        return saved(await this.activities.saveSubmission(flow.activity, submission));
      } catch (error) {
        if (!missed(error)) throw error;
        return afterMiss(error);
      }
    };
    return this.groupTexts.one(key, async (latest, staleFor) => {
      if (latest && staleFor(etag)) return afterMiss(undefined, latest);
      if (!etag) return create();
      // An edit on top of the version the caller saw: one conditional write (the stored creator
      // stays). Another member's save meanwhile, or this request's own first attempt (a retry),
      // answers "stale", and only then is the stored one read.
      try {
        return saved(await this.activities.saveSubmission(flow.activity, submission, { etag }), etag);
      } catch (error) {
        if (!missed(error)) throw error;
        // The version is gone (the group's text was removed): written anew.
        const current = await read();
        if (!current) return create();
        return afterMiss(error, current);
      }
    });
  }

  /**
   * The caller votes for an item of a votable kind (a theme that matters most), or takes the vote
   * back: once per person and item, never for their own, only for what they may read, while the
   * kind is taken (or after the end, when the format takes it then). Idempotent.
   */
  async vote(caller: Caller, activityId: string, item: ItemRef, on: boolean): Promise<ActivityView> {
    const record = await this.require(caller.tenantId, activityId);
    await this.communities?.mayRead(caller, record.activity.communityId);
    const { format, definition } = kindOf(record, item.kind);
    if (!definition?.votable) throw new ValidationError(`${format.name} takes no votes on this.`);
    this.requireAccepting(record, item.kind, `Votes are given while ${pluralOf(definition)} are written.`);
    if (!takesPart(record, caller.userId)) throw new ForbiddenError("Join the activity to vote.");
    const view = activityViewFor(record, this.stateOfFlow(record), caller.userId);
    const target = view.submissions.find((s) => sameItem(s, item));
    if (!target) throw new NotFoundError(`That ${definition.noun} is not there (or not yours to see).`);
    if (target.ownerId === caller.userId)
      throw new ValidationError(`Vote for others' ${pluralOf(definition)}, not your own.`);
    await this.activities.setVote(
      caller.tenantId,
      activityId,
      { ...item, voterId: caller.userId, at: this.now().toISOString() },
      on,
    );
    return this.view(caller, activityId);
  }

  /**
   * Promotes an item of a promotable kind (a case round's heuristic) into the playbook the close
   * proposes, or takes the promotion back: those who steer, while the activity runs. Idempotent.
   */
  async promote(caller: Caller, activityId: string, item: ItemRef, on: boolean): Promise<ActivityView> {
    const record = await this.require(caller.tenantId, activityId);
    await this.requireSteering(caller, record.activity, "promote what people wrote");
    const { format, definition } = kindOf(record, item.kind);
    if (!definition?.promote) throw new ValidationError(`${format.name} promotes nothing of this kind.`);
    if (!this.isUnderway(record))
      throw new ValidationError("Promote while the activity runs: its close proposes the playbook.");
    requireItem(record, item, definition);
    await this.activities.setPromotion(
      caller.tenantId,
      activityId,
      { ...item, byUserId: caller.userId, at: this.now().toISOString() },
      on,
    );
    return this.view(caller, activityId);
  }

  /**
   * The holder of the role that answers a kind (a micro-teach's teacher, an AMA's expert) answers
   * one of its items, or changes their answer: kept with the item (one per item), shown under it.
   * While the activity runs; a retried request changes nothing.
   */
  async answer(
    caller: Caller,
    activityId: string,
    item: ItemRef,
    input: unknown,
    requestId?: string,
  ): Promise<ActivityView> {
    const record = await this.require(caller.tenantId, activityId);
    await this.communities?.mayRead(caller, record.activity.communityId);
    const { format, definition } = kindOf(record, item.kind);
    if (!definition?.answeredBy) throw new ValidationError(`${format.name} answers nothing of this kind.`);
    const { text } = parseInput(itemAnswerSchema, input);
    const key = parseInput(requestIdSchema, requestId ?? this.newId());
    const holder = record.activity.roleHolders?.[definition.answeredBy];
    if (holder?.id !== caller.userId)
      throw new ForbiddenError(
        `Only the ${definition.answeredBy}${holder ? `, ${holder.displayName},` : ""} answers the ${pluralOf(definition)}.`,
      );
    if (!this.isUnderway(record))
      throw new ValidationError(`${pluralOf(definition)} are answered while the activity runs.`);
    requireItem(record, item, definition);
    const stored = record.answers.find((a) => sameItem(a, item));
    if (stored?.requestId !== key && stored?.text !== text)
      await this.activities.setAnswer(caller.tenantId, activityId, {
        ...item,
        text,
        by: callerAsPerson(caller),
        at: this.now().toISOString(),
        requestId: key,
      });
    return this.view(caller, activityId);
  }

  /** Whether the activity runs now (a pause included): what steering and answering items need. */
  private isUnderway(record: ActivityRecord): boolean {
    const { status } = this.stateOfFlow(record);
    return status === "running" || status === "paused";
  }

  /**
   * Who holds the format's held roles: as chosen at set-up (or from a picked topic), else whom the
   * community's rota names, else the facilitator (someone always can write and answer).
   */
  private async roleHoldersOf(
    caller: Caller,
    format: ActivityFormatDefinition,
    communityId: string,
    sessionId: string | undefined,
    chosen: Partial<Record<HeldRole, { id: string; displayName: string }>>,
  ): Promise<Activity["roleHolders"]> {
    const roles = heldRolesOf(format);
    if (roles.length === 0) return undefined;
    const holders: NonNullable<Activity["roleHolders"]> = {};
    for (const role of roles)
      holders[role] = chosen[role] ??
        (await this.rota?.holderOf(caller, communityId, role, sessionId).catch(() => undefined)) ?? {
          id: caller.userId,
          displayName: caller.displayName,
        };
    return holders;
  }

  /** Refuses someone a kind kept to a role: the hot seat of their circle, or a role holder. */
  private async requireWriter(flow: ActivityFlow, definition: SubmissionDefinition, userId: string) {
    if (definition.notBy && flow.activity.roleHolders?.[definition.notBy]?.id === userId)
      throw new ForbiddenError(`The ${definition.notBy} does not write the ${definition.noun}.`);
    const writers = definition.writers ?? [];
    if (writers.length === 0) return;
    for (const role of writers) {
      if (
        role === "hot-seat"
          ? await this.onHotSeat(flow, userId)
          : flow.activity.roleHolders?.[role]?.id === userId
      )
        return;
    }
    const names = writers.map((role) => (role === "hot-seat" ? "the person on the hot seat" : `the ${role}`));
    throw new ForbiddenError(`Only ${names.join(" or ")} writes the ${definition.noun}.`);
  }

  /** Highlights a group's insight on the wall (or takes the highlight away). Those who steer only. */
  async highlight(
    caller: Caller,
    activityId: string,
    groupId: string,
    highlighted: boolean,
  ): Promise<ActivityView> {
    const record = await this.require(caller.tenantId, activityId);
    await this.requireSteering(caller, record.activity, "highlight insights");
    if (highlighted) {
      this.requireAccepting(record, "highlight", "Insights are highlighted in the share phase.");
      if (!record.shares.some((s) => s.groupId === groupId))
        throw new NotFoundError("That pair has not shared an insight yet.");
      await this.activities.setHighlight(caller.tenantId, activityId, {
        groupId,
        byUserId: caller.userId,
        at: this.now().toISOString(),
      });
    } else {
      await this.activities.removeHighlight(caller.tenantId, activityId, groupId);
    }
    return this.view(caller, activityId);
  }

  /**
   * The person's last group in the activity (late joiners too), by name: their accountability
   * partners (think-pair-share's partner, a circle, a café's last table).
   */
  private async partnersOf(
    flow: ActivityFlow,
    userId: string,
  ): Promise<{ id: string; displayName: string }[]> {
    const { tenantId, id, format, phases } = flow.activity;
    const round = lastRoundReached(formatOf(format), phases, this.stateOfFlow(flow));
    if (round < 0) return [];
    const grouping =
      flow.groupings.find((g) => g.round === round) ??
      (await this.activities.getGrouping(tenantId, id, round));
    if (!grouping) return [];
    const lateAssignments = await this.activities.lateAssignments(tenantId, id, round);
    const groups = groupsOf({ groupings: [grouping], lateAssignments }, round);
    const partnerIds = (groupOfPerson(groups, userId)?.members ?? []).filter((m) => m !== userId);
    const people = await this.activities.participantsById(tenantId, id, partnerIds);
    return people.map((p) => ({ id: p.userId, displayName: p.displayName }));
  }

  /** {@link partnersOf} from a whole record already read: no storage call. */
  private partnersIn(record: ActivityRecord, userId: string): { id: string; displayName: string }[] {
    const { format, phases } = record.activity;
    const round = lastRoundReached(formatOf(format), phases, this.stateOfFlow(record));
    if (round < 0) return [];
    const byId = participantsById(record.participants);
    const partnerIds = (groupOfPerson(groupsOf(record, round), userId)?.members ?? []).filter(
      (m) => m !== userId,
    );
    return partnerIds.flatMap((id) => {
      const displayName = byId.get(id)?.displayName;
      return displayName === undefined ? [] : [{ id, displayName }];
    });
  }

  /** Whether the person sits on their circle's hot seat (in the last round reached). */
  private async onHotSeat(flow: ActivityFlow, userId: string): Promise<boolean> {
    const { tenantId, id, format, phases } = flow.activity;
    const round = lastRoundReached(formatOf(format), phases, this.stateOfFlow(flow));
    if (round < 0) return false;
    const grouping =
      flow.groupings.find((g) => g.round === round) ??
      (await this.activities.getGrouping(tenantId, id, round));
    return grouping?.groups.some((g) => g.hotSeat === userId) ?? false;
  }

  /** A commitment (of any format) handed to the commitments service, to be followed through. */
  private async followUp(
    caller: Caller,
    flow: ActivityFlow,
    text: string,
    at: string,
    partners?: { id: string; displayName: string }[],
    options?: RecordOptions,
  ): Promise<void> {
    if (!this.commitments) return;
    const { id: activityId, communityId, format, conversationId, sessionId, meetingId } = flow.activity;
    await this.commitments.recordFromActivity(
      {
        tenantId: caller.tenantId,
        owner: callerAsPerson(caller),
        communityId,
        source: {
          activityId,
          format,
          conversationId,
          ...(sessionId ? { sessionId } : {}),
          ...(meetingId ? { meetingId } : {}),
        },
        text,
        partners: partners ?? (await this.partnersOf(flow, caller.userId)),
        at,
      },
      options,
    );
  }

  /**
   * A community's hot-seat queue, as its members see it: who takes the hot seat next, how often
   * each has, and the swaps made since the last circle. Readers of the community only.
   */
  async hotSeatQueue(caller: Caller, communityId: string): Promise<QueuePlace[]> {
    await this.communities?.mayRead(caller, communityId);
    if (!this.circles) return [];
    return circleQueueOf(communityId, await this.circles.hotSeatLog(caller.tenantId, communityId));
  }

  /**
   * Two people trade places in the community's hot-seat queue: one of the two asks (giving their
   * turn away, or taking someone's), or a steward does. Applies to the next circle; a retried
   * request is stored once.
   */
  async swapHotSeat(
    caller: Caller,
    communityId: string,
    input: { a: string; b: string },
    requestId: string,
  ): Promise<QueuePlace[]> {
    const { a, b } = parseInput(swapSchema, input);
    const key = parseInput(requestIdSchema, requestId);
    const community = await this.communities?.readable(caller, communityId);
    if (!this.circles) throw new ValidationError("This server keeps no hot-seat queue.");
    if (a === b) throw new ValidationError("Pick two different people to swap.");
    if (caller.userId !== a && caller.userId !== b && !community?.isSteward)
      throw new ForbiddenError("You can swap your own place in the queue; a steward can swap anyone's.");
    const queue = circleQueueOf(communityId, await this.circles.hotSeatLog(caller.tenantId, communityId));
    const inQueue = new Set(queue.map((p) => p.person.id));
    if (!inQueue.has(a) || !inQueue.has(b))
      throw new ValidationError(
        "Both people must be in the circle's queue (they take part in its sessions).",
      );
    await this.circles.recordSwap(caller.tenantId, communityId, {
      id: await idFromRequest(caller, key),
      a,
      b,
      at: this.now().toISOString(),
      by: callerAsPerson(caller),
    });
    return this.hotSeatQueue(caller, communityId);
  }

  /**
   * The author of a publishable kind in a confidential format (a hot-seat lesson) publishes it to
   * the community's library without their name: once per submission (publishing again answers
   * with the same entry). Only its author, only once they wrote it.
   */
  async publish(caller: Caller, activityId: string, kind: SubmissionKind): Promise<{ entryId: string }> {
    const record = await this.require(caller.tenantId, activityId);
    await this.communities?.mayRead(caller, record.activity.communityId);
    const format = formatOf(record.activity.format);
    const definition = submissionOf(format, kind);
    if (!definition?.publishable)
      throw new ValidationError(`${format.name} has nothing of this kind to publish.`);
    const own = await this.activities.getSubmission(caller.tenantId, activityId, kind, caller.userId);
    if (!own) throw new ValidationError(`Write your ${definition.noun} first, then publish it.`);
    if (!this.lessons) throw new ValidationError("This server does not publish lessons.");
    return this.lessons.publish(
      caller,
      record.activity.communityId,
      await publishedLessonOf(record, format, own),
    );
  }

  /**
   * Register kinds (goals kept across sessions): the caller's own and their group mates' latest,
   * this session's where written, else the one kept from an earlier session.
   */
  private async registerFor(
    record: ActivityRecord,
    view: ActivityView,
    userId: string,
  ): Promise<RegisterView[]> {
    const kinds = registerKindsOf(record.activity.format);
    if (kinds.length === 0 || !takesPart(record, userId)) return [];
    const format = formatOf(record.activity.format);
    const { tenantId, communityId } = record.activity;
    const mates = view.me.group?.partners ?? [];
    const people = [{ id: userId, displayName: "" }, ...mates];
    const names = new Map(mates.map((m) => [m.id, m]));
    names.set(userId, {
      id: userId,
      displayName: participantsById(record.participants).get(userId)?.displayName ?? "You",
    });
    const out: RegisterView[] = [];
    const rows = participantsById(record.participants);
    for (const kind of kinds) {
      const readers = format.submissions[kind]?.visibility === "writer" ? [userId] : people.map((p) => p.id);
      const written = new Map(
        record.submissions.filter((s) => s.kind === kind).map((s) => [s.ownerId, s] as const),
      );
      // Only those who wrote nothing in this session show what they brought in: from their row
      // when it carries it, else read (once per person and activity on this instance).
      const kept = new Map<string, BroughtEntry>();
      const unknown: string[] = [];
      for (const id of readers) {
        if (written.has(id)) continue;
        const brought = rows.get(id)?.brought;
        if (!brought) unknown.push(id);
        const entry = brought?.find((b) => b.kind === kind);
        if (entry) kept.set(id, entry);
      }
      if (this.earlierRegisters && unknown.length > 0)
        for (const [id, entry] of await this.earlierRegisters.of(
          tenantId,
          record.activity.id,
          communityId,
          kind,
          unknown,
        ))
          kept.set(id, entry);
      for (const id of readers) {
        const now = written.get(id);
        const earlier = kept.get(id);
        const person = names.get(id) ?? { id, displayName: "Someone" };
        const mine = id === userId;
        if (now) out.push({ kind, person, text: now.text, at: now.at, earlier: false, mine });
        else if (earlier) out.push({ kind, person, text: earlier.text, at: earlier.at, earlier: true, mine });
      }
    }
    return out;
  }

  /**
   * Whether the caller may steer the activity (its controls, highlights, the stage): its
   * facilitator, or the organiser or a presenter of the meeting it runs in.
   */
  async maySteer(caller: Caller, activityId: string): Promise<boolean> {
    const flow = await this.requireFlow(caller.tenantId, activityId);
    await this.communities?.mayRead(caller, flow.activity.communityId);
    return this.steers(caller, flow.activity);
  }

  /** The phase an activity is in now, from its flow alone (reads by key): what a poller checks first. */
  async phaseState(tenantId: string, activityId: string): Promise<PhaseState> {
    return this.stateOfFlow(await this.requireFlow(tenantId, activityId));
  }

  /**
   * What the activity leaves in the community when it closes (library entries by the format's
   * submissions, every round's groups as conversations); nothing of a confidential format.
   */
  async outcomes(caller: Caller, activityId: string): Promise<ActivityOutcomes> {
    const record = await this.require(caller.tenantId, activityId);
    return activityOutcomesOf(record, formatOf(record.activity.format));
  }

  /** The close summary: prompt, participation, pairs, shared insights (highlights first). */
  async summary(caller: Caller, activityId: string): Promise<ActivitySummary> {
    return activitySummaryOf(await this.require(caller.tenantId, activityId));
  }

  /** The activity running (or not yet started) in a chat, newest first; undefined when none is. */
  async currentInConversation(caller: Caller, conversationId: string): Promise<ActivityView | undefined> {
    const ids = await this.activities.activityIdsOfConversation(caller.tenantId, conversationId);
    for (const id of ids.slice(0, 5)) {
      const flow = await this.activities.loadFlow(caller.tenantId, id);
      if (flow && this.stateOfFlow(flow).status !== "ended") return this.view(caller, id);
    }
    return undefined;
  }

  /**
   * The chat's running activity once its groups are due (where someone joining the meeting late is
   * placed), read from the small flow rows only: a meeting's joiners arrive in bursts.
   */
  async groupedInConversation(
    tenantId: string,
    conversationId: string,
  ): Promise<{ activityId: string; facilitatorId: string } | undefined> {
    const ids = await this.activities.activityIdsOfConversation(tenantId, conversationId);
    for (const id of ids.slice(0, 5)) {
      const flow = await this.activities.loadFlow(tenantId, id);
      if (!flow) continue;
      const state = this.stateOfFlow(flow);
      if (state.status === "ended") continue;
      // Only once a round's groups hold (formed, or due now): before, people opt in by joining.
      if (roundOf(flow, state) < 0) return undefined;
      return { activityId: id, facilitatorId: flow.activity.facilitator.id };
    }
    return undefined;
  }

  /**
   * Whether this instance announces the phase the activity is in now (the phase-change card):
   * true for exactly one instance. Call `announced` after sending.
   */
  async claimAnnouncement(tenantId: string, activityId: string, phaseIndex: number, instanceId: string) {
    return this.activities.claimAnnouncement(
      tenantId,
      activityId,
      phaseIndex,
      instanceId,
      this.now(),
      this.announcementLeaseMs,
    );
  }

  /** The Teams user ids known for an activity's people (facilitator and bot joiners), by Entra id. */
  async teamsIdsOf(tenantId: string, activityId: string): Promise<Map<string, string>> {
    const record = await this.require(tenantId, activityId);
    const ids = new Map<string, string>();
    for (const p of record.participants) if (p.teamsId) ids.set(p.userId, p.teamsId);
    if (record.activity.facilitatorTeamsId)
      ids.set(record.activity.facilitator.id, record.activity.facilitatorTeamsId);
    return ids;
  }

  /** The announcement of this slot: whether it was sent (by any instance) and what was noted. */
  async announcementOf(
    tenantId: string,
    activityId: string,
    slot: number,
  ): Promise<Announcement | undefined> {
    return this.activities.announcementOf(tenantId, activityId, slot);
  }

  /** Every tenant's activities not closed yet: what the announcers watch, whoever started them. */
  async openActivities(): Promise<OpenActivity[]> {
    return this.activities.openActivities();
  }

  /** The activity is closed (or abandoned): it leaves the open list. Idempotent. */
  async markClosed(tenantId: string, activityId: string): Promise<void> {
    await this.activities.markClosed(tenantId, activityId);
  }

  async announced(
    tenantId: string,
    activityId: string,
    phaseIndex: number,
    instanceId: string,
    detail?: string,
  ): Promise<void> {
    await this.activities.completeAnnouncement(tenantId, activityId, phaseIndex, instanceId, detail);
  }

  /** The caller's private reflections, newest first (My learning). */
  async myReflections(tenantId: string, userId: string): Promise<MyActivityNote[]> {
    return this.activities.reflectionsOf(tenantId, userId);
  }

  /** The caller's commitments, newest first (My learning). */
  async myCommitments(tenantId: string, userId: string): Promise<MyActivityNote[]> {
    return this.activities.commitmentsOf(tenantId, userId);
  }

  private async steers(caller: Caller, activity: Activity): Promise<boolean> {
    if (activity.facilitator.id === caller.userId) return true;
    if (!this.roles || !activity.meetingId) return false;
    const role = await this.roles.roleOf(
      caller.tenantId,
      { meetingId: activity.meetingId, conversationId: activity.conversationId },
      caller.userId,
    );
    return role !== undefined && STEERING_ROLES.has(role);
  }

  /** Refuses, kindly, someone who may not steer (a failed role lookup refuses too: see RoleLookup). */
  private async requireSteering(caller: Caller, activity: Activity, what: string): Promise<void> {
    if (await this.steers(caller, activity)) return;
    if (this.roles && activity.meetingId) throw new ForbiddenError(STEERING_FORBIDDEN);
    throw new ForbiddenError(`Only the facilitator can ${what}.`);
  }

  private stateOfFlow(flow: ActivityFlow): PhaseState {
    return flowStateAt(flow, this.now());
  }

  /** True when a round's groups hold now but are not formed (as far as these facts know). */
  private groupsDue(flow: ActivityFlow, state: PhaseState): boolean {
    return roundOf(flow, state) >= 0 && !groupingNow(flow, state);
  }

  private requireAccepting(flow: ActivityFlow, kind: SubmissionKind, message: string): void {
    const state = this.stateOfFlow(flow);
    if (state.status === "not-started") throw new ValidationError("The activity has not started yet.");
    if (state.status === "ended" && !acceptsAt(flow, state).includes(kind))
      throw new ValidationError("This activity has already ended.");
    if (!acceptsAt(flow, state).includes(kind)) throw new ValidationError(message);
  }

  /**
   * The community's rule for taking part, before anything is written: a private community's
   * non-member is refused; an open community's non-member becomes a member.
   */
  private async takePart(
    caller: Caller,
    flow: ActivityFlow,
    alongside: () => Promise<void> = async () => {},
  ): Promise<{ joinedCommunity?: true }> {
    // Someone this instance saw join the activity passed this check then: no read per submission.
    if (
      !this.communities ||
      this.activities.isKnownParticipant(caller.tenantId, flow.activity.id, caller.userId)
    ) {
      await alongside();
      return {};
    }
    // The participant row goes beside the community's own join, once the community takes them.
    const { joinedCommunity } = await this.communities.participate(
      caller,
      flow.activity.communityId,
      alongside,
    );
    return joinedCommunity ? { joinedCommunity: true } : {};
  }

  private async joinQuietly(caller: Caller, activityId: string, at: string): Promise<void> {
    await this.activities.addParticipant(caller.tenantId, activityId, participantOf(caller, at));
  }

  private async require(tenantId: string, activityId: string): Promise<ActivityRecord> {
    const record = await this.activities.load(tenantId, activityId);
    if (!record)
      throw new NotFoundError("This activity does not exist (or was set up in another organisation).");
    return record;
  }

  /**
   * The flow a submission of `kind` is checked against: one read at most a moment ago will do when
   * it takes the kind (SUBMISSION_GRACE_MS: the phase the person wrote in); else a fresh one, so a
   * refusal (and what is written after the end) always rests on the flow as it is.
   */
  private async flowTaking(
    tenantId: string,
    activityId: string,
    kind: SubmissionKind,
  ): Promise<ActivityFlow> {
    const recent = await this.requireFlow(tenantId, activityId, "recent");
    const state = this.stateOfFlow(recent);
    if (state.status !== "ended" && acceptsAt(recent, state).includes(kind)) return recent;
    return this.requireFlow(tenantId, activityId);
  }

  private async requireFlow(
    tenantId: string,
    activityId: string,
    freshness?: FlowFreshness,
  ): Promise<ActivityFlow> {
    const flow = await this.activities.loadFlow(tenantId, activityId, freshness);
    if (!flow)
      throw new NotFoundError("This activity does not exist (or was set up in another organisation).");
    // The groups are read only once they can exist (from the grouping phase on).
    const state = this.stateOfFlow(flow);
    if (!this.groupsDue(flow, state)) return flow;
    const grouping = await this.activities.getGrouping(tenantId, activityId, roundOf(flow, state));
    return grouping ? { ...flow, groupings: [...flow.groupings, grouping] } : flow;
  }
}

/**
 * How old a record this instance read may be to answer a join (the side panel polls every 2 s, so
 * what others wrote meanwhile shows a moment later, as it would have anyway).
 */
const RECORD_IN_HAND_MS = 5_000;

/** Commitments handed over (and My learning copies written) side by side (each a few storage calls). */
const HAND_OVER_BATCH = 8;

/** A commitment waiting for its hand-over: the person's latest text. */
interface HandOver {
  caller: Caller;
  text: string;
  at: string;
}

function controlProblemFor(state: PhaseState, flow: ActivityFlow, control: ControlInput): string | undefined {
  return controlProblem(state, flow.activity.phases.length, control);
}

function groupConflict(current: Submission, yours: string, definition: SubmissionDefinition): SubmitResult {
  const merged = current.text.includes(yours) ? current.text : `${current.text}\n\n${yours}`;
  return {
    status: "conflict",
    message: `${current.editedBy.displayName} saved your group's ${definition.noun} meanwhile. Check both versions and save again.`,
    current,
    yours,
    merged,
  };
}

/** A group's shared insight as think-pair-share's answers have always named it. */
function pairShareOf(s: Submission): PairShare {
  return {
    groupId: s.ownerId,
    text: s.text,
    createdBy: s.createdBy,
    editedBy: s.editedBy,
    at: s.at,
    requestId: s.requestId,
    etag: s.etag,
  };
}

/** Why a kind is not taken now: the phases that take it, by name (the bot's dialogs say it too). */
export function notAcceptedNow(
  format: ActivityFormatDefinition,
  kind: SubmissionKind,
  definition: SubmissionDefinition,
) {
  const phases = format.phases.filter((p) => p.accepts.includes(kind)).map((p) => p.title);
  const plural = pluralOf(definition);
  const noun = `${plural.charAt(0).toUpperCase()}${plural.slice(1)}`;
  if (phases.length === 0) return `${noun} are written after the activity.`;
  const names = phases.length > 1 ? `${phases.slice(0, -1).join(", ")} or ${phases.at(-1)}` : phases[0];
  return `${noun} are written in the ${names} phase${phases.length > 1 ? "s" : ""}.`;
}

/** An item's id, from the request that sent it: a retried request finds the item it stored. */
function itemIdOf(caller: Caller, requestId: string): Promise<string> {
  return digestId(`${caller.userId}\n${requestId}`, 8);
}

/** Per grouping and participant list read: whether the list names everyone in the groups. */
const namedByGrouping = new WeakMap<StoredGrouping, WeakMap<readonly Participant[], boolean>>();

/**
 * Whether everyone in the groups as formed is named among the participants: checked once per
 * grouping and record read (`read`, the same for every join answered from it), and only when that
 * misses someone against the participants with the recent joins added (`merged`).
 */
function everyoneNamed(
  grouping: StoredGrouping,
  read: readonly Participant[],
  merged: readonly Participant[],
): boolean {
  const names = (list: readonly Participant[]) => {
    const ids = new Set(list.map((p) => p.userId));
    return grouping.groups.every((g) => g.members.every((m) => ids.has(m)));
  };
  const byRead = memo(namedByGrouping, grouping, () => new WeakMap<readonly Participant[], boolean>());
  return memo(byRead, read, names) || (merged !== read && names(merged));
}

/** An activity id derived from the request that set it up, so a retried set-up finds the first. */
function idFromRequest(caller: Caller, requestId: string): Promise<string> {
  return digestId(`${caller.tenantId}\n${caller.userId}\n${requestId}`, 16);
}
