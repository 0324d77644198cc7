import type { GroupingContext } from "./formGroups.js";
import { boundsOf, type GroupingStrategy, parseGroupingStrategy } from "./groupingStrategy.js";
import { repeatMeetings } from "./meetingCounts.js";
import { pairCostModel } from "./pairCost.js";

export interface LateJoinerPlacement {
  /** The groups with the joiner in one of them (unchanged if they were in one already). */
  groups: string[][];
  /** Where the joiner is; `groups.length - 1` when they start a group. -1 when the phase has no groups. */
  groupIndex: number;
  /** Pairs who share a group in more than one round, the previous rounds and these groups counted. */
  repeatMeetings: number;
}

/**
 * Puts someone who arrives after the groups of a phase (or round) were formed into one of them,
 * moving nobody else. A group that stays within the strategy's size comes first, then one where
 * the joiner meets nobody they met in an earlier round (or recently), then the smallest; a group
 * grows to the strategy's largest size (3 for pairs), and beyond it only when every group is
 * full — except `groups`, which then starts a new group. `circle` and `hotSeat` have one group; `none` has none. `context.previousRounds` holds
 * the rounds before the one being joined.
 */
export function placeLateJoiner(
  strategy: GroupingStrategy,
  groups: readonly (readonly string[])[],
  joiner: string,
  context: GroupingContext,
): LateJoinerPlacement {
  const groupIndex = lateJoinerIndex(strategy, groups, joiner, context);
  const copy = groups.map((g) => [...g]);
  if (groupIndex === copy.length) copy.push([joiner]);
  else if (groupIndex >= 0 && !copy[groupIndex]?.includes(joiner)) copy[groupIndex]?.push(joiner);
  const previousRounds = context.previousRounds ?? [];
  return {
    groups: copy,
    groupIndex,
    // One round alone repeats nobody: the count (a pass over everyone) is made only across rounds.
    repeatMeetings: previousRounds.length === 0 ? 0 : repeatMeetings([...previousRounds, copy]),
  };
}

/**
 * Where {@link placeLateJoiner} puts the joiner, with no group copied (a late join in a meeting of
 * 300 asks only this): the index of the group they are in or join, `groups.length` when they start
 * a group, -1 when the phase has no groups.
 */
export function lateJoinerIndex(
  strategy: GroupingStrategy,
  groups: readonly (readonly string[])[],
  joiner: string,
  context: GroupingContext,
): number {
  const checked = parseGroupingStrategy(strategy);
  if (checked.kind === "none") return -1;
  const already = groups.findIndex((g) => g.includes(joiner));
  if (already >= 0) return already;
  if (groups.length === 0) return 0;

  const { nominal, max } =
    checked.kind === "groups" || checked.kind === "rounds" || checked.kind === "acrossDepartments"
      ? { nominal: checked.size, max: boundsOf(checked).max }
      : checked.kind === "pairs"
        ? { nominal: 2, max: 3 }
        : checked.kind === "hotSeat" && checked.max !== undefined
          ? { nominal: checked.max, max: checked.max }
          : { nominal: Number.POSITIVE_INFINITY, max: Number.POSITIVE_INFINITY };
  // Groups kept for the whole activity (`groups`, a module's) start a new group once every group is
  // at its largest: people who arrive after the groups formed (all of them, when the groups formed
  // as the activity started) end in groups within the bounds instead of one growing without end.
  if (checked.kind === "groups" && groups.every((g) => g.length >= max)) return groups.length;
  const costOf = joinerCosts(joiner, groups, context);
  // Each group's key, compared in order; two arrays reused, since a late join in a meeting of 300
  // weighs every group of the round.
  const keyOf = (group: readonly string[], key: number[]) => {
    const { metBefore, cost } = costOf(group);
    key[0] = group.length + 1 > max ? 1 : 0;
    key[1] = group.length + 1 > nominal ? 1 : 0;
    key[2] = metBefore;
    key[3] = group.length;
    key[4] = cost;
    return key;
  };
  let best = 0;
  let bestKey = keyOf(groups[0] as readonly string[], []);
  let key: number[] = [];
  for (let g = 1; g < groups.length; g++) {
    keyOf(groups[g] as readonly string[], key);
    if (lexicallyLess(key, bestKey)) {
      best = g;
      const kept = bestKey;
      bestKey = key;
      key = kept;
    }
  }
  return best;
}

function lexicallyLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
}

const NO_COST = Object.freeze({ metBefore: 0, cost: 0 });

/**
 * What the joiner joining a group costs: members they met in an earlier round, and the pairs' cost.
 * With no earlier rounds, no recent partners and no profiles every group costs nothing, and no
 * cost model over everyone is built (a late join in a meeting of 300 places in microseconds).
 */
function joinerCosts(
  joiner: string,
  groups: readonly (readonly string[])[],
  context: GroupingContext,
): (group: readonly string[]) => { metBefore: number; cost: number } {
  const previousRounds = context.previousRounds ?? [];
  if (previousRounds.length === 0 && !context.recentPartners?.size && !context.profiles?.size)
    return () => NO_COST;
  const ids = [joiner, ...new Set(groups.flat().filter((id) => id !== joiner))];
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const { cost, met } = pairCostModel(
    ids,
    previousRounds,
    context.recentPartners ?? new Map(),
    context.profiles,
    context.rule,
  );
  return (group) => {
    let metBefore = 0;
    let c = 0;
    for (const member of group) {
      const i = indexOf.get(member) as number;
      if (met.get(0, i) > 0) metBefore++;
      c += cost(0, i);
    }
    return { metBefore, cost: c };
  };
}
