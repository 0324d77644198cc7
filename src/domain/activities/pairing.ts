import type { OrgPerson } from "../people/peopleDirectory.js";
import type { PairingRule } from "./activity.js";
import { seededRandom, shuffleInPlace } from "./seededRandom.js";

/** For each person, the people they were grouped with in the community's last activities. */
export type RecentPartners = ReadonlyMap<string, ReadonlySet<string>>;

export interface PairingResult {
  /** Pairs, and one trio when the count is odd. Everybody is in exactly one group. */
  groups: string[][];
  /** The rule applied: `random` (with the recent-partner rule) when no org context was found. */
  appliedRule: PairingRule;
  /** True when some or all profiles were missing (Graph slow or down). */
  degraded: boolean;
}

/**
 * How much each thing that makes a pair worse costs, per rule. Repeating a recent partner is the
 * worst; then the rule's own preference. Same role pairs people with the same job title first and
 * only then avoids a shared manager (people in one role often share one).
 */
const WEIGHTS: Record<
  PairingRule,
  { recent: number; manager: number; bucket: number; sameBucket: boolean; repairFrom: number }
> = {
  "cross-department": { recent: 100, manager: 10, bucket: 1, sameBucket: false, repairFrom: 10 },
  "same-role": { recent: 100, manager: 1, bucket: 20, sameBucket: true, repairFrom: 20 },
  random: { recent: 100, manager: 0, bucket: 0, sameBucket: false, repairFrom: 100 },
};

/** Swaps tried, at most, when repairing the last groups the greedy pass had to accept. */
const REPAIR_BUDGET = 50_000;

/** Candidates looked at per bucket and in all for one person: keeps 1,000 people well under 50 ms. */
const SCAN_PER_BUCKET = 16;
const SCAN_TOTAL = 96;

interface Bucket {
  /** False for the people whose department (or role) is unknown. */
  known: boolean;
  members: number[];
  head: number;
  remaining: number;
  rank: number;
}

/**
 * Pairs the participants of an activity (SPEC §2): with `cross-department` it prefers partners
 * from another department, avoids a shared manager (or pairing someone with their manager) and
 * avoids repeating recent partners; `same-role` pairs people with the same job title; `random`
 * only avoids recent partners. An odd count makes exactly one trio, nobody is left out, and the
 * same seed gives the same groups. Without profiles (Graph down) it falls back to random with the
 * recent-partner rule.
 *
 * Greedy by department size: the person from the largest remaining department is paired with the
 * best of the first few candidates of the next largest ones, which maximises cross-department
 * pairs (the largest group can only be matched outside itself while others remain).
 */
export function pairParticipants(
  participants: readonly string[],
  profiles: ReadonlyMap<string, OrgPerson> | undefined,
  recentPartners: RecentPartners,
  rule: PairingRule,
  seed: string,
): PairingResult {
  const ids = shuffleInPlace([...new Set(participants)].sort(), seededRandom(seed));
  const n = ids.length;
  const found = profiles ? ids.filter((id) => profiles.has(id)).length : 0;
  const appliedRule: PairingRule = found === 0 ? "random" : rule;
  const degraded = found < n;
  if (n < 2) return { groups: n === 1 ? [[...ids]] : [], appliedRule, degraded };

  const weights = WEIGHTS[appliedRule];
  const manager = ids.map((id) => profiles?.get(id)?.managerId ?? "");
  const { buckets, bucketOf } = bucketsOf(ids, profiles, appliedRule);
  const order = [...buckets].sort((a, b) => b.remaining - a.remaining);
  order.forEach((b, i) => {
    b.rank = i;
  });

  const cost = (a: number, b: number): number => {
    let c = 0;
    const idA = ids[a] as string;
    const idB = ids[b] as string;
    if (recentPartners.get(idA)?.has(idB) || recentPartners.get(idB)?.has(idA)) c += weights.recent;
    if (weights.manager > 0) {
      const mA = manager[a] as string;
      const mB = manager[b] as string;
      if ((mA !== "" && mA === mB) || mA === idB || mB === idA) c += weights.manager;
    }
    if (weights.bucket > 0) {
      const bA = bucketOf[a] as Bucket;
      const same = bA.known && bA === bucketOf[b];
      if (same !== weights.sameBucket) c += weights.bucket;
    }
    return c;
  };
  /** The least a candidate of bucket `b` can cost for a person of bucket `own`. */
  const floorOf = (own: Bucket, b: Bucket): number => {
    if (weights.bucket === 0) return 0;
    const same = own.known && own === b;
    return same !== weights.sameBucket ? weights.bucket : 0;
  };

  const taken = new Uint8Array(n);
  const take = (person: number) => {
    taken[person] = 1;
    (bucketOf[person] as Bucket).remaining--;
  };
  const sink = (bucket: Bucket) => {
    let i = bucket.rank;
    while (i + 1 < order.length && (order[i + 1] as Bucket).remaining > bucket.remaining) {
      const next = order[i + 1] as Bucket;
      order[i] = next;
      next.rank = i;
      order[i + 1] = bucket;
      bucket.rank = i + 1;
      i++;
    }
  };
  const headOf = (bucket: Bucket): number => {
    while (taken[bucket.members[bucket.head] as number]) bucket.head++;
    return bucket.members[bucket.head] as number;
  };

  const partnerFor = (person: number, own: Bucket): number => {
    const others = order.filter((b) => b !== own && b.remaining > 0);
    const candidates = weights.sameBucket ? [own, ...others] : [...others, own];
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    let scanned = 0;
    for (const bucket of candidates) {
      if (bucket.remaining === 0 || floorOf(own, bucket) >= bestCost) continue;
      let inBucket = 0;
      for (let k = bucket.head; k < bucket.members.length && inBucket < SCAN_PER_BUCKET; k++) {
        const candidate = bucket.members[k] as number;
        if (taken[candidate]) continue;
        inBucket++;
        scanned++;
        const c = cost(person, candidate);
        if (c < bestCost) {
          best = candidate;
          bestCost = c;
          if (c === 0) return best;
        }
      }
      if (scanned >= SCAN_TOTAL) break;
    }
    return best;
  };

  const groups: number[][] = [];
  let left = n;
  while (left >= 2) {
    const own = order[0] as Bucket;
    const person = headOf(own);
    take(person);
    const partner = partnerFor(person, own);
    take(partner);
    left -= 2;
    groups.push([person, partner]);
    // The deeper bucket first: sinking stops at the first bucket not larger, which must be in order.
    sink(bucketOf[partner] as Bucket);
    sink(own);
  }
  if (left === 1) {
    const last = headOf(order[0] as Bucket);
    let bestGroup = groups[0] as number[];
    let bestCost = Number.POSITIVE_INFINITY;
    for (const group of groups) {
      const c = group.reduce((sum, member) => sum + cost(last, member), 0);
      if (c < bestCost) {
        bestCost = c;
        bestGroup = group;
        if (c === 0) break;
      }
    }
    bestGroup.push(last);
  }
  repair(groups, cost, weights.repairFrom);
  return { groups: groups.map((g) => g.map((i) => ids[i] as string)), appliedRule, degraded };
}

/**
 * The greedy pass decides the last few groups with little choice left, so a group can end up with
 * a recent partner or a shared manager. Swapping one of its members with someone from another
 * group usually fixes it without harming that group: try such swaps, keep those that lower the
 * total cost (bounded, so 1,000 people stay fast).
 */
function repair(groups: number[][], cost: (a: number, b: number) => number, threshold: number): void {
  /** What `person` costs with the members of `group` other than the one at `skip`. */
  const withOthers = (person: number, group: readonly number[], skip: number) => {
    let c = 0;
    for (let j = 0; j < group.length; j++) if (j !== skip) c += cost(person, group[j] as number);
    return c;
  };
  const groupCost = (group: readonly number[]) => {
    let c = 0;
    for (let i = 0; i < group.length; i++) c += withOthers(group[i] as number, group, i);
    return c / 2;
  };
  let budget = REPAIR_BUDGET;
  for (let pass = 0; pass < 2 && budget > 0; pass++) {
    let improved = false;
    for (const group of groups) {
      if (groupCost(group) < threshold) continue;
      for (let xi = 0; xi < group.length && budget > 0; xi++) {
        let swapped = false;
        for (let o = 0; o < groups.length && !swapped && budget > 0; o++) {
          const other = groups[o] as number[];
          if (other === group) continue;
          const x = group[xi] as number;
          const xHere = withOthers(x, group, xi);
          for (let yi = 0; yi < other.length; yi++) {
            budget--;
            const y = other[yi] as number;
            // The change in total cost when x and y trade places (no arrays built: this runs a lot).
            const delta =
              withOthers(y, group, xi) - xHere + withOthers(x, other, yi) - withOthers(y, other, yi);
            if (delta < 0) {
              group[xi] = y;
              other[yi] = x;
              improved = swapped = true;
              break;
            }
          }
        }
        if (groupCost(group) < threshold) break;
      }
    }
    if (!improved) break;
  }
}

/** People grouped by what the rule compares: department, job title, or nothing (random). */
function bucketsOf(ids: string[], profiles: ReadonlyMap<string, OrgPerson> | undefined, rule: PairingRule) {
  const byKey = new Map<string, Bucket>();
  const bucketOf: Bucket[] = [];
  ids.forEach((id, index) => {
    const profile = profiles?.get(id);
    const raw =
      rule === "cross-department" ? profile?.department : rule === "same-role" ? profile?.jobTitle : "";
    const key = (raw ?? "").trim().toLowerCase();
    let bucket = byKey.get(key);
    if (!bucket) {
      bucket = { known: key !== "", members: [], head: 0, remaining: 0, rank: 0 };
      byKey.set(key, bucket);
    }
    bucket.members.push(index);
    bucket.remaining++;
    bucketOf.push(bucket);
  });
  return { buckets: [...byKey.values()], bucketOf };
}
