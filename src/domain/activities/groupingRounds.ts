import { memo } from "../memo.js";
import type { ActivityFormatDefinition, GroupingStrategy } from "./activityFormat.js";
import { type PlannedPhase, ruleOf } from "./activityFormats.js";
import { rolesKeptOut } from "./grouping/groupingStrategy.js";
import type { PhaseState } from "./phaseClock.js";

/**
 * Which groups are current, derived like the phase from the activity's plan and state (pure). Each
 * phase whose definition forms groups starts a new grouping round (0, 1, …): think-pair-share has
 * one (the pair phase, kept through share and close), a Knowledge Café one per café round. A phase
 * that forms `none` ends the groups. Rounds count the planned phases, so a phase left out at set-up
 * forms no round.
 */

type Round = { phaseIndex: number; strategy: GroupingStrategy };

/** Each plan's rounds, worked out once per format and plan (both kept unchanged once made). */
const roundsByPlan = new WeakMap<
  ActivityFormatDefinition,
  WeakMap<readonly PlannedPhase[], readonly Round[]>
>();

/** The grouping rounds of a plan: for each, the planned phase that forms it and its strategy. */
export function roundsOf(
  format: ActivityFormatDefinition,
  phases: readonly PlannedPhase[],
): readonly Round[] {
  const byPlan = memo(roundsByPlan, format, () => new WeakMap<readonly PlannedPhase[], readonly Round[]>());
  return memo(byPlan, phases, () => {
    const rounds: Round[] = [];
    phases.forEach((planned, phaseIndex) => {
      const strategy = ruleOf(format, planned)?.grouping;
      if (strategy && strategy.kind !== "none") rounds.push({ phaseIndex, strategy });
    });
    return rounds;
  });
}

/**
 * The round whose groups hold in a phase of the plan, or -1 when no groups do (before the first
 * grouping phase, or after a phase that ends the groups).
 */
export function roundAtPhase(
  format: ActivityFormatDefinition,
  phases: readonly PlannedPhase[],
  phaseIndex: number,
): number {
  let round = -1;
  let current = -1;
  for (let i = 0; i <= Math.min(phaseIndex, phases.length - 1); i++) {
    const strategy = ruleOf(format, phases[i])?.grouping;
    if (!strategy) continue;
    if (strategy.kind === "none") current = -1;
    else current = ++round;
  }
  return current;
}

/**
 * The round whose groups hold now: the current phase's while it runs or is paused; once ended,
 * the last phase reached (the summary shows the groups people ended in).
 */
export function currentRound(
  format: ActivityFormatDefinition,
  phases: readonly PlannedPhase[],
  state: PhaseState,
): number {
  if (state.status === "not-started") return -1;
  const index = state.status === "ended" ? state.reachedPhaseIndex : state.phaseIndex;
  return index < 0 ? -1 : roundAtPhase(format, phases, index);
}

/**
 * The last round whose groups people were in by now (-1: none yet): during a café's harvest,
 * the last café round; in think-pair-share's close, the pairs.
 */
export function lastRoundReached(
  format: ActivityFormatDefinition,
  phases: readonly PlannedPhase[],
  state: PhaseState,
): number {
  return roundsOf(format, phases).filter((r) => r.phaseIndex <= state.reachedPhaseIndex).length - 1;
}

/**
 * Whether the person holds a role that the round's strategy keeps out of its groups (a peer
 * review's author, whose draft the groups review): nobody places them in a group, late or not.
 */
export function keptOutOfGroups(
  activity: {
    format: string;
    phases: readonly PlannedPhase[];
    roleHolders?: Partial<Record<string, { id: string }>>;
  },
  format: ActivityFormatDefinition,
  round: number,
  userId: string,
): boolean {
  const strategy = roundsOf(format, activity.phases)[round]?.strategy;
  return rolesKeptOut(strategy).some((role) => activity.roleHolders?.[role]?.id === userId);
}
