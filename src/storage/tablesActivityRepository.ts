import { odata, type TableEntityResult } from "@azure/data-tables";
import type {
  Activity,
  ActivityControl,
  ActivityFlow,
  ActivityRecord,
  ControlKind,
  Highlight,
  ItemAnswer,
  ItemPromotion,
  ItemVote,
  LateAssignment,
  MyActivityNote,
  OpenActivity,
  OwnRows,
  PairingRule,
  Participant,
  StoredGrouping,
  Submission,
} from "../domain/activities/activity.js";
import type { SubmissionKind, SubmissionScope } from "../domain/activities/activityFormat.js";
import {
  ACTIVITY_FORMAT_IDS,
  type ActivityFormatId,
  formatOf,
  type PlannedPhase,
} from "../domain/activities/activityFormats.js";
import {
  type ActivityRepository,
  type Announcement,
  type FlowFreshness,
  SUBMISSION_GRACE_MS,
} from "../domain/activities/activityRepository.js";
import { setNewest } from "../domain/boundedMap.js";
import { ConcurrencyError, ValidationError } from "../domain/errors.js";
import type { PersonRef } from "../domain/identity.js";
import { compareStored } from "../domain/ordering.js";
import { FreshReads } from "./freshReads.js";
import { KeptPartitions } from "./keptPartitions.js";
import { activityKeys, keyPart, TABLES } from "./keys.js";
import { rowsWithPrefix } from "./rowRanges.js";
import { statusOf, translateTableErrors } from "./tableErrors.js";
import type { TableStore } from "./tableStore.js";

/**
 * Row keys of an activity's partition. The `flow|` rows (set-up, controls, groups) sort together,
 * so what the phase depends on is one small range read; everything else is one row per person or
 * group, so concurrent writers never contend for a row they do not share.
 */
const FLOW = "flow|";
const ACTIVITY_ROW = "flow|activity";
const CONTROL = "flow|control|";
/** Round 0's groups (think-pair-share's pairs, as always); round r's are `flow|pairing|00r`. */
const PAIRING_ROW = "flow|pairing";
const PARTICIPANT = "participant|";
const REFLECTION = "reflection|";
const LATE = "late|";
const SHARE = "share|";
const HIGHLIGHT = "highlight|";
/** `promoted|{kind}|{item's owner}|{item}`: an item promoted by whoever steers. */
const PROMOTED = "promoted|";
/** `answered|{kind}|{item's owner}|{item}`: a role holder's answer to one item. */
const ANSWERED = "answered|";
/** `vote|{kind}|{item's owner}|{item}|{voter}`: one person's vote for one item. */
const VOTE = "vote|";
const COMMITMENT = "commitment|";
const ANNOUNCE = "announce|";
/** Submissions of the kinds a format declares beyond the first three: `sub|{kind}|{owner}[|{item}]`. */
const SUBMISSION = "sub|";
/** The first kinds keep the rows they always had (their data stays readable). */
const LEGACY_PREFIX: Readonly<Record<string, string>> = {
  reflection: REFLECTION,
  share: SHARE,
  commitment: COMMITMENT,
};

/**
 * Kinds (by name, across the registered formats) whose My learning copy is a note of what one
 * learned, not a commitment (those are listed as commitments).
 */
const LEARNING_NOTE_KINDS: ReadonlySet<string> = new Set(
  ACTIVITY_FORMAT_IDS.flatMap((id) =>
    Object.entries(formatOf(id).submissions)
      .filter(([kind, d]) => d.myLearning && !d.commitment && !LEGACY_PREFIX[kind])
      .map(([kind]) => kind),
  ),
);

/** Where a submission lives in the activity's partition (and, with the activity id, in the writer's). */
function submissionPrefix(kind: SubmissionKind): string {
  return LEGACY_PREFIX[kind] ?? `${SUBMISSION}${keyPart(kind, "submission kind")}|`;
}

function submissionKey(kind: SubmissionKind, ownerId: string, itemId?: string): string {
  const owner = keyPart(ownerId, "owner id");
  return itemId === undefined
    ? `${submissionPrefix(kind)}${owner}`
    : `${submissionPrefix(kind)}${owner}|${keyPart(itemId, "item id")}`;
}
/** A row of the OpenActivities table. */
interface OpenRow {
  facilitatorId: string;
  facilitatorName: string;
  createdAt: string;
}

/** Index rows in a community's, a chat's and a person's partitions. */
const INDEX = "activity";

// A string property holds at most 64 KiB (UTF-16: 32 K characters), an entity 1 MiB
// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model):
// the groups of a large activity are spread over several properties of one row, so they are still
// written at once (two instances forming groups at the same time: the first create wins).
const CHUNK_CHARACTERS = 30_000;
const MAX_CHUNKS = 15;

/**
 * How many activities' stored facts one instance keeps. The pairing row and each control row are
 * created once (a second create answers 409) and never changed, so a kept copy cannot go stale:
 * a submission then probes the next control number by key instead of querying the flow range (and
 * reading a pairing row of up to 450,000 characters) every time.
 */
const KEPT_ACTIVITIES = 200;
/**
 * The set-up row never changes either, but an administrator may erase a tenant's data: it is
 * read again when the kept copy is older than this, so writes to an erased activity stop soon.
 */
const ACTIVITY_ROW_FRESH_MS = 10_000;
/**
 * How many partitions a new activity's participant and submission rows are spread over (keys.ts,
 * `activityKeys.ownerPartition`): 1,000 people joining at once stay under Azure Tables' 2,000
 * entities a second per partition. Stored on the set-up row, so activities set up before (none
 * stored: one partition) stay readable as they were written.
 */
const OWNER_PARTITIONS = 8;
/**
 * How many activities' participant and submission rows one instance keeps (the ones running
 * now, a few MB each at most), to read only what changed on the next read.
 */
const KEPT_RECORDS = 16;
/** How many activities' partition counts one instance remembers (each never changes). */
const KEPT_PARTITION_COUNTS = 5_000;

/**
 * What an instance keeps of one activity: its set-up, its controls so far, once formed its groups,
 * and who it has seen joined (a participant row is created once and never changes either, so a
 * person's later submissions through this instance need not try to create it again).
 */
interface KeptFlow {
  activity?: { value: Activity; readAt: number };
  controls: ActivityControl[];
  /** The rounds' groups seen so far (each is stored once and never changes). */
  groupings: StoredGrouping[];
  joined: Set<string>;
}

type Row = Record<string, unknown> & { partitionKey: string; rowKey: string };

type ActivityRow = {
  format: string;
  communityId: string;
  conversationId: string;
  meetingId?: string;
  sessionId?: string;
  facilitatorJson: string;
  facilitatorTeamsId?: string;
  prompt: string;
  phasesJson: string;
  pairingRule: string;
  createdAt: string;
  /** The held roles' holders (teacher, expert), as JSON. */
  roleHoldersJson?: string;
  topicId?: string;
  moduleJson?: string;
  /** The rubric's criteria (a list of texts, no person in it), as JSON. */
  rubricCriteria?: string;
  /** Partitions the rows owned by a person or group are spread over; absent: the activity's own. */
  ownerPartitions?: number;
};

type ControlRow = {
  seq: number;
  kind: string;
  at: string;
  byUserId: string;
  phaseIndex?: number;
  minutes?: number;
  requestId: string;
};

/** A note row holds the note as My learning lists it. */
type NoteRow = MyActivityNote;

type AnnounceRow = { instanceId: string; leaseUntil: string; done: boolean; detail?: string };

/** Activities in Azure Tables (key design in keys.ts). */
export class TablesActivityRepository implements ActivityRepository {
  /** Kept flows by partition key (insertion order: the oldest is dropped first). */
  private readonly kept = new Map<string, KeptFlow>();
  private readonly flowReads = new FreshReads<ActivityFlow | undefined>();
  /** The last flow read begun per activity, with when it began (answers `recent` callers; see loadFlow). */
  private readonly lastFlowReads = new Map<
    string,
    { begunAt: number; flow: Promise<ActivityFlow | undefined>; settled: boolean }
  >();
  /**
   * The newest flow read that has answered, per activity, with when it began: `recent` callers are
   * answered from it while a newer read runs (see loadFlow).
   */
  private readonly settledFlowReads = new Map<string, { begunAt: number; flow: ActivityFlow }>();
  private readonly recordReads = new FreshReads<ActivityRecord | undefined>();
  /** Owner partitions by activity partition key (set at set-up, never changed). */
  private readonly partitionCounts = new Map<string, number>();

  /** The last whole record read of the activities read lately, with when that read began (see recentRecord). */
  private readonly inHand = new Map<string, { record: ActivityRecord; readAt: number }>();
  /** The owner partitions' rows of the activities read lately (see keptPartitions.ts). */
  private readonly ownerRows: KeptPartitions<TableEntityResult<Row>>;

  /** The clock of the submission grace (loadFlow's `recent`); tests move it by hand. */
  private readonly now: () => number;

  constructor(
    private readonly store: TableStore,
    options: { now?: () => number } = {},
  ) {
    this.now = options.now ?? Date.now;
    this.ownerRows = new KeptPartitions(
      (partition, changedSince) => this.store.changedRows<Row>(TABLES.activities, partition, changedSince),
      KEPT_RECORDS * OWNER_PARTITIONS,
    );
  }

  private rememberPartitions(pk: string, row: Record<string, unknown> | undefined): number {
    const count = Math.max(1, Math.floor(Number(row?.ownerPartitions ?? 1)) || 1);
    setNewest(this.partitionCounts, pk, count, KEPT_PARTITION_COUNTS);
    return count;
  }

  /** How many owner partitions the activity has: known here, else from its set-up row. */
  private async ownerPartitions(tenantId: string, activityId: string): Promise<number> {
    const pk = activityKeys.activity(tenantId, activityId);
    const known = this.partitionCounts.get(pk);
    if (known !== undefined) return known;
    const row = await this.store.getEntity<ActivityRow>(TABLES.activities, pk, ACTIVITY_ROW);
    // No set-up row (yet): nothing of it can be found anywhere; do not remember a guess.
    return row ? this.rememberPartitions(pk, row) : 1;
  }

  /** The partition of a row owned by `ownerId` (a person, or a group for its shared text). */
  private async ownerPartition(tenantId: string, activityId: string, ownerId: string): Promise<string> {
    const partitions = await this.ownerPartitions(tenantId, activityId);
    return activityKeys.ownerPartition(tenantId, activityId, ownerId, partitions);
  }

  /** Every partition that holds rows owned by someone: the owner partitions, or the activity's own. */
  private ownerPartitionsOf(tenantId: string, activityId: string, partitions: number): string[] {
    if (partitions <= 1) return [activityKeys.activity(tenantId, activityId)];
    return Array.from({ length: partitions }, (_, i) =>
      activityKeys.ownerPartitionAt(tenantId, activityId, i),
    );
  }

  private keep(
    pk: string,
    facts: { activity?: Activity; controls?: ActivityControl[]; groupings?: StoredGrouping[] },
  ): void {
    const kept = this.kept.get(pk);
    const controls = facts.controls ?? kept?.controls ?? [];
    // A control this instance learned of (a view's read, another flow read) counts for its next
    // submission at once: the grace covers only what it has not seen yet.
    // (A read still running is the one that learned it, or brings it too.)
    if (kept && controls.length > kept.controls.length && this.lastFlowReads.get(pk)?.settled)
      this.lastFlowReads.delete(pk);
    const groupings = mergeGroupings(kept?.groupings ?? [], facts.groupings ?? []);
    const activity = facts.activity ? { value: facts.activity, readAt: Date.now() } : kept?.activity;
    const keptNow = {
      ...(activity ? { activity } : {}),
      // Controls only grow (each number is taken once): keep the longer list.
      controls: kept && kept.controls.length > controls.length ? kept.controls : controls,
      groupings,
      joined: kept?.joined ?? new Set<string>(),
    };
    setNewest(this.kept, pk, keptNow, KEPT_ACTIVITIES);
  }

  private get table() {
    return this.store.table(TABLES.activities);
  }

  async create(activity: Activity): Promise<{ activity: Activity; created: boolean }> {
    const pk = activityKeys.activity(activity.tenantId, activity.id);
    let created = true;
    let stored = activity;
    try {
      const row = { ...toActivityRow(activity), ownerPartitions: OWNER_PARTITIONS };
      await this.table.createEntity({ partitionKey: pk, rowKey: ACTIVITY_ROW, ...row });
      this.rememberPartitions(pk, row);
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      created = false;
      const row = await this.store.getEntity<ActivityRow>(TABLES.activities, pk, ACTIVITY_ROW);
      if (row) {
        stored = fromActivityRow(activity.tenantId, activity.id, row);
        this.rememberPartitions(pk, row);
      }
    }
    // The indexes after the activity: a retried set-up (409 above) completes them.
    const index = {
      rowKey: activityKeys.newestFirst(INDEX, stored.createdAt, stored.id),
      activityId: stored.id,
      createdAt: stored.createdAt,
    };
    await Promise.all([
      // Open until closed: the announcers of every instance watch it from here on.
      this.store.table(TABLES.openActivities).upsertEntity(
        {
          ...activityKeys.open(stored.tenantId, stored.id),
          facilitatorId: stored.facilitator.id,
          facilitatorName: stored.facilitator.displayName,
          createdAt: stored.createdAt,
        },
        "Replace",
      ),
      this.table.upsertEntity(
        { partitionKey: activityKeys.ofCommunity(stored.tenantId, stored.communityId), ...index },
        "Replace",
      ),
      this.table.upsertEntity(
        { partitionKey: activityKeys.ofConversation(stored.tenantId, stored.conversationId), ...index },
        "Replace",
      ),
    ]);
    return { activity: stored, created };
  }

  /**
   * The whole activity. Everyone's tab asks at once (every submission through the tab answers
   * with the writer's view, and a phase change makes every tab poll): concurrent callers share a
   * read begun after they asked, so 300 answers cost a few partition reads instead of one each,
   * and each still sees every write completed before it asked. Callers never change the record.
   */
  async load(tenantId: string, activityId: string): Promise<ActivityRecord | undefined> {
    const pk = activityKeys.activity(tenantId, activityId);
    return this.recordReads.read(pk, () => this.readRecord(tenantId, activityId, pk));
  }

  async recentRecord(
    tenantId: string,
    activityId: string,
    maxAgeMs: number,
  ): Promise<ActivityRecord | undefined> {
    const pk = activityKeys.activity(tenantId, activityId);
    const kept = this.inHand.get(pk);
    if (kept && Date.now() - kept.readAt <= maxAgeMs) return Promise.resolve(kept.record);
    return this.recordReads.readAny(pk, () => this.readRecord(tenantId, activityId, pk));
  }

  private async readRecord(
    tenantId: string,
    activityId: string,
    pk: string,
  ): Promise<ActivityRecord | undefined> {
    const readAt = Date.now();
    const query = (partition: string) => this.store.partitionRows<Row>(TABLES.activities, partition);
    // The activity's own partition (set-up, controls, groups, marks that can be taken back) is
    // read whole; the owner partitions (participants and submissions, never deleted by the app)
    // are kept and only their changed rows read again.
    const owned = (partition: string) => this.ownerRows.rows(partition);
    const known = this.partitionCounts.get(pk);
    let rows: TableEntityResult<Row>[];
    if (known !== undefined) {
      const owners = known > 1 ? this.ownerPartitionsOf(tenantId, activityId, known) : [];
      const [own, ...others] = await Promise.all([query(pk), ...owners.map(owned)]);
      rows = [...(own ?? []), ...others.flat()];
    } else {
      const own = await query(pk);
      const setUp = own.find((row) => row.rowKey === ACTIVITY_ROW);
      // An activity not set up (yet) has no layout to remember: another instance may set it up next.
      const partitions = setUp ? this.rememberPartitions(pk, setUp) : 1;
      const owners = partitions > 1 ? this.ownerPartitionsOf(tenantId, activityId, partitions) : [];
      rows = [...own, ...(await Promise.all(owners.map(owned))).flat()];
    }
    // In row key order, as one partition answers: the record's lists read as they always did.
    rows.sort((x, y) => compareKeys(x.rowKey ?? "", y.rowKey ?? ""));
    const record: Omit<ActivityRecord, "activity"> & { activity?: Activity } = {
      controls: [],
      participants: [],
      reflections: [],
      lateAssignments: [],
      groupings: [],
      shares: [],
      highlights: [],
      votes: [],
      promotions: [],
      answers: [],
      commitments: [],
      submissions: [],
    };
    for (const row of rows) readInto(record, tenantId, activityId, row);
    if (!record.activity) {
      this.inHand.delete(pk);
      for (const partition of this.ownerPartitionsOf(tenantId, activityId, OWNER_PARTITIONS))
        this.ownerRows.forget(partition);
      return undefined;
    }
    this.keep(pk, {
      activity: record.activity,
      controls: sortedControls(record.controls ?? []),
      groupings: record.groupings,
    });
    const joined = this.kept.get(pk)?.joined;
    for (const p of record.participants) joined?.add(p.userId);
    const whole = { ...record, activity: record.activity };
    // Most recently read last: the one read longest ago is forgotten first.
    setNewest(this.inHand, pk, { record: whole, readAt }, KEPT_RECORDS);
    return whole;
  }

  async loadFlow(
    tenantId: string,
    activityId: string,
    freshness: FlowFreshness = "asked",
  ): Promise<ActivityFlow | undefined> {
    // Everyone pressing the same button at once shares a read (never one begun before they asked,
    // unless the caller takes one already running).
    const pk = activityKeys.activity(tenantId, activityId);
    const read = () => {
      const begunAt = this.now();
      const flow = this.readFlow(tenantId, activityId, pk);
      const entry = { begunAt, flow, settled: false };
      setNewest(this.lastFlowReads, pk, entry, KEPT_ACTIVITIES);
      flow.then(
        (found) => {
          entry.settled = true;
          // Only the newest read begun, and only while nothing made it stale meanwhile (a control
          // of this instance's, or one it learned of, drops it from lastFlowReads).
          if (found && this.lastFlowReads.get(pk) === entry)
            setNewest(this.settledFlowReads, pk, { begunAt, flow: found }, KEPT_ACTIVITIES);
        },
        () => {
          // A failed read answers no one after its own callers.
          if (this.lastFlowReads.get(pk) === entry) this.lastFlowReads.delete(pk);
        },
      );
      return flow;
    };
    if (freshness === "recent") {
      const now = this.now();
      const last = this.lastFlowReads.get(pk);
      // The newest answered read within the grace answers at once, unless this instance knows of a
      // control it does not show. Once it is half the grace old a newer read begins beside it, so
      // 1,000 people pressing Save within two seconds never wait for storage to check the phase.
      const settled = this.settledFlowReads.get(pk);
      if (
        settled &&
        now - settled.begunAt <= SUBMISSION_GRACE_MS &&
        settled.flow.controls.length >= (this.kept.get(pk)?.controls.length ?? 0)
      ) {
        if (!last || (last.settled && now - last.begunAt > SUBMISSION_GRACE_MS / 2))
          this.flowReads.read(pk, read).catch(() => undefined);
        return settled.flow;
      }
      if (last && now - last.begunAt <= SUBMISSION_GRACE_MS) return last.flow;
    }
    return freshness === "running" ? this.flowReads.readAny(pk, read) : this.flowReads.read(pk, read);
  }

  private async readFlow(
    tenantId: string,
    activityId: string,
    pk: string,
  ): Promise<ActivityFlow | undefined> {
    const kept = this.kept.get(pk);
    if (!kept) {
      const rows = await this.store.queryAll<Row>(TABLES.activities, rowsWithPrefix(pk, FLOW));
      const record: Partial<ActivityRecord> & { controls: ActivityControl[]; groupings: StoredGrouping[] } = {
        controls: [],
        groupings: [],
      };
      for (const row of rows) readInto(record, tenantId, activityId, row);
      if (!record.activity) return undefined;
      this.rememberPartitions(
        pk,
        rows.find((row) => row.rowKey === ACTIVITY_ROW),
      );
      const controls = sortedControls(record.controls);
      const groupings = mergeGroupings([], record.groupings);
      this.keep(pk, { activity: record.activity, controls, groupings });
      return { activity: record.activity, controls, groupings };
    }
    // Point reads only: the next control number and, when the kept copy is not fresh, the set-up
    // row (an activity erased meanwhile is then gone). The groups come from getGrouping.
    const fresh = kept.activity && Date.now() - kept.activity.readAt < ACTIVITY_ROW_FRESH_MS;
    const [activityRow, next] = await Promise.all([
      fresh ? undefined : this.store.getEntity<ActivityRow>(TABLES.activities, pk, ACTIVITY_ROW),
      this.store.getEntity<ControlRow>(TABLES.activities, pk, controlKey(kept.controls.length + 1)),
    ]);
    const activity = activityRow ? fromActivityRow(tenantId, activityId, activityRow) : kept.activity?.value;
    if (!activity || (!fresh && !activityRow)) {
      this.kept.delete(pk);
      return undefined;
    }
    const controls = [...kept.controls];
    for (let row = next; row; ) {
      controls.push(controlOf(row));
      row = await this.store.getEntity<ControlRow>(TABLES.activities, pk, controlKey(controls.length + 1));
    }
    this.keep(pk, { ...(activityRow ? { activity } : {}), controls });
    return { activity, controls, groupings: [...kept.groupings] };
  }

  keptFlow(tenantId: string, activityId: string): ActivityFlow | undefined {
    const kept = this.kept.get(activityKeys.activity(tenantId, activityId));
    if (!kept?.activity) return undefined;
    return { activity: kept.activity.value, controls: [...kept.controls], groupings: [...kept.groupings] };
  }

  async placeOf(
    tenantId: string,
    activityId: string,
    userId: string,
    round: number,
  ): Promise<{ participant?: Participant; late?: LateAssignment }> {
    const { participant, late } = await this.rowsOf(tenantId, activityId, userId, round, [PARTICIPANT]);
    return { ...(participant ? { participant } : {}), ...(late ? { late } : {}) };
  }

  async ownRows(tenantId: string, activityId: string, userId: string, round = 0): Promise<OwnRows> {
    return this.rowsOf(tenantId, activityId, userId, round, [PARTICIPANT, REFLECTION, COMMITMENT]);
  }

  /** The person's rows of these kinds, and their place in the round, read by key side by side. */
  private async rowsOf(
    tenantId: string,
    activityId: string,
    userId: string,
    round: number,
    kinds: readonly string[],
  ): Promise<OwnRows> {
    const pk = await this.ownerPartition(tenantId, activityId, userId);
    const user = keyPart(userId, "user id");
    const rows = await Promise.all(
      [...kinds.map((kind) => `${kind}${user}`), lateKey(round, userId)].map((rowKey) =>
        this.store.getEntity<Row>(TABLES.activities, pk, rowKey),
      ),
    );
    const record: Partial<ActivityRecord> = {
      participants: [],
      reflections: [],
      commitments: [],
      lateAssignments: [],
    };
    for (const row of rows) if (row) readInto(record, tenantId, activityId, row);
    // The earliest place of the round: the one carried on their participant row, or its own row.
    const lateOfRound = (record.lateAssignments ?? [])
      .filter((l) => l.round === round)
      .sort((a, b) => compareStored(a.at, b.at))[0];
    return {
      ...(record.participants?.[0] ? { participant: record.participants[0] } : {}),
      ...(record.reflections?.[0] ? { reflection: record.reflections[0] } : {}),
      ...(record.commitments?.[0] ? { commitment: record.commitments[0] } : {}),
      ...(lateOfRound ? { late: lateOfRound } : {}),
    };
  }

  async participantsById(
    tenantId: string,
    activityId: string,
    userIds: readonly string[],
  ): Promise<Participant[]> {
    const partitions = await this.ownerPartitions(tenantId, activityId);
    const rows = await Promise.all(
      userIds.map((id) =>
        this.store.getEntity<Row>(
          TABLES.activities,
          activityKeys.ownerPartition(tenantId, activityId, id, partitions),
          `${PARTICIPANT}${keyPart(id, "user id")}`,
        ),
      ),
    );
    const record: Partial<ActivityRecord> = { participants: [] };
    for (const row of rows) if (row) readInto(record, tenantId, activityId, row);
    return record.participants ?? [];
  }

  async lateAssignments(tenantId: string, activityId: string, round: number): Promise<LateAssignment[]> {
    const partitions = this.ownerPartitionsOf(
      tenantId,
      activityId,
      await this.ownerPartitions(tenantId, activityId),
    );
    const rows = (
      await Promise.all(
        partitions.flatMap((pk) => [
          this.store.queryAll<Row>(TABLES.activities, rowsWithPrefix(pk, latePrefix(round))),
          // Newcomers placed as they joined: the place is on their participant row.
          this.store.queryAll<Row>(
            TABLES.activities,
            `${rowsWithPrefix(pk, PARTICIPANT)} and ${odata`lateRound eq ${round}`}`,
          ),
        ]),
      )
    ).flat();
    const record: Partial<ActivityRecord> = { lateAssignments: [] };
    for (const row of rows) readInto(record, tenantId, activityId, row);
    return (record.lateAssignments ?? []).filter((late) => late.round === round);
  }

  async appendControl(tenantId: string, activityId: string, control: ActivityControl): Promise<void> {
    const pk = activityKeys.activity(tenantId, activityId);
    try {
      await this.table.createEntity({ partitionKey: pk, rowKey: controlKey(control.seq), ...control });
      // This instance's own control is seen by its next submission at once (no grace for it).
      this.lastFlowReads.delete(pk);
      this.settledFlowReads.delete(pk);
    } catch (error) {
      if (statusOf(error) === 409)
        throw new ConcurrencyError("The activity was changed meanwhile (another control came first).");
      throw error;
    }
  }

  isKnownParticipant(tenantId: string, activityId: string, userId: string): boolean {
    return this.kept.get(activityKeys.activity(tenantId, activityId))?.joined.has(userId) ?? false;
  }

  async addParticipant(tenantId: string, activityId: string, participant: Participant): Promise<boolean> {
    const pk = activityKeys.activity(tenantId, activityId);
    const joined = this.kept.get(pk)?.joined;
    if (joined?.has(participant.userId)) return false;
    try {
      await this.table.createEntity({
        partitionKey: await this.ownerPartition(tenantId, activityId, participant.userId),
        rowKey: `${PARTICIPANT}${keyPart(participant.userId, "user id")}`,
        ...participantColumns(participant),
      });
      joined?.add(participant.userId);
      return true;
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      joined?.add(participant.userId);
      return false;
    }
  }

  async addLateParticipant(
    tenantId: string,
    activityId: string,
    participant: Participant,
    assignment: LateAssignment,
  ): Promise<{ joined: boolean; placed: LateAssignment }> {
    // A newcomer's place rides on their participant row: one insert, where a second row (or a
    // two-row transaction, about three times slower on Azurite) made a late join wait for two.
    const pk = activityKeys.activity(tenantId, activityId);
    const partition = await this.ownerPartition(tenantId, activityId, participant.userId);
    const rowKey = `${PARTICIPANT}${keyPart(participant.userId, "user id")}`;
    if (!this.kept.get(pk)?.joined?.has(participant.userId)) {
      try {
        await this.table.createEntity({
          partitionKey: partition,
          rowKey,
          ...participantColumns(participant),
          lateRound: assignment.round,
          lateGroupId: assignment.groupId,
          lateAt: assignment.at,
        });
        this.kept.get(pk)?.joined?.add(participant.userId);
        return { joined: true, placed: assignment };
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
    }
    // They had joined before (a retried join, or a join on another instance): the place their row
    // carries for this round, else a place of its own row.
    this.kept.get(pk)?.joined?.add(participant.userId);
    const row = await this.store.getEntity<Row>(TABLES.activities, partition, rowKey);
    const carried = row ? embeddedPlacement(row) : undefined;
    if (carried?.round === assignment.round) return { joined: false, placed: carried };
    return { joined: false, placed: await this.assignLateJoiner(tenantId, activityId, assignment) };
  }

  async saveGrouping(
    tenantId: string,
    activityId: string,
    grouping: StoredGrouping,
  ): Promise<StoredGrouping> {
    const json = JSON.stringify(grouping.groups);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CHUNK_CHARACTERS) chunks.push(json.slice(i, i + CHUNK_CHARACTERS));
    if (chunks.length > MAX_CHUNKS)
      throw new ValidationError("Too many participants to pair in one activity.");
    const entity: Row = {
      partitionKey: activityKeys.activity(tenantId, activityId),
      rowKey: groupingKey(grouping.round),
      round: grouping.round,
      appliedRule: grouping.appliedRule,
      degraded: grouping.degraded,
      at: grouping.at,
      ...(grouping.repeatMeetings === undefined ? {} : { repeatMeetings: grouping.repeatMeetings }),
      ...(grouping.hotSeat ? { hotSeat: grouping.hotSeat } : {}),
      chunks: chunks.length,
    };
    chunks.forEach((chunk, i) => {
      entity[`groups${i}`] = chunk;
    });
    try {
      await this.table.createEntity(entity);
      this.keep(entity.partitionKey, { groupings: [grouping] });
      return grouping;
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      const stored = await this.getGrouping(tenantId, activityId, grouping.round);
      if (!stored) throw error;
      return stored;
    }
  }

  async getGrouping(
    tenantId: string,
    activityId: string,
    round: number,
  ): Promise<StoredGrouping | undefined> {
    const pk = activityKeys.activity(tenantId, activityId);
    const kept = this.kept.get(pk)?.groupings.find((g) => g.round === round);
    if (kept) return kept;
    const row = await this.store.getEntity<Row>(TABLES.activities, pk, groupingKey(round));
    if (!row) return undefined;
    const grouping = groupingOf(row, round);
    if (this.kept.has(pk)) this.keep(pk, { groupings: [grouping] });
    return grouping;
  }

  async assignLateJoiner(
    tenantId: string,
    activityId: string,
    assignment: LateAssignment,
  ): Promise<LateAssignment> {
    const pk = await this.ownerPartition(tenantId, activityId, assignment.userId);
    const rowKey = lateKey(assignment.round, assignment.userId);
    try {
      await this.table.createEntity({ partitionKey: pk, rowKey, ...assignment });
      return assignment;
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      const row = await this.store.getEntity<LateAssignment>(TABLES.activities, pk, rowKey);
      if (!row) throw error;
      return { round: assignment.round, userId: row.userId, groupId: row.groupId, at: row.at };
    }
  }

  async saveSubmission(
    activity: Activity,
    submission: Omit<Submission, "etag">,
    options: { etag?: string; myLearning?: boolean } = {},
  ): Promise<Submission> {
    const { etag, myLearning } = options;
    const entity = submissionRow(
      await this.ownerPartition(activity.tenantId, activity.id, submission.ownerId),
      submission,
    );
    const noun = submission.scope === "group" ? "Your group's text" : "What you wrote";
    const write = async () => {
      if (etag) {
        try {
          // A group's text edited on top of a version: its creator stays as stored (the editor
          // need not read the row first to carry it over).
          if (submission.scope === "group") {
            const { createdByJson: _creator, ...edit } = entity;
            return await this.table.updateEntity(edit, "Merge", { etag });
          }
          return await this.table.updateEntity(entity, "Replace", { etag });
        } catch (error) {
          // Replacing a version that is gone is as stale as replacing an older one.
          if (statusOf(error) === 404) throw new ConcurrencyError(`${noun} was removed meanwhile.`);
          throw error;
        }
      }
      if (submission.scope === "person") return this.table.upsertEntity(entity, "Replace");
      if (submission.scope === "group") return this.table.createEntity(entity);
      try {
        return await this.table.createEntity(entity);
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
        return undefined; // an item sent before (a retry): the stored one answers
      }
    };
    const copy = () => this.keepInMyLearning(activity, submission);
    // A person's own text without a version is never refused: its My learning copy goes beside it
    // (either failing fails the request, and its retry writes both). A guarded write's copy waits
    // for the write, so a refused one writes neither.
    if (myLearning && !etag && submission.scope === "person") {
      const [result] = await Promise.all([translateTableErrors(noun, write), copy()]);
      return { ...submission, etag: result?.etag ?? "" };
    }
    const result = await translateTableErrors(noun, write);
    if (!result) {
      const stored = await this.getSubmission(
        activity.tenantId,
        activity.id,
        submission.kind,
        submission.ownerId,
        submission.itemId,
      );
      if (!stored) throw new ConcurrencyError(`${noun} could not be read back. Try again.`);
      return stored;
    }
    if (myLearning) await copy();
    return { ...submission, etag: result.etag ?? "" };
  }

  async keepInMyLearning(
    activity: Activity,
    submission: Pick<Submission, "kind" | "ownerId" | "text" | "at">,
  ): Promise<void> {
    await this.table.upsertEntity(
      noteRow(activity, submissionPrefix(submission.kind), submission.ownerId, submission),
      "Replace",
    );
  }

  async getSubmission(
    tenantId: string,
    activityId: string,
    kind: SubmissionKind,
    ownerId: string,
    itemId?: string,
  ): Promise<Submission | undefined> {
    const row = await this.store.getEntity<Row>(
      TABLES.activities,
      await this.ownerPartition(tenantId, activityId, ownerId),
      submissionKey(kind, ownerId, itemId),
    );
    if (!row) return undefined;
    const record: Partial<ActivityRecord> = { submissions: [] };
    readInto(record, tenantId, activityId, row);
    return record.submissions?.[0];
  }

  async setHighlight(tenantId: string, activityId: string, highlight: Highlight): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: activityKeys.activity(tenantId, activityId),
        rowKey: `${HIGHLIGHT}${keyPart(highlight.groupId, "group id")}`,
        ...highlight,
      },
      "Replace",
    );
  }

  async setPromotion(tenantId: string, activityId: string, promotion: ItemPromotion, on: boolean) {
    const { kind, ownerId, itemId } = promotion;
    await this.setItemMark(tenantId, activityId, ["promoted", kind, ownerId, itemId], promotion, on);
  }

  async setAnswer(tenantId: string, activityId: string, answer: ItemAnswer): Promise<void> {
    const { kind, ownerId, itemId, by, ...rest } = answer;
    const rowKey = ["answered", kind, ownerId, itemId].map((part) => keyPart(part, "answer key")).join("|");
    await translateTableErrors("The answer", () =>
      this.table.upsertEntity(
        {
          partitionKey: activityKeys.activity(tenantId, activityId),
          rowKey,
          kind,
          ownerId,
          itemId,
          byJson: JSON.stringify(by),
          ...rest,
        },
        "Replace",
      ),
    );
  }

  async setVote(tenantId: string, activityId: string, vote: ItemVote, on: boolean): Promise<void> {
    const { kind, ownerId, itemId, voterId } = vote;
    await this.setItemMark(tenantId, activityId, ["vote", kind, ownerId, itemId, voterId], vote, on);
  }

  /** A mark on an item (a vote, a promotion): one row, written (`on`) or deleted; idempotent. */
  private async setItemMark(
    tenantId: string,
    activityId: string,
    [mark, ...parts]: string[],
    row: ItemVote | ItemPromotion,
    on: boolean,
  ): Promise<void> {
    const partitionKey = activityKeys.activity(tenantId, activityId);
    const rowKey = [mark, ...parts.map((part) => keyPart(part, `${mark} key`))].join("|");
    if (on) {
      await translateTableErrors(`The ${mark}`, () =>
        this.table.upsertEntity({ partitionKey, rowKey, ...row }, "Replace"),
      );
      return;
    }
    await this.store.deleteIfExists(TABLES.activities, partitionKey, rowKey);
  }

  async removeHighlight(tenantId: string, activityId: string, groupId: string): Promise<void> {
    await this.store.deleteIfExists(
      TABLES.activities,
      activityKeys.activity(tenantId, activityId),
      `${HIGHLIGHT}${keyPart(groupId, "group id")}`,
    );
  }

  async recentActivityIds(tenantId: string, communityId: string, limit: number): Promise<string[]> {
    const pk = activityKeys.ofCommunity(tenantId, communityId);
    const page = await this.store.queryPage<{ activityId: string }>(
      TABLES.activities,
      rowsWithPrefix(pk, `${INDEX}|`),
      {
        pageSize: limit,
      },
    );
    return page.items.slice(0, limit).map((r) => r.activityId);
  }

  async activityIdsOfConversation(tenantId: string, conversationId: string): Promise<string[]> {
    const pk = activityKeys.ofConversation(tenantId, conversationId);
    const page = await this.store.queryPage<{ activityId: string }>(
      TABLES.activities,
      rowsWithPrefix(pk, `${INDEX}|`),
      {
        pageSize: 20,
      },
    );
    return page.items.map((r) => r.activityId);
  }

  /**
   * Reflections, and the My learning copies of every other kind a format keeps there that is no
   * commitment (a micro-teach's "what I learned"): commitments have a list of their own.
   */
  async reflectionsOf(tenantId: string, userId: string): Promise<MyActivityNote[]> {
    const [reflections, others] = await Promise.all([
      this.notesOf(tenantId, userId, REFLECTION),
      this.notesOf(tenantId, userId, SUBMISSION, (rowKey) => {
        const kind = rowKey.slice(SUBMISSION.length, rowKey.indexOf("|", SUBMISSION.length));
        return LEARNING_NOTE_KINDS.has(kind);
      }),
    ]);
    return [...reflections, ...others].sort((a, b) => compareStored(b.at, a.at));
  }

  async commitmentsOf(tenantId: string, userId: string): Promise<MyActivityNote[]> {
    return this.notesOf(tenantId, userId, COMMITMENT);
  }

  async claimAnnouncement(
    tenantId: string,
    activityId: string,
    phaseIndex: number,
    instanceId: string,
    now: Date,
    leaseMs: number,
  ): Promise<boolean> {
    const pk = activityKeys.activity(tenantId, activityId);
    const rowKey = announceKey(phaseIndex);
    const claim = { instanceId, leaseUntil: new Date(now.getTime() + leaseMs).toISOString(), done: false };
    try {
      await this.table.createEntity({ partitionKey: pk, rowKey, ...claim });
      return true;
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    const row = await this.store.getEntity<AnnounceRow>(TABLES.activities, pk, rowKey);
    if (!row || row.done) return false;
    if (row.instanceId === instanceId) return true;
    if (Date.parse(row.leaseUntil) > now.getTime()) return false;
    // The holder's lease ran out unannounced (it stopped): one instance takes over, by ETag.
    try {
      await this.table.updateEntity({ partitionKey: pk, rowKey, ...claim }, "Replace", { etag: row.etag });
      return true;
    } catch (error) {
      if (statusOf(error) === 412) return false;
      throw error;
    }
  }

  async announcementOf(
    tenantId: string,
    activityId: string,
    phaseIndex: number,
  ): Promise<Announcement | undefined> {
    const row = await this.store.getEntity<AnnounceRow>(
      TABLES.activities,
      activityKeys.activity(tenantId, activityId),
      announceKey(phaseIndex),
    );
    if (!row) return undefined;
    return { done: row.done === true, ...(row.detail ? { detail: row.detail } : {}) };
  }

  async openActivities(): Promise<OpenActivity[]> {
    // The whole table: it holds only activities not closed yet, of every tenant.
    const rows: TableEntityResult<OpenRow>[] = [];
    for await (const row of this.store.table(TABLES.openActivities).listEntities<OpenRow>()) rows.push(row);
    return rows.flatMap((row) => {
      const partition = row.partitionKey ?? "";
      const tenantId = partition.slice(0, partition.lastIndexOf("|open"));
      if (!tenantId || !row.rowKey) return [];
      return [
        {
          tenantId,
          activityId: row.rowKey,
          facilitator: { id: row.facilitatorId, displayName: row.facilitatorName },
          createdAt: row.createdAt,
        },
      ];
    });
  }

  async markClosed(tenantId: string, activityId: string): Promise<void> {
    const key = activityKeys.open(tenantId, activityId);
    await this.store.deleteIfExists(TABLES.openActivities, key.partitionKey, key.rowKey);
  }

  async completeAnnouncement(
    tenantId: string,
    activityId: string,
    phaseIndex: number,
    instanceId: string,
    detail?: string,
  ): Promise<void> {
    const pk = activityKeys.activity(tenantId, activityId);
    const rowKey = announceKey(phaseIndex);
    const row = await this.store.getEntity<AnnounceRow>(TABLES.activities, pk, rowKey);
    if (!row || row.instanceId !== instanceId || row.done) return;
    try {
      await this.table.updateEntity(
        { partitionKey: pk, rowKey, done: true, ...(detail ? { detail } : {}) },
        "Merge",
        { etag: row.etag },
      );
    } catch (error) {
      if (statusOf(error) !== 412) throw error; // taken over meanwhile: theirs to complete
    }
  }

  private async notesOf(
    tenantId: string,
    userId: string,
    kind: string,
    keep: (rowKey: string) => boolean = () => true,
  ): Promise<MyActivityNote[]> {
    const pk = activityKeys.ofPerson(tenantId, userId);
    const rows = await this.store.queryAll<NoteRow>(TABLES.activities, rowsWithPrefix(pk, kind));
    return rows
      .filter((r) => keep(r.rowKey ?? ""))
      .map((r) => ({
        activityId: r.activityId,
        communityId: r.communityId,
        ...(r.sessionId ? { sessionId: r.sessionId } : {}),
        ...(r.meetingId ? { meetingId: r.meetingId } : {}),
        prompt: r.prompt,
        text: r.text,
        at: r.at,
      }))
      .sort((a, b) => compareStored(b.at, a.at));
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function controlKey(seq: number): string {
  return `${CONTROL}${String(seq).padStart(6, "0")}`;
}

function controlOf(c: ControlRow): ActivityControl {
  return {
    seq: c.seq,
    kind: c.kind as ControlKind,
    at: c.at,
    byUserId: c.byUserId,
    ...(typeof c.phaseIndex === "number" ? { phaseIndex: c.phaseIndex } : {}),
    ...(typeof c.minutes === "number" ? { minutes: c.minutes } : {}),
    requestId: c.requestId,
  };
}

/** Controls in number order, cut at the first gap (numbers are taken 1, 2, … and never skipped). */
function sortedControls(controls: readonly ActivityControl[]): ActivityControl[] {
  const sorted = [...controls].sort((a, b) => a.seq - b.seq);
  const end = sorted.findIndex((c, i) => c.seq !== i + 1);
  return end < 0 ? sorted : sorted.slice(0, end);
}

/** The rounds' groups both lists know, one per round (a round is stored once: either copy is it), in round order. */
function mergeGroupings(kept: readonly StoredGrouping[], seen: readonly StoredGrouping[]): StoredGrouping[] {
  const byRound = new Map<number, StoredGrouping>();
  for (const grouping of [...kept, ...seen])
    if (!byRound.has(grouping.round)) byRound.set(grouping.round, grouping);
  return [...byRound.values()].sort((a, b) => a.round - b.round);
}

function groupingKey(round: number): string {
  if (!Number.isInteger(round) || round < 0 || round > 999)
    throw new ValidationError("That round is not valid.");
  return round === 0 ? PAIRING_ROW : `${PAIRING_ROW}|${String(round).padStart(3, "0")}`;
}

/** Round 0's late joiners keep the rows they always had (`late|{user}`); round r's are `late|00r|{user}`. */
function latePrefix(round: number): string {
  groupingKey(round);
  return round === 0 ? LATE : `${LATE}${String(round).padStart(3, "0")}|`;
}

function lateKey(round: number, userId: string): string {
  return `${latePrefix(round)}${keyPart(userId, "user id")}`;
}

function announceKey(phaseIndex: number): string {
  // Phases, the end and the pair list stay below 1,000 (three digits, as always); the pair list's
  // updates take 10,000 and up.
  if (!Number.isInteger(phaseIndex) || phaseIndex < 0 || phaseIndex > 99_999)
    throw new ValidationError("That phase is not valid.");
  return `${ANNOUNCE}${String(phaseIndex).padStart(3, "0")}`;
}

function noteRow(activity: Activity, kind: string, userId: string, note: { text: string; at: string }) {
  return {
    partitionKey: activityKeys.ofPerson(activity.tenantId, userId),
    rowKey: `${kind}${keyPart(activity.id, "activity id")}`,
    activityId: activity.id,
    communityId: activity.communityId,
    ...(activity.sessionId ? { sessionId: activity.sessionId } : {}),
    ...(activity.meetingId ? { meetingId: activity.meetingId } : {}),
    prompt: activity.prompt,
    text: note.text,
    at: note.at,
  };
}

function toActivityRow(a: Activity): ActivityRow {
  return {
    format: a.format,
    communityId: a.communityId,
    conversationId: a.conversationId,
    ...(a.meetingId ? { meetingId: a.meetingId } : {}),
    ...(a.sessionId ? { sessionId: a.sessionId } : {}),
    facilitatorJson: JSON.stringify(a.facilitator),
    ...(a.facilitatorTeamsId ? { facilitatorTeamsId: a.facilitatorTeamsId } : {}),
    prompt: a.prompt,
    phasesJson: JSON.stringify(a.phases),
    pairingRule: a.pairingRule,
    createdAt: a.createdAt,
    ...(a.roleHolders ? { roleHoldersJson: JSON.stringify(a.roleHolders) } : {}),
    ...(a.topicId ? { topicId: a.topicId } : {}),
    ...(a.module ? { moduleJson: JSON.stringify(a.module) } : {}),
    ...(a.rubric ? { rubricCriteria: JSON.stringify(a.rubric) } : {}),
  };
}

function fromActivityRow(tenantId: string, id: string, row: ActivityRow): Activity {
  return {
    tenantId,
    id,
    format: row.format as ActivityFormatId,
    communityId: row.communityId,
    conversationId: row.conversationId,
    ...(row.meetingId ? { meetingId: row.meetingId } : {}),
    ...(row.sessionId ? { sessionId: row.sessionId } : {}),
    facilitator: JSON.parse(row.facilitatorJson) as PersonRef,
    ...(row.facilitatorTeamsId ? { facilitatorTeamsId: row.facilitatorTeamsId } : {}),
    prompt: row.prompt,
    phases: JSON.parse(row.phasesJson) as PlannedPhase[],
    pairingRule: row.pairingRule as PairingRule,
    createdAt: row.createdAt,
    ...(row.roleHoldersJson
      ? { roleHolders: JSON.parse(row.roleHoldersJson) as Activity["roleHolders"] }
      : {}),
    ...(row.topicId ? { topicId: row.topicId } : {}),
    ...(row.moduleJson ? { module: JSON.parse(row.moduleJson) as Activity["module"] } : {}),
    ...(row.rubricCriteria ? { rubric: JSON.parse(row.rubricCriteria) as string[] } : {}),
  };
}

function groupingOf(row: Row, round: number): StoredGrouping {
  let json = "";
  for (let i = 0; i < Number(row.chunks); i++) json += String(row[`groups${i}`] ?? "");
  return {
    round,
    groups: JSON.parse(json) as StoredGrouping["groups"],
    appliedRule: row.appliedRule as PairingRule,
    degraded: row.degraded === true,
    at: String(row.at),
    ...(typeof row.repeatMeetings === "number" ? { repeatMeetings: row.repeatMeetings } : {}),
    ...(typeof row.hotSeat === "string" && row.hotSeat ? { hotSeat: row.hotSeat } : {}),
  };
}

/** The place a late joiner's participant row carries (written with it when they joined late). */
function embeddedPlacement(row: Record<string, unknown>): LateAssignment | undefined {
  if (typeof row.lateGroupId !== "string" || row.lateRound === undefined) return undefined;
  return {
    round: Number(row.lateRound),
    userId: String(row.userId ?? ""),
    groupId: row.lateGroupId,
    at: String(row.lateAt ?? ""),
  };
}

/** The named text fields of a row ("" for one the row lacks). */
function textFields<const Name extends string>(
  row: Record<string, unknown>,
  ...names: Name[]
): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, String(row[name] ?? "")])) as Record<Name, string>;
}

/** Sorts one row of an activity's partition into the record it belongs to. */
function readInto(
  record: Partial<ActivityRecord>,
  tenantId: string,
  activityId: string,
  entity: TableEntityResult<Row>,
): void {
  const row = entity as TableEntityResult<Record<string, never>> & Record<string, unknown>;
  const key = entity.rowKey ?? "";
  const str = (name: string) => String(row[name] ?? "");
  if (key === ACTIVITY_ROW) {
    record.activity = fromActivityRow(tenantId, activityId, row as unknown as ActivityRow);
  } else if (key === PAIRING_ROW) {
    record.groupings?.push(groupingOf(entity, 0));
  } else if (key.startsWith(`${PAIRING_ROW}|`)) {
    record.groupings?.push(groupingOf(entity, Number(key.slice(PAIRING_ROW.length + 1))));
  } else if (key.startsWith(CONTROL)) {
    record.controls?.push(controlOf(row as unknown as ControlRow));
  } else if (key.startsWith(PARTICIPANT)) {
    record.participants?.push({
      userId: str("userId"),
      displayName: str("displayName"),
      joinedAt: str("joinedAt"),
      ...(str("teamsId") ? { teamsId: str("teamsId") } : {}),
      ...(str("principalName") ? { principalName: str("principalName") } : {}),
      ...broughtOf(str("broughtJson")),
    });
    const placed = embeddedPlacement(row);
    if (placed) record.lateAssignments?.push(placed);
  } else if (key.startsWith(REFLECTION)) {
    record.reflections?.push({ userId: str("userId"), text: str("text"), at: str("at"), etag: entity.etag });
    record.submissions?.push(submissionOfRow("reflection", "person", str("userId"), row, entity.etag));
  } else if (key.startsWith(LATE)) {
    // `late|{user}` (round 0) or `late|00r|{user}`: a user id never holds a `|`.
    const rest = key.slice(LATE.length);
    const round = rest.includes("|") ? Number(rest.slice(0, rest.indexOf("|"))) : 0;
    record.lateAssignments?.push({ round, ...textFields(row, "userId", "groupId", "at") });
  } else if (key.startsWith(SHARE)) {
    const share = submissionOfRow("share", "group", str("groupId"), row, entity.etag);
    const { text, createdBy, editedBy, at, requestId, etag } = share;
    record.shares?.push({ groupId: share.ownerId, text, createdBy, editedBy, at, requestId, etag });
    record.submissions?.push(share);
  } else if (key.startsWith(PROMOTED)) {
    record.promotions?.push(textFields(row, "kind", "ownerId", "itemId", "byUserId", "at"));
  } else if (key.startsWith(ANSWERED)) {
    record.answers?.push({
      ...textFields(row, "kind", "ownerId", "itemId", "text", "at", "requestId"),
      by: JSON.parse(str("byJson") || "{}") as PersonRef,
    });
  } else if (key.startsWith(VOTE)) {
    record.votes?.push(textFields(row, "kind", "ownerId", "itemId", "voterId", "at"));
  } else if (key.startsWith(HIGHLIGHT)) {
    record.highlights?.push(textFields(row, "groupId", "byUserId", "at"));
  } else if (key.startsWith(COMMITMENT)) {
    record.commitments?.push(textFields(row, "userId", "displayName", "text", "at"));
    record.submissions?.push(submissionOfRow("commitment", "person", str("userId"), row, entity.etag));
  } else if (key.startsWith(SUBMISSION)) {
    const scope = str("scope") as SubmissionScope;
    const submission = submissionOfRow(str("kind"), scope, str("ownerId"), row, entity.etag);
    record.submissions?.push(str("itemId") ? { ...submission, itemId: str("itemId") } : submission);
  }
}

/**
 * A submission's row. Reflection and commitment rows written before submissions were general have
 * no `createdByJson`: the writer is then the row's own person.
 */
function submissionOfRow(
  kind: SubmissionKind,
  scope: SubmissionScope,
  ownerId: string,
  row: Record<string, unknown>,
  etag: string,
): Submission {
  const str = (name: string) => String(row[name] ?? "");
  const writer: PersonRef = { id: str("userId") || ownerId, displayName: str("displayName") || "Someone" };
  return {
    kind,
    scope,
    ownerId,
    text: str("text"),
    createdBy: str("createdByJson") ? (JSON.parse(str("createdByJson")) as PersonRef) : writer,
    editedBy: str("editedByJson") ? (JSON.parse(str("editedByJson")) as PersonRef) : writer,
    at: str("at"),
    requestId: str("requestId"),
    etag,
  };
}

/**
 * A submission's row. The first three kinds keep the fields their readers always used (`userId`,
 * `displayName` for a person's, `groupId` for a group's) beside the general ones.
 */
function submissionRow(partitionKey: string, s: Omit<Submission, "etag">) {
  return {
    partitionKey,
    rowKey: submissionKey(s.kind, s.ownerId, s.itemId),
    kind: s.kind,
    scope: s.scope,
    ownerId: s.ownerId,
    ...(s.itemId === undefined ? {} : { itemId: s.itemId }),
    ...(s.scope === "group"
      ? { groupId: s.ownerId }
      : { userId: s.ownerId, displayName: s.editedBy.displayName }),
    text: s.text,
    createdByJson: JSON.stringify(s.createdBy),
    editedByJson: JSON.stringify(s.editedBy),
    at: s.at,
    requestId: s.requestId,
  };
}

/** A participant's columns: what they brought in from earlier sessions as JSON (Tables has no lists). */
function participantColumns({ brought, ...participant }: Participant) {
  return { ...participant, ...(brought ? { broughtJson: JSON.stringify(brought) } : {}) };
}

/** What a participant row says they brought in (`broughtJson`); nothing when it says nothing readable. */
function broughtOf(json: string): Pick<Participant, "brought"> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return {};
    const brought = parsed.filter(
      (b): b is NonNullable<Participant["brought"]>[number] =>
        typeof b === "object" &&
        b !== null &&
        typeof b.kind === "string" &&
        typeof b.text === "string" &&
        typeof b.at === "string" &&
        typeof b.activityId === "string",
    );
    return brought.length === parsed.length ? { brought } : {};
  } catch {
    return {};
  }
}
