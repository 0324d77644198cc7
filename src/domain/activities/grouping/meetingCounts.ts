/** Up to this many people the counts are one dense table (n² bytes: 4 MB at 2,048); sparse above. */
const DENSE_LIMIT = 2048;

/**
 * How many times each two people (by index) have been in a group together. Dense for meetings of
 * ordinary size, so the search reads it in one step; a map for very large ones.
 */
export class MeetingCounts {
  private readonly dense: Uint8Array | undefined;
  private readonly sparse: Map<number, number> | undefined;
  /** How many different people each person has met: who is hardest to place comes first. */
  readonly met: Int32Array;

  /** @param dense a table rather than a map (default: up to {@link DENSE_LIMIT} people). */
  constructor(
    readonly people: number,
    dense = people <= DENSE_LIMIT,
  ) {
    this.met = new Int32Array(people);
    if (dense) this.dense = new Uint8Array(people * people);
    else this.sparse = new Map();
  }

  get(a: number, b: number): number {
    if (this.dense) return this.dense[a * this.people + b] as number;
    return this.sparse?.get(a < b ? a * this.people + b : b * this.people + a) ?? 0;
  }

  /** Counts one more meeting of `a` and `b` (saturating at 255: past that nothing changes). */
  add(a: number, b: number): void {
    if (a === b) return;
    if (this.dense) {
      const ab = a * this.people + b;
      if (this.dense[ab] === 0) this.firstMeeting(a, b);
      if ((this.dense[ab] as number) < 255) {
        this.dense[ab] = (this.dense[ab] as number) + 1;
        this.dense[b * this.people + a] = this.dense[ab] as number;
      }
      return;
    }
    const key = a < b ? a * this.people + b : b * this.people + a;
    const times = this.sparse?.get(key) ?? 0;
    if (times === 0) this.firstMeeting(a, b);
    this.sparse?.set(key, Math.min(255, times + 1));
  }

  private firstMeeting(a: number, b: number): void {
    this.met[a] = (this.met[a] as number) + 1;
    this.met[b] = (this.met[b] as number) + 1;
  }

  /** Counts every two members of every group (indices; unknown people given as -1 are skipped). */
  addGroups(groups: readonly (readonly number[])[]): void {
    for (const group of groups)
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i] as number;
          const b = group[j] as number;
          if (a >= 0 && b >= 0) this.add(a, b);
        }
  }
}

/** How often each two people met across the rounds, by pair (`a\u0000b`, a < b). */
export function meetingsByPair(rounds: readonly (readonly (readonly string[])[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const groups of rounds)
    for (const group of groups) {
      const members = [...new Set(group)].sort();
      for (let i = 0; i < members.length; i++)
        for (let j = i + 1; j < members.length; j++) {
          const key = `${members[i]}\u0000${members[j]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
    }
  return counts;
}

/**
 * The number of pairs of people who are in a group together in more than one round: 0 means
 * everyone met someone new every time.
 */
export function repeatMeetings(rounds: readonly (readonly (readonly string[])[])[]): number {
  return countMeetings(rounds).repeats;
}

/** Every meeting beyond a pair's first, summed: a pair together in three rounds counts 2. */
export function extraMeetings(rounds: readonly (readonly (readonly string[])[])[]): number {
  return countMeetings(rounds).extra;
}

/** Both counts in one pass over indices (no string per pair: 1,000 people × 20 rounds stays fast). */
function countMeetings(rounds: readonly (readonly (readonly string[])[])[]): {
  repeats: number;
  extra: number;
} {
  const indexOf = new Map<string, number>();
  const indexed = rounds.map((groups) =>
    groups.map((group) =>
      [...new Set(group)].map((id) => {
        let i = indexOf.get(id);
        if (i === undefined) {
          i = indexOf.size;
          indexOf.set(id, i);
        }
        return i;
      }),
    ),
  );
  let pairs = 0;
  for (const groups of indexed) for (const g of groups) pairs += (g.length * (g.length - 1)) / 2;
  // A table only when the pairs fill a good part of it: 1,000 people in 3 rounds of 4s meet in
  // 4,500 pairs, which a map holds for far less than a 1 MB table.
  const n = indexOf.size;
  const counts = new MeetingCounts(n, n <= DENSE_LIMIT && n * n <= 16 * pairs);
  let repeats = 0;
  let extra = 0;
  for (const groups of indexed)
    for (const group of groups)
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i] as number;
          const b = group[j] as number;
          const before = counts.get(a, b);
          if (before === 1) repeats++;
          if (before >= 1) extra++;
          counts.add(a, b);
        }
  return { repeats, extra };
}
