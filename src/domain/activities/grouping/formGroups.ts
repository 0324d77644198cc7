import { ValidationError } from "../../errors.js";
import type { OrgPerson } from "../../people/peopleDirectory.js";
import type { PairingRule } from "../activity.js";
import { pairParticipants, type RecentPartners } from "../pairing.js";
import { seededRandom, shuffleInPlace } from "../seededRandom.js";
import { groupsAcrossDepartments } from "./acrossDepartments.js";
import { boundsOf, type GroupingStrategy, parseGroupingStrategy } from "./groupingStrategy.js";
import { balancedGroupSizes } from "./groupSizes.js";
import { hotSeatQueue } from "./hotSeat.js";
import { repeatMeetings } from "./meetingCounts.js";
import { followedPlan, plannedRound } from "./roundsPlan.js";
import { searchedRound } from "./searchedRound.js";

/** What grouping needs to know besides who is there. */
export interface GroupingContext {
  /** Org profiles by person id (Graph); missing or partial means random with the recent-partner rule. */
  profiles?: ReadonlyMap<string, OrgPerson> | undefined;
  /** Who was grouped with whom in the community's last activities. */
  recentPartners?: RecentPartners | undefined;
  rule: PairingRule;
  /** The same seed gives the same groups (the activity's id, for one). */
  seed: string;
  /** The groups of this activity's earlier rounds, first round first: nobody should meet twice. */
  previousRounds?: readonly (readonly (readonly string[])[])[] | undefined;
  /** Who had the hot seat in the community's earlier sessions, oldest first. */
  hotSeatHistory?: readonly string[] | undefined;
  /**
   * The circle's queue as people see it (history and swaps applied, hotSeat.ts): when given, the
   * hot seats follow it rather than the history alone. People not in it come after, in its order.
   */
  hotSeatQueue?: readonly string[] | undefined;
}

export interface GroupingResult {
  /** Everybody present in exactly one group (`none`: no groups). */
  groups: string[][];
  /** Pairs of people who share a group in more than one round, these groups and the previous rounds counted. */
  repeatMeetings: number;
  /** `hotSeat`: who takes it now (in the first circle), and everyone in the order they would take it next. */
  hotSeat?: string;
  hotSeatQueue?: string[];
  /** `hotSeat`: each circle's hot seat, by the index of its group. */
  hotSeats?: string[];
  /** The rule applied: `random` when no org profile was found. */
  appliedRule: PairingRule;
  /** True when some or all profiles were missing (Graph slow or down). */
  degraded: boolean;
}

/**
 * Forms the groups of one phase (or, for `rounds`, of the round after `previousRounds`) as the
 * format's strategy declares. Pure and deterministic for a seed; an invalid strategy is refused
 * with a ValidationError. See docs/grouping.md for what each strategy guarantees.
 */
export function formGroups(
  strategy: GroupingStrategy,
  participants: readonly string[],
  context: GroupingContext,
): GroupingResult {
  const checked = parseGroupingStrategy(strategy);
  const ids = [...new Set(participants)].sort();
  const previousRounds = context.previousRounds ?? [];
  const recentPartners = context.recentPartners ?? new Map();
  const found = context.profiles ? ids.filter((id) => context.profiles?.has(id)).length : 0;
  const rules = { appliedRule: found === 0 ? "random" : context.rule, degraded: found < ids.length } as const;
  const result = (groups: string[][], extra: Partial<GroupingResult> = {}): GroupingResult => ({
    groups,
    repeatMeetings: repeatMeetings([...previousRounds, groups]),
    ...rules,
    ...extra,
  });

  switch (checked.kind) {
    case "none":
      return result([]);
    case "pairs": {
      // Partners of this phase's earlier rounds are avoided like the community's recent ones.
      const avoid = withPartnersOf(recentPartners, previousRounds);
      const paired = pairParticipants(ids, context.profiles, avoid, context.rule, context.seed);
      return { ...result(paired.groups), appliedRule: paired.appliedRule, degraded: paired.degraded };
    }
    case "circle":
      return result(ids.length === 0 ? [] : [shuffleInPlace(ids, seededRandom(`${context.seed}:circle`))]);
    case "hotSeat": {
      const queue = context.hotSeatQueue
        ? orderedLike(context.hotSeatQueue, ids)
        : hotSeatQueue(ids, context.hotSeatHistory ?? [], context.seed);
      if (queue.length === 0) return result([]);
      const circles = circlesOf(checked, queue, context.seed);
      const hotSeats = circles.map((c) => c[0] as string);
      const shuffled = circles.map((c) => shuffleInPlace([...c], seededRandom(`${context.seed}:circle`)));
      return result(shuffled, { hotSeat: hotSeats[0] as string, hotSeatQueue: queue, hotSeats });
    }
    case "groups":
      return result(searchedRound(checked, ids, previousRounds, context));
    case "acrossDepartments": {
      // Departments mix whatever the activity's pairing rule: mixing them is the strategy.
      const { min, max } = boundsOf(checked);
      const sizes = balancedGroupSizes(ids.length, checked.size, min, max);
      return {
        ...result(groupsAcrossDepartments(ids, sizes, context.profiles, context.seed)),
        appliedRule: found === 0 ? "random" : "cross-department",
      };
    }
    case "rounds": {
      if (previousRounds.length >= checked.rounds)
        throw new ValidationError(`This phase has ${checked.rounds} round(s), and all have been formed.`, [
          { field: "previousRounds", message: `At most ${checked.rounds} round(s).` },
        ]);
      return result(
        plannedRound(checked, ids, previousRounds, context) ??
          searchedRound(checked, ids, previousRounds, context),
      );
    }
  }
}

/**
 * Every remaining round of a `rounds` strategy at once (planning, tests, the benchmark): the same
 * groups the engine gets forming the rounds one by one as each begins, with the same people.
 * Other strategies form their one set of groups. `repeatMeetings` counts the earlier rounds too.
 */
export function formRounds(
  strategy: GroupingStrategy,
  participants: readonly string[],
  context: GroupingContext,
): { rounds: string[][][]; repeatMeetings: number } {
  const checked = parseGroupingStrategy(strategy);
  const rounds = (context.previousRounds ?? []).map((r) => r.map((g) => [...g]));
  const start = rounds.length;
  if (checked.kind === "rounds") {
    // The plan once, rather than again for each round: the same groups either way.
    const ids = [...new Set(participants)].sort();
    const plan = followedPlan(checked, ids, rounds, context);
    if (plan) rounds.push(...plan.slice(start));
  }
  const total = checked.kind === "rounds" ? checked.rounds : start + 1;
  while (rounds.length < total)
    rounds.push(formGroups(checked, participants, { ...context, previousRounds: rounds }).groups);
  return { rounds: rounds.slice(start), repeatMeetings: repeatMeetings(rounds) };
}

/** The recent partners plus everyone grouped together in `rounds`. */
function withPartnersOf(
  recent: RecentPartners,
  rounds: readonly (readonly (readonly string[])[])[],
): RecentPartners {
  if (rounds.length === 0) return recent;
  const merged = new Map<string, Set<string>>();
  for (const [id, partners] of recent) merged.set(id, new Set(partners));
  for (const groups of rounds)
    for (const group of groups)
      for (const a of group) {
        const partners = merged.get(a) ?? new Set<string>();
        for (const b of group) if (b !== a) partners.add(b);
        merged.set(a, partners);
      }
  return merged;
}

/** The present people in the queue's order; anyone the queue does not know goes last, sorted. */
function orderedLike(queue: readonly string[], present: readonly string[]): string[] {
  const here = new Set(present);
  const known = [...new Set(queue)].filter((id) => here.has(id));
  const seen = new Set(known);
  return [...known, ...present.filter((id) => !seen.has(id))];
}

/**
 * Circles for a hot-seat phase: one, or — more people than `max` — balanced circles within
 * `min`–`max`, the first in the queue taking the first circle's hot seat, the next the second's,
 * and the others dealt round by a seeded draw. Each circle's first member is its hot seat.
 */
function circlesOf(
  strategy: Extract<GroupingStrategy, { kind: "hotSeat" }>,
  queue: readonly string[],
  seed: string,
): string[][] {
  const max = strategy.max ?? Number.POSITIVE_INFINITY;
  if (queue.length <= max) return [[...queue]];
  const sizes = balancedGroupSizes(queue.length, max, strategy.min ?? 2, max);
  const circles = sizes.map((_, i) => [queue[i] as string]);
  const rest = shuffleInPlace(queue.slice(sizes.length), seededRandom(`${seed}:circles`));
  let next = 0;
  for (const id of rest) {
    while ((circles[next % circles.length] as string[]).length >= (sizes[next % circles.length] as number))
      next++;
    (circles[next % circles.length] as string[]).push(id);
    next++;
  }
  return circles;
}
