import { shuffleInPlace } from "../seededRandom.js";
import { BestSeen } from "./bestSeen.js";
import { COST } from "./pairCost.js";

/** The repair's work, in pair counts and costs looked up: tens of ms at most. */
export const REPAIR_WORK = 3_000_000;
/** Moves without a better plan before the repair gives up. */
const STALL_LIMIT = 1_000;

/** What a pair costs for meeting `times` times in the plan: nothing for once, as in pairCost after. */
const repeatCost = (times: number) => (times <= 1 ? 0 : COST.firstRepeat + (times - 2) * COST.furtherRepeat);

/**
 * Repairs a plan of several rounds (indices 0..n-1) at once, where forming rounds one after
 * another left repeats: an earlier round is changed too, which a round formed on its own cannot
 * do. Tabu search over swaps of two people within one round (Dotú and Van Hentenryck's approach
 * to the social golfer problem): people who meet someone again are moved, a swapped person may not
 * return to the group they left for a few moves, and the best plan seen is kept. `cost` is the
 * rest of what a pair costs (recent partners, departments). Changes `rounds` in place.
 */
export function repairPlan(
  rounds: number[][][],
  n: number,
  cost: (a: number, b: number) => number,
  random: () => number,
): void {
  const times = new Uint8Array(n * n);
  const at = (a: number, b: number) => times[a * n + b] as number;
  const bump = (a: number, b: number, by: number) => {
    times[a * n + b] = at(a, b) + by;
    times[b * n + a] = at(a, b);
  };
  for (const groups of rounds)
    for (const g of groups)
      for (let i = 0; i < g.length; i++)
        for (let j = i + 1; j < g.length; j++) bump(g[i] as number, g[j] as number, 1);
  const groupOf = rounds.map((groups) => {
    const of = new Int32Array(n).fill(-1);
    groups.forEach((g, gi) => {
      for (const p of g) of[p] = gi;
    });
    return of;
  });
  let total = 0;
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) total += repeatCost(at(a, b));
  for (const groups of rounds)
    for (const g of groups)
      for (let i = 0; i < g.length; i++)
        for (let j = i + 1; j < g.length; j++) total += cost(g[i] as number, g[j] as number);

  const conflicted = () => {
    // Round and person as one number (r × n + x): this runs after every move.
    const found: number[] = [];
    rounds.forEach((groups, r) => {
      for (const g of groups)
        for (const x of g) if (g.some((y) => y !== x && at(x, y) >= 2)) found.push(r * n + x);
    });
    return found;
  };
  /** The change in total when `y` takes the place of `x` in `group`. */
  const replacing = (x: number, y: number, group: readonly number[]) => {
    let d = 0;
    for (const g of group) {
      if (g === x) continue;
      const xg = at(x, g);
      const yg = at(y, g);
      d += repeatCost(xg - 1) - repeatCost(xg) - cost(x, g);
      d += repeatCost(yg + 1) - repeatCost(yg) + cost(y, g);
    }
    return d;
  };
  /** The change in total when `x` leaves `from` (`y` taking its place) and joins `to` instead of `y`. */
  const delta = (x: number, y: number, from: readonly number[], to: readonly number[]) =>
    replacing(x, y, from) + replacing(y, x, to);
  /** Counts `y` in `group` in the place of `x`, with whom the others no longer meet. */
  const countReplacing = (x: number, y: number, group: readonly number[]) => {
    for (const g of group) {
      if (g === x) continue;
      bump(x, g, -1);
      bump(y, g, 1);
    }
  };

  const best = new BestSeen(total, () => rounds.map((gs) => gs.map((g) => [...g])));
  let candidates = conflicted();
  const groupCount = Math.max(...rounds.map((groups) => groups.length));
  /** Until which move a person may not go back to a group of a round, by (round, person, group). */
  const tabuUntil = new Int32Array(rounds.length * n * groupCount).fill(-1);
  const tabuAt = (r: number, person: number, group: number) => (r * n + person) * groupCount + group;
  let budget = REPAIR_WORK;
  // Finding who meets someone again looks at every group of every round.
  const scanWork = rounds.reduce(
    (sum, groups) => sum + groups.reduce((s, g) => s + g.length * g.length, 0),
    0,
  );
  for (let move = 0; candidates.length > 0 && budget > 0 && best.stall < STALL_LIMIT; move++) {
    budget -= scanWork;
    shuffleInPlace(candidates, random);
    let bestDelta = Number.POSITIVE_INFINITY;
    let pick: [number, number, number] | undefined;
    for (const candidate of candidates) {
      const r = Math.floor(candidate / n);
      const x = candidate % n;
      const groups = rounds[r] as number[][];
      const gx = (groupOf[r] as Int32Array)[x] as number;
      for (let gy = 0; gy < groups.length && budget > 0; gy++) {
        if (gy === gx) continue;
        for (const y of groups[gy] as number[]) {
          // Per member of the two groups: four counts and two costs looked up.
          budget -= 6 * ((groups[gx] as number[]).length + (groups[gy] as number[]).length);
          const d = delta(x, y, groups[gx] as number[], groups[gy] as number[]);
          if (d >= bestDelta) continue;
          const tabu =
            (tabuUntil[tabuAt(r, x, gy)] as number) >= move ||
            (tabuUntil[tabuAt(r, y, gx)] as number) >= move;
          if (tabu && total + d >= best.cost) continue;
          bestDelta = d;
          pick = [r, x, y];
        }
      }
    }
    if (!pick) break;
    const [r, x, y] = pick;
    best.beforeMove(bestDelta);
    const groups = rounds[r] as number[][];
    const of = groupOf[r] as Int32Array;
    const gx = of[x] as number;
    const gy = of[y] as number;
    const from = groups[gx] as number[];
    const to = groups[gy] as number[];
    countReplacing(x, y, from);
    countReplacing(y, x, to);
    from[from.indexOf(x)] = y;
    to[to.indexOf(y)] = x;
    of[x] = gy;
    of[y] = gx;
    const tenure = 4 + Math.floor(random() * 8);
    tabuUntil[tabuAt(r, x, gx)] = move + tenure;
    tabuUntil[tabuAt(r, y, gy)] = move + tenure;
    total += bestDelta;
    best.afterMove(total);
    candidates = conflicted();
  }
  best.kept?.forEach((groups, r) => {
    rounds[r] = groups;
  });
}
