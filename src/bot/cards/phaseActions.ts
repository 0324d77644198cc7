import {
  type ActivityFormatDefinition,
  type GroupingStrategy,
  HIGHLIGHT,
  type SubmissionKind,
  submissionOf,
} from "../../domain/activities/activityFormat.js";
import { ACTIVITY_FORMAT_IDS, formatOf, ruleOf } from "../../domain/activities/activityFormats.js";
import { currentRound, lastRoundReached, roundsOf } from "../../domain/activities/groupingRounds.js";
import type { PhaseState } from "../../domain/activities/phaseClock.js";
import { ValidationError } from "../../domain/errors.js";

/**
 * What a phase's card offers, read from the format's definition (pure): which of the format's
 * kinds are this phase's actions, whether it is a phase for finding one's group, and how the
 * groups are named. Every format's cards follow the same rules; none is special-cased.
 */

/** A phase as an activity planned it (the format's phase id, or a section's `rule`, and the minutes chosen). */
type PlannedStep = { id: string; minutes: number; rule?: string };
type Planned = readonly PlannedStep[];

/** The definition of an activity's format (a card from a format no longer run is refused kindly). */
export function formatDefinitionOf(formatId: string): ActivityFormatDefinition {
  const known = ACTIVITY_FORMAT_IDS.find((id) => id === formatId);
  if (!known) throw new ValidationError("PeerCircle no longer runs this activity's format.");
  return formatOf(known);
}

/** The definition a planned phase follows (a module's section follows its rule), by phase or id. */
const definitionOf = (format: ActivityFormatDefinition, phase: PlannedStep | string | undefined) =>
  typeof phase === "string" ? format.phases.find((p) => p.id === phase) : ruleOf(format, phase);

/** What people may hand in during a planned phase (not the facilitator's highlight). */
function kindsTaken(format: ActivityFormatDefinition, phases: Planned, index: number): SubmissionKind[] {
  const accepts = definitionOf(format, phases[index])?.accepts ?? [];
  return accepts.filter((kind) => kind !== HIGHLIGHT && submissionOf(format, kind) !== undefined);
}

/** How a planned phase groups people, as its definition (or its module's rule) says. */
export function groupingOf(format: ActivityFormatDefinition, phase: PlannedStep | string | undefined) {
  return definitionOf(format, phase)?.grouping;
}

/** True when the phase forms new groups as it begins (pairs, tables, a circle). */
export function formsGroups(
  format: ActivityFormatDefinition,
  phase: PlannedStep | string | undefined,
): boolean {
  const grouping = definitionOf(format, phase)?.grouping;
  return grouping !== undefined && grouping.kind !== "none";
}

/**
 * The kinds a phase offers as buttons, its own first: the kinds it takes that the phase before did
 * not (think: a reflection; harvest: themes and pledges), else the last-declared kind it still takes
 * (think-pair-share's share phase: the key insight). A group's text is left to the next phase when
 * that phase keeps the same groups and takes it too: this one is for talking (think-pair-share's
 * pair phase finds the partner; its share phase writes the insight). A café round, whose next
 * round seats new tables, writes its table notes in the round.
 */
export function phaseKinds(
  format: ActivityFormatDefinition,
  phases: Planned,
  index: number,
): SubmissionKind[] {
  if (index < 0 || index >= phases.length) return [];
  const declared = Object.keys(format.submissions);
  const inOrder = (kinds: SubmissionKind[]) =>
    [...kinds].sort((a, b) => declared.indexOf(a) - declared.indexOf(b));
  const now = inOrder(kindsTaken(format, phases, index));
  const before = new Set(index > 0 ? kindsTaken(format, phases, index - 1) : []);
  const fresh = now.filter((kind) => !before.has(kind));
  const own = fresh.length > 0 ? fresh : now.slice(-1);
  const next = phases[index + 1];
  if (!next || !formsGroups(format, phases[index]) || definitionOf(format, next)?.grouping) return own;
  const later = new Set(kindsTaken(format, phases, index + 1));
  return own.filter((kind) => !(submissionOf(format, kind)?.scope === "group" && later.has(kind)));
}

/** How the groups that hold now were formed (undefined before the first grouping phase and after `none`). */
export function groupingNow(
  format: ActivityFormatDefinition,
  phases: Planned,
  state: PhaseState,
): GroupingStrategy | undefined {
  const round = currentRound(format, phases, state);
  return round < 0 ? undefined : roundsOf(format, phases)[round]?.strategy;
}

/** The round whose groups hold now (-1: none): the pair list is posted once per round. */
export function roundNow(format: ActivityFormatDefinition, phases: Planned, state: PhaseState): number {
  return currentRound(format, phases, state);
}

/** True before any groups were formed: the time to press Join (later, opening one's group joins). */
export function beforeFirstGroups(
  format: ActivityFormatDefinition,
  phases: Planned,
  state: PhaseState,
): boolean {
  return lastRoundReached(format, phases, state) < 0;
}

/** The first phase that forms groups, by its title (where people are told when groups come). */
export function firstGroupingPhase(format: ActivityFormatDefinition, phases: Planned): string | undefined {
  const first = roundsOf(format, phases)[0];
  return first ? definitionOf(format, phases[first.phaseIndex])?.title : undefined;
}

/** True when the activity forms groups more than once (a café's rounds): chats are named per round. */
export function regroups(format: ActivityFormatDefinition, phases: Planned): boolean {
  return roundsOf(format, phases).length > 1;
}

/** Pairs are partners; every other grouping makes groups. */
export const isPairs = (strategy: GroupingStrategy | undefined) => strategy?.kind === "pairs";
