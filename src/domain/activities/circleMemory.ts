import { setNewest } from "../boundedMap.js";
import type { PersonRef } from "../identity.js";
import { memo } from "../memo.js";
import { compareStored } from "../ordering.js";
import { type HotSeatSwap, hotSeatQueue, withSwaps } from "./grouping/hotSeat.js";

/**
 * What a community's circles keep from one session to the next (mastermind): who sat on the hot
 * seat, the swaps people made in the queue, and each person's register (their goals), so a
 * circle picks up where it left off. Stored per community and per person, tenant first.
 */

/** The hot seats of one activity's circles, as formed. */
export interface HotSeatRecord {
  activityId: string;
  /** When the circles were formed. */
  at: string;
  circles: { members: PersonRef[]; hotSeat: string }[];
}

/** A trade of places in a community's hot-seat queue. */
export interface StoredSwap extends HotSeatSwap {
  /** Per request: a retried swap is stored once. */
  id: string;
  at: string;
  by: PersonRef;
}

/** A person's latest entry of a register kind (their goal), kept across the community's sessions. */
export interface RegisterEntry {
  kind: string;
  text: string;
  at: string;
  /** The activity it was written in. */
  activityId: string;
}

/** Storage port for what circles keep across sessions. Every call is scoped by tenant. */
export interface CircleMemory {
  /** The community's hot seats (oldest first) and queue swaps. */
  hotSeatLog(tenantId: string, communityId: string): Promise<{ seats: HotSeatRecord[]; swaps: StoredSwap[] }>;
  /** Records an activity's hot seats once (by activity: recording again changes nothing). */
  recordHotSeats(tenantId: string, communityId: string, record: HotSeatRecord): Promise<void>;
  /** Records a swap once (by its id). */
  recordSwap(tenantId: string, communityId: string, swap: StoredSwap): Promise<void>;
  /**
   * Keeps a person's entry of a register kind (in their own partition), replacing an older one:
   * an entry written at or after `entry.at` stays (copies may arrive late, or twice).
   */
  saveRegisterEntry(
    tenantId: string,
    userId: string,
    communityId: string,
    entry: RegisterEntry,
  ): Promise<void>;
  /** These people's entries of a register kind in the community (read by key), by person. */
  registerOf(
    tenantId: string,
    userIds: readonly string[],
    communityId: string,
    kind: string,
  ): Promise<Map<string, RegisterEntry>>;
}

/** One place in a circle's hot-seat queue. */
export interface QueuePlace {
  person: PersonRef;
  /** How often they have sat on the hot seat. */
  times: number;
  /** When they last did. */
  lastAt?: string;
}

/** How many of the community's last circles count as its members for the queue people see. */
const RECENT_CIRCLES = 10;

/**
 * A community's hot-seat queue (pure): its circles' recent members, plus `present` (the people
 * in the room when circles are formed), in the order they take the hot seat — fewest times first,
 * then longest ago, ties by a draw seeded with the community — with the swaps made since the
 * last hot seat applied. The circles are formed from this same queue, so what people see is what
 * happens.
 */
export function circleQueueOf(
  communityId: string,
  log: { seats: readonly HotSeatRecord[]; swaps: readonly StoredSwap[] },
  present?: readonly PersonRef[],
): QueuePlace[] {
  const seats = [...log.seats].sort((a, b) => compareStored(a.at, b.at));
  const people = new Map<string, PersonRef>();
  for (const record of seats.slice(-RECENT_CIRCLES))
    for (const circle of record.circles) for (const m of circle.members) people.set(m.id, m);
  const members = present ? new Map(present.map((p) => [p.id, people.get(p.id) ?? p])) : people;
  const history = seats.flatMap((r) => r.circles.map((c) => c.hotSeat));
  const times = new Map<string, number>();
  const last = new Map<string, string>();
  for (const record of seats)
    for (const circle of record.circles) {
      times.set(circle.hotSeat, (times.get(circle.hotSeat) ?? 0) + 1);
      last.set(circle.hotSeat, record.at);
    }
  const since = seats.at(-1)?.at ?? "";
  const swaps = log.swaps.filter((s) => s.at > since).sort((a, b) => compareStored(a.at, b.at));
  const order = withSwaps(hotSeatQueue([...members.keys()], history, communityId), swaps);
  return order.map((id) => ({
    person: members.get(id) ?? { id, displayName: "Someone" },
    times: times.get(id) ?? 0,
    ...(last.has(id) ? { lastAt: last.get(id) as string } : {}),
  }));
}

/** Activities whose earlier register entries one instance keeps (the ones running now). */
const KEPT_ACTIVITIES = 64;

/**
 * The register entries people brought into an activity from earlier sessions, read once per
 * person and activity on this instance. Every view of a circle shows its members' goals, so 300
 * people polling would otherwise read every member's goal again on every poll. What they bring
 * in does not change while the activity runs: a goal written in it is the activity's own
 * submission, which the view shows instead.
 */
export class EarlierRegisters {
  /** Per activity and kind: each person's entry, or the read bringing it (shared by concurrent views). */
  private readonly byActivity = new Map<string, Map<string, Promise<RegisterEntry | null>>>();
  /** The same, once read: each person's entry or `null` (none). */
  private readonly settledByActivity = new Map<string, Map<string, RegisterEntry | null>>();

  constructor(private readonly memory: CircleMemory) {}

  /**
   * A person's entry of a kind when it is read already (`null`: they have none); undefined while
   * it is unknown or being read.
   */
  settled(
    tenantId: string,
    activityId: string,
    kind: string,
    userId: string,
  ): RegisterEntry | null | undefined {
    return this.settledByActivity.get(`${tenantId}|${activityId}|${kind}`)?.get(userId);
  }

  async of(
    tenantId: string,
    activityId: string,
    communityId: string,
    kind: string,
    userIds: readonly string[],
  ): Promise<Map<string, RegisterEntry>> {
    const key = `${tenantId}|${activityId}|${kind}`;
    const known = this.byActivity.get(key) ?? new Map<string, Promise<RegisterEntry | null>>();
    // Most recently used last: the oldest activity is forgotten first, with what settled of it.
    setNewest(this.byActivity, key, known, KEPT_ACTIVITIES, (oldest) =>
      this.settledByActivity.delete(oldest),
    );
    const unknown = [...new Set(userIds)].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      // One read for those nobody asked for yet; a circle's members polling at once wait for it.
      const read = this.memory.registerOf(tenantId, unknown, communityId, kind);
      for (const id of unknown) {
        const entry = read.then((found) => found.get(id) ?? null);
        entry.catch(() => undefined); // awaited below or by a concurrent view; never left unhandled
        known.set(id, entry);
      }
      read.then(
        (found) => {
          // Still this activity's (not forgotten meanwhile): kept as read, for `settled`.
          if (this.byActivity.get(key) !== known) return;
          const settled = memo(this.settledByActivity, key, () => new Map<string, RegisterEntry | null>());
          for (const id of unknown) settled.set(id, found.get(id) ?? null);
        },
        // A failed read is not kept: the next view reads again.
        () => {
          for (const id of unknown) known.delete(id);
        },
      );
    }
    const entries = new Map<string, RegisterEntry>();
    for (const id of userIds) {
      const entry = await known.get(id);
      if (entry) entries.set(id, entry);
    }
    return entries;
  }
}
