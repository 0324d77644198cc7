import { seededRandom, shuffleInPlace } from "../seededRandom.js";
import { affinePlaneRounds } from "./affinePlane.js";
import type { GroupingContext } from "./formGroups.js";
import { boundsOf, type GroupingStrategy } from "./groupingStrategy.js";
import { balancedGroupSizes } from "./groupSizes.js";
import { repeatMeetings } from "./meetingCounts.js";
import { pairCostModel } from "./pairCost.js";
import { fitPeopleToPoints } from "./planeFit.js";
import { repairPlan } from "./planRepair.js";
import { roundWork, searchRound } from "./roundSearch.js";

type RoundsStrategy = Extract<GroupingStrategy, { kind: "rounds" }>;
type Rounds = readonly (readonly (readonly string[])[])[];

/**
 * Up to this many people the rounds are planned together: that is where repeats are hard to
 * avoid (16 in 4s for 5 rounds, 20 in 4s for 5) and where the plan, made again as each round
 * begins, stays cheap. Above it every round is formed on its own, which leaves no repeats in the
 * usual cases (200 in 5s for 6 rounds, 1,000 in 4s for 20).
 */
const PLAN_LIMIT = 100;
/** The work of forming the plan's rounds one after another, shared among them (as `roundWork`). */
const PLAN_WORK = 2_000_000;

/**
 * Round `previousRounds.length + 1` of the plan for all the strategy's rounds, when the same
 * people were in every earlier round and those rounds are the plan's own (the engine forms each
 * round as it begins, from the same seed, so they are); otherwise undefined and the round is
 * formed on its own. Planning all rounds lets an earlier round make room for a later one.
 */
export function plannedRound(
  strategy: RoundsStrategy,
  ids: readonly string[],
  previousRounds: Rounds,
  context: GroupingContext,
): string[][] | undefined {
  return followedPlan(strategy, ids, previousRounds, context)?.[previousRounds.length];
}

/** The plan for all rounds, when `previousRounds` follow it with the same people (see {@link plannedRound}). */
export function followedPlan(
  strategy: RoundsStrategy,
  ids: readonly string[],
  previousRounds: Rounds,
  context: GroupingContext,
): string[][][] | undefined {
  if (ids.length < 2 || ids.length > PLAN_LIMIT || strategy.rounds < 2) return undefined;
  if (previousRounds.length >= strategy.rounds) return undefined;
  // Nobody can meet (size − 1) new people a round for longer than there are people to meet:
  // repeats are certain and many, and a plan would not be worth its cost.
  const { min, max } = boundsOf(strategy);
  const largest = balancedGroupSizes(ids.length, strategy.size, min, max)[0] as number;
  if ((largest - 1) * strategy.rounds > ids.length - 1) return undefined;
  const everyone = ids.join("\u0000");
  if (previousRounds.some((round) => [...round.flat()].sort().join("\u0000") !== everyone)) return undefined;
  const plan = planRounds(strategy, ids, context);
  for (let k = 0; k < previousRounds.length; k++)
    if (canonical(previousRounds[k] as string[][]) !== canonical(plan[k] as string[][])) return undefined;
  return plan;
}

/**
 * Every round for these people: the affine plane where it applies (size² people in groups of a
 * prime-power size, at most size + 1 rounds: nobody meets twice), else the rounds formed one
 * after another and, if that left repeats, repaired together.
 */
function planRounds(
  strategy: RoundsStrategy,
  ids: readonly string[],
  context: GroupingContext,
): string[][][] {
  const q = strategy.size;
  const plane = ids.length === q * q && strategy.rounds <= q + 1 ? affinePlaneRounds(q) : undefined;
  if (plane) {
    const random = seededRandom(`${context.seed}:plane`);
    const seated = shuffleInPlace(
      ids.map((_, i) => i),
      random,
    );
    const order = shuffleInPlace(
      plane.map((_, i) => i),
      random,
    );
    const used = order.slice(0, strategy.rounds).map((k) => plane[k] as number[][]);
    // Who sits on which point decides only which people meet: other departments first.
    const { cost, appliedRule } = pairCostModel(
      ids,
      [],
      context.recentPartners ?? new Map(),
      context.profiles,
      context.rule,
    );
    const indifferent = appliedRule === "random" && (context.recentPartners?.size ?? 0) === 0;
    const at = indifferent ? seated : fitPeopleToPoints(used, ids.length, cost, seated, random);
    return used.map((lines) => lines.map((line) => line.map((point) => ids[at[point] as number] as string)));
  }
  // One cost model for the whole plan, its meetings counted as each round is formed.
  const n = ids.length;
  const { cost, met } = pairCostModel(
    ids,
    [],
    context.recentPartners ?? new Map(),
    context.profiles,
    context.rule,
  );
  const { min, max } = boundsOf(strategy);
  const sizes = balancedGroupSizes(n, strategy.size, min, max);
  const work = Math.min(roundWork(n), PLAN_WORK / strategy.rounds);
  const rounds: number[][][] = [];
  while (rounds.length < strategy.rounds) {
    const random = seededRandom(`${context.seed}:round-${rounds.length + 1}`);
    const groups = searchRound(sizes, cost, met, random, work);
    met.addGroups(groups);
    rounds.push(groups);
  }
  const named = () => rounds.map((groups) => groups.map((g) => g.map((i) => ids[i] as string)));
  if (repeatMeetings(named()) <= unavoidableRepeats(rounds)) return named();
  // The rest of what a pair costs (recent partners, the rule), without this plan's own meetings.
  const rest = pairCostModel(
    ids,
    [],
    context.recentPartners ?? new Map(),
    context.profiles,
    context.rule,
  ).cost;
  repairPlan(rounds, n, rest, seededRandom(`${context.seed}:plan`));
  return named();
}

/**
 * A floor under the pairs who must meet twice: a later group of s people drawn from the first
 * round's g groups puts at least the pairs of s spread evenly over g groups together again
 * (12 people in 4s: 3 per round). The pairs of one round's groups are distinct, so the round
 * with the most gives a floor for all.
 */
export function unavoidableRepeats(rounds: readonly (readonly (readonly unknown[])[])[]): number {
  const first = rounds[0]?.length ?? 0;
  if (first === 0) return 0;
  const together = (s: number) => {
    const each = Math.floor(s / first);
    const more = s % first;
    return (more * (each + 1) * each) / 2 + ((first - more) * each * (each - 1)) / 2;
  };
  let floor = 0;
  for (const groups of rounds.slice(1))
    floor = Math.max(
      floor,
      groups.reduce((sum, g) => sum + together(g.length), 0),
    );
  return floor;
}

const canonical = (groups: readonly (readonly string[])[]) =>
  groups
    .map((g) => [...g].sort().join("\u0000"))
    .sort()
    .join("\u0001");
