import { setNewest } from "../boundedMap.js";
import { memo } from "../memo.js";
import type { ActivityRecord, LateAssignment, Participant } from "./activity.js";
import { extendParticipants } from "./participantLists.js";

/** How long an instance remembers whom it joined and placed: far longer than a record in hand is used. */
const REMEMBER_MS = 60_000;
/** Activities whose recent joins one instance remembers (the ones running now). */
const KEPT_ACTIVITIES = 200;

interface Joins {
  participants: Map<string, { participant: Participant; at: number }>;
  /** By `{round}|{userId}`. */
  placements: Map<string, { assignment: LateAssignment; at: number }>;
}

/**
 * The people this instance joined to an activity lately and where it placed late joiners, so a
 * join answered from a record read a moment ago (see ActivityService.join) still shows them: the
 * caller's partners by name, and the groups as this instance has filled them. A placement is noted
 * before it is stored, so late joiners arriving together on one instance spread over the groups
 * instead of all choosing the one that looked smallest. What storage holds always wins.
 */
export class RecentJoins {
  private readonly byActivity = new Map<string, Joins>();

  constructor(private readonly now: () => number) {}

  joined(tenantId: string, activityId: string, participant: Participant): void {
    const { participants } = this.of(tenantId, activityId);
    // Deleted first, so the map stays in the order of when each was noted.
    participants.delete(participant.userId);
    participants.set(participant.userId, { participant, at: this.now() });
  }

  placed(tenantId: string, activityId: string, assignment: LateAssignment): void {
    const { placements } = this.of(tenantId, activityId);
    const key = `${assignment.round}|${assignment.userId}`;
    placements.delete(key);
    placements.set(key, { assignment, at: this.now() });
  }

  /** Where this instance placed the person in the round (as stored), if it did. */
  placementOf(
    tenantId: string,
    activityId: string,
    round: number,
    userId: string,
  ): LateAssignment | undefined {
    return this.byActivity.get(keyOf(tenantId, activityId))?.placements.get(`${round}|${userId}`)?.assignment;
  }

  /** A placement that was not stored after all (the write failed). */
  unplaced(tenantId: string, activityId: string, assignment: LateAssignment): void {
    this.byActivity
      .get(keyOf(tenantId, activityId))
      ?.placements.delete(`${assignment.round}|${assignment.userId}`);
  }

  /** The record with the participants and placements remembered here that it does not hold yet. */
  into(record: ActivityRecord): ActivityRecord {
    const joins = this.joinsOf(record);
    if (!joins) return record;
    const known = memo(knownIds, record.participants, (list) => new Set(list.map((p) => p.userId)));
    const participants: Participant[] = [];
    for (const j of joins.participants.values())
      if (!known.has(j.participant.userId)) participants.push(j.participant);
    const lateAssignments = this.placementsIn(joins, record);
    if (participants.length === 0 && lateAssignments === record.lateAssignments) return record;
    return {
      ...record,
      participants:
        participants.length > 0 ? extendParticipants(record.participants, participants) : record.participants,
      lateAssignments,
    };
  }

  /** The record's late placements with those remembered here that it does not hold yet: {@link into}'s groups alone. */
  lateAssignmentsInto(record: ActivityRecord): LateAssignment[] {
    const joins = this.joinsOf(record);
    return joins ? this.placementsIn(joins, record) : record.lateAssignments;
  }

  private joinsOf(record: ActivityRecord): Joins | undefined {
    const joins = this.byActivity.get(keyOf(record.activity.tenantId, record.activity.id));
    if (joins) this.forgetOld(joins);
    return joins;
  }

  private placementsIn(joins: Joins, record: ActivityRecord): LateAssignment[] {
    const stored = memo(
      storedPlacements,
      record.lateAssignments,
      (list) => new Set(list.map((l) => `${l.round}|${l.userId}`)),
    );
    const placements: LateAssignment[] = [];
    for (const [key, p] of joins.placements) if (!stored.has(key)) placements.push(p.assignment);
    return placements.length === 0 ? record.lateAssignments : [...record.lateAssignments, ...placements];
  }

  private of(tenantId: string, activityId: string): Joins {
    const key = keyOf(tenantId, activityId);
    const joins = this.byActivity.get(key) ?? { participants: new Map(), placements: new Map() };
    this.forgetOld(joins);
    // Most recently used last: the activity joined longest ago is forgotten first.
    setNewest(this.byActivity, key, joins, KEPT_ACTIVITIES);
    return joins;
  }

  private forgetOld(joins: Joins): void {
    const before = this.now() - REMEMBER_MS;
    // Maps keep insertion order: the oldest come first.
    for (const [id, j] of joins.participants) {
      if (j.at >= before) break;
      joins.participants.delete(id);
    }
    for (const [key, p] of joins.placements) {
      if (p.at >= before) break;
      joins.placements.delete(key);
    }
  }
}

/** The ids in a record's lists, made once per list: every join on an instance merges into the same record read. */
const knownIds = new WeakMap<readonly Participant[], Set<string>>();
const storedPlacements = new WeakMap<readonly LateAssignment[], Set<string>>();

function keyOf(tenantId: string, activityId: string): string {
  return `${tenantId}|${activityId}`;
}
