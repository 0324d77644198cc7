import { seededRandom } from "../seededRandom.js";
import type { GroupingContext } from "./formGroups.js";
import { boundsOf, type SizedStrategy } from "./groupingStrategy.js";
import { balancedGroupSizes } from "./groupSizes.js";
import { pairCostModel } from "./pairCost.js";
import { searchRound } from "./roundSearch.js";

/**
 * One round of groups of the strategy's size (balanced within its bounds), formed on its own by
 * the search: avoids everyone met in `previousRounds`, then recent partners, then the rule's
 * preference. `ids` are distinct and sorted.
 */
export function searchedRound(
  strategy: SizedStrategy,
  ids: readonly string[],
  previousRounds: readonly (readonly (readonly string[])[])[],
  context: GroupingContext,
  work?: number,
): string[][] {
  if (ids.length < 2) return ids.length === 1 ? [[...ids]] : [];
  const { min, max } = boundsOf(strategy);
  const sizes = balancedGroupSizes(ids.length, strategy.size, min, max);
  const model = pairCostModel(
    ids,
    previousRounds,
    context.recentPartners ?? new Map(),
    context.profiles,
    context.rule,
  );
  const random = seededRandom(`${context.seed}:round-${previousRounds.length + 1}`);
  return searchRound(sizes, model.cost, model.met, random, work).map((g) => g.map((i) => ids[i] as string));
}
