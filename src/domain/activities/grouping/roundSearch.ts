import { shuffleInPlace } from "../seededRandom.js";
import { BestSeen } from "./bestSeen.js";
import type { MeetingCounts } from "./meetingCounts.js";
import { HARD_COST } from "./pairCost.js";

/** Candidates looked at, at most, for each seat of the greedy pass: keeps 1,000 people to a few ms. */
const SCAN = 128;
/**
 * The search's work for one round, in pair costs looked up (a few ns each): grows with the people
 * (more room to find a swap) up to tens of ms whatever the sizes, so a round nobody can form
 * without repeats (12 in groups of 4; 400 in groups of 20 for the 20th time) gives up in time.
 */
export const roundWork = (people: number) => Math.min(2_500_000, 50_000 + 2_500 * people);
/** Moves the tabu search makes, at most, without finding a better round before it stops. */
const STALL_LIMIT = 400;
/** Greedy starts, at most, while repeats are left. */
const MAX_STARTS = 4;

/**
 * Forms one round of groups with the given sizes (indices 0..n-1), keeping the cost of who shares
 * a group low: first a greedy pass (the people who already met the most are seated first, each
 * seat taking the cheapest of the next candidates), then a tabu search that swaps people out of
 * groups where they meet someone again (or a recent partner), accepting sideways moves so it can
 * leave a dead end, until no such pair is left or its budget is spent. Deterministic for `random`.
 */
export function searchRound(
  sizes: readonly number[],
  cost: (a: number, b: number) => number,
  met: MeetingCounts,
  random: () => number,
  work: number = roundWork(met.people),
): number[][] {
  const n = met.people;
  let budget = work;
  let best: { groups: number[][]; cost: number } | undefined;
  // A fresh start (another seeded order) when repeats are left: a dead end of one greedy pass is
  // seldom the dead end of another.
  for (let attempt = 0; attempt < MAX_STARTS && budget > 0; attempt++) {
    const order = shuffleInPlace(
      Array.from({ length: n }, (_, i) => i),
      random,
    );
    // Stable: ties keep the seeded order.
    order.sort((a, b) => (met.met[b] as number) - (met.met[a] as number));
    const groups = greedy(order, sizes, cost);
    const outcome = improve(groups, cost, n, random, budget - greedyWork(sizes));
    budget = outcome.budget;
    if (!best || outcome.cost < best.cost) best = { groups, cost: outcome.cost };
    if (!outcome.hardLeft) break;
  }
  return best?.groups ?? [];
}

/** The most pair costs the greedy pass looks up: each seat scans up to {@link SCAN} candidates. */
const greedyWork = (sizes: readonly number[]) =>
  sizes.reduce((sum, size) => sum + (SCAN * size * (size - 1)) / 2, 0);

function greedy(
  pool: number[],
  sizes: readonly number[],
  cost: (a: number, b: number) => number,
): number[][] {
  const groups: number[][] = [];
  for (const size of sizes) {
    const group = [pool.shift() as number];
    while (group.length < size) {
      let best = 0;
      let bestCost = Number.POSITIVE_INFINITY;
      const scan = Math.min(pool.length, SCAN);
      for (let k = 0; k < scan; k++) {
        const candidate = pool[k] as number;
        let c = 0;
        for (const member of group) c += cost(candidate, member);
        if (c < bestCost) {
          best = k;
          bestCost = c;
          if (c === 0) break;
        }
      }
      group.push(pool.splice(best, 1)[0] as number);
    }
    groups.push(group);
  }
  return groups;
}

/**
 * Tabu search over swaps of two people in different groups. Only people whose group costs them
 * {@link HARD_COST} or more are moved; after a swap neither may go back to the group they left
 * for a few moves, so the search does not undo itself. The best round seen is kept.
 */
function improve(
  groups: number[][],
  cost: (a: number, b: number) => number,
  n: number,
  random: () => number,
  budgetLeft: number,
): { cost: number; hardLeft: boolean; budget: number } {
  const groupOf = new Int32Array(n);
  const share = new Float64Array(n);
  const withOthers = (person: number, group: readonly number[], skip: number) => {
    let c = 0;
    for (const member of group) if (member !== skip && member !== person) c += cost(person, member);
    return c;
  };
  const refresh = (g: number) => {
    const group = groups[g] as number[];
    for (const member of group) {
      groupOf[member] = g;
      share[member] = withOthers(member, group, -1);
    }
  };
  for (let g = 0; g < groups.length; g++) refresh(g);
  const total = () => share.reduce((s, x) => s + x, 0) / 2;
  const hard = () => {
    const people: number[] = [];
    for (let p = 0; p < n; p++) if ((share[p] as number) >= HARD_COST) people.push(p);
    return people;
  };

  let conflicted = hard();
  let current = total();
  if (conflicted.length === 0 || groups.length < 2)
    return { cost: current, hardLeft: conflicted.length > 0, budget: budgetLeft };
  const best = new BestSeen(current, () => groups.map((g) => [...g]));
  const tabuUntil = new Map<number, number>();
  const tabuKey = (person: number, group: number) => person * groups.length + group;
  let budget = budgetLeft;
  for (let move = 0; budget > 0 && best.stall < STALL_LIMIT && conflicted.length > 0; move++) {
    budget -= n;
    shuffleInPlace(conflicted, random);
    let bestDelta = Number.POSITIVE_INFINITY;
    let pick: [number, number] | undefined;
    for (const x of conflicted) {
      const gx = groupOf[x] as number;
      const groupX = groups[gx] as number[];
      for (let gy = 0; gy < groups.length && budget > 0; gy++) {
        if (gy === gx) continue;
        const groupY = groups[gy] as number[];
        for (const y of groupY) {
          budget -= groupX.length + groupY.length;
          const delta =
            withOthers(y, groupX, x) + withOthers(x, groupY, y) - (share[x] as number) - (share[y] as number);
          if (delta >= bestDelta) continue;
          const tabu =
            (tabuUntil.get(tabuKey(x, gy)) ?? -1) >= move || (tabuUntil.get(tabuKey(y, gx)) ?? -1) >= move;
          // A tabu move is still taken when it beats the best round seen (aspiration).
          if (tabu && current + delta >= best.cost) continue;
          bestDelta = delta;
          pick = [x, y];
        }
      }
    }
    if (!pick) break;
    const [x, y] = pick;
    best.beforeMove(bestDelta);
    const gx = groupOf[x] as number;
    const gy = groupOf[y] as number;
    const groupX = groups[gx] as number[];
    const groupY = groups[gy] as number[];
    groupX[groupX.indexOf(x)] = y;
    groupY[groupY.indexOf(y)] = x;
    refresh(gx);
    refresh(gy);
    const tenure = 3 + Math.floor(random() * 5);
    tabuUntil.set(tabuKey(x, gx), move + tenure);
    tabuUntil.set(tabuKey(y, gy), move + tenure);
    current += bestDelta;
    best.afterMove(current);
    conflicted = hard();
  }
  const kept = best.kept;
  if (kept) for (let g = 0; g < groups.length; g++) groups[g] = kept[g] as number[];
  for (let g = 0; g < groups.length; g++) refresh(g);
  return { cost: best.cost, hardLeft: hard().length > 0, budget };
}
