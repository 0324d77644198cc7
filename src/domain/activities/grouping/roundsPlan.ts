import { seededRandom, shuffleInPlace } from "../seededRandom.js";
import { affinePlaneRounds } from "./affinePlane.js";
import type { GroupingContext } from "./formGroups.js";
import type { GroupingStrategy } from "./groupingStrategy.js";
import { repeatMeetings } from "./meetingCounts.js";
import { pairCostModel } from "./pairCost.js";
import { repairPlan } from "./planRepair.js";
import { searchedRound } from "./searchedRound.js";

type RoundsStrategy = Extract<GroupingStrategy, { kind: "rounds" }>;
type Rounds = readonly (readonly (readonly string[])[])[];

/**
 * Up to this many people the rounds are planned together (the plan is cheap, and it is where
 * repeats are hard to avoid); above it every round is formed on its own, which leaves none there.
 */
const PLAN_LIMIT = 400;

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
    const people = shuffleInPlace([...ids], random);
    const order = shuffleInPlace(
      plane.map((_, i) => i),
      random,
    );
    return order
      .slice(0, strategy.rounds)
      .map((k) => (plane[k] as number[][]).map((line) => line.map((point) => people[point] as string)));
  }
  const rounds: string[][][] = [];
  while (rounds.length < strategy.rounds) rounds.push(searchedRound(strategy, ids, rounds, context));
  if (repeatMeetings(rounds) === 0) return rounds;
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const byIndex = rounds.map((groups) => groups.map((g) => g.map((id) => indexOf.get(id) as number)));
  // The rest of what a pair costs (recent partners, the rule), without this plan's own meetings.
  const { cost } = pairCostModel(
    ids,
    [],
    context.recentPartners ?? new Map(),
    context.profiles,
    context.rule,
  );
  repairPlan(byIndex, ids.length, cost, seededRandom(`${context.seed}:plan`));
  return byIndex.map((groups) => groups.map((g) => g.map((i) => ids[i] as string)));
}

const canonical = (groups: readonly (readonly string[])[]) =>
  groups
    .map((g) => [...g].sort().join("\u0000"))
    .sort()
    .join("\u0001");
