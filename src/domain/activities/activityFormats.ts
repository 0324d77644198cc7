import { ValidationError } from "../errors.js";
import { SESSION_FORMATS } from "../formats/formatIds.js";
import { FORMATS } from "../formats/formatRegistry.js";
import { memo } from "../memo.js";
import type { ActivityFormatDefinition, PhaseDefinition, SubmissionKind } from "./activityFormat.js";

type Registry = typeof FORMATS;

/** The formats the engine runs: those whose definition (src/domain/formats) has an activity. */
export type ActivityFormatId = {
  [K in keyof Registry]: Registry[K] extends { activity: ActivityFormatDefinition } ? K : never;
}[keyof Registry];

export const ACTIVITY_FORMAT_IDS = SESSION_FORMATS.filter(
  (id): id is ActivityFormatId => (FORMATS[id] as { activity?: unknown }).activity !== undefined,
);

/** A phase as planned for one activity: its id and the minutes chosen at set-up. */
export interface PlannedPhase {
  id: string;
  minutes: number;
  /**
   * A phase planned from content picked at set-up (a module's section, `phasesFrom`): the id of
   * the format's phase whose rules it follows, and the section's own title and text.
   */
  rule?: string;
  title?: string;
  body?: string;
}

/** One timed section of content a format's phases come from (a module's "Reflect (10 min)"). */
export interface ContentSection {
  title: string;
  minutes: number;
  /** The section's text (markdown, sanitised). */
  body: string;
  /** Where it starts in the source (1-based), for errors that say which line. */
  line?: number;
}

/**
 * The definition a planned phase follows: the format's phase of its id, or of its `rule` for a
 * phase planned from content, with the section's title (and text as instruction) in place.
 */
export function ruleOf(
  format: Pick<ActivityFormatDefinition, "phases">,
  planned: Pick<PlannedPhase, "id" | "rule" | "title"> | undefined,
): PhaseDefinition | undefined {
  if (!planned) return undefined;
  const definition = format.phases.find((p) => p.id === (planned.rule ?? planned.id));
  return definition && planned.title ? { ...definition, title: planned.title } : definition;
}

/**
 * The plan of a format whose phases come from content (`phasesFrom`): one phase per section, the
 * first following the format's first phase, the last its last, those between its middle one.
 * Each section's minutes must lie within its rule's bounds; the error names the section and line.
 */
export function planFromSections(
  format: ActivityFormatDefinition,
  sections: readonly ContentSection[],
): PlannedPhase[] {
  const [first, between, last] = format.phases;
  if (!first || !between || !last) throw new ValidationError(`${format.name} has no section rules.`);
  if (sections.length < 2)
    throw new ValidationError(
      "A module needs at least two timed sections, like “## Read (15 min)” and “## Actions (15 min)”: the groups form at the first, the last is for actions.",
    );
  const issues: { field: string; message: string }[] = [];
  const plan = sections.map((section, i) => {
    const rule = i === 0 ? first : i === sections.length - 1 ? last : between;
    if (
      !Number.isInteger(section.minutes) ||
      section.minutes < rule.minMinutes ||
      section.minutes > rule.maxMinutes
    )
      issues.push({
        field: `sections.${i}`,
        message: `${section.line ? `Line ${section.line}: ` : ""}“${section.title}” lasts ${section.minutes} minute${section.minutes === 1 ? "" : "s"}; a ${i === 0 ? "first " : i === sections.length - 1 ? "last " : ""}section lasts between ${rule.minMinutes} and ${rule.maxMinutes} whole minutes.`,
      });
    return {
      id: `section-${i + 1}`,
      minutes: section.minutes,
      rule: rule.id,
      title: section.title,
      body: section.body,
    };
  });
  if (issues.length > 0) throw new ValidationError(issues.map((i) => i.message).join(" "), issues);
  return plan;
}

export function formatOf(id: ActivityFormatId): ActivityFormatDefinition {
  return (FORMATS[id] as { activity: ActivityFormatDefinition }).activity;
}

/** {@link registerKindsOf}, worked out once per format. */
const registerKinds = new Map<ActivityFormatId, readonly SubmissionKind[]>();

/** The kinds a format keeps in a register across sessions (a mastermind's goals); most keep none. */
export function registerKindsOf(format: ActivityFormatId): readonly SubmissionKind[] {
  return memo(registerKinds, format, () =>
    Object.entries(formatOf(format).submissions)
      .filter(([, d]) => d.register)
      .map(([kind]) => kind),
  );
}

/**
 * The phases of an activity with the facilitator's minutes where given, else the format's
 * defaults; an optional phase given 0 minutes is left out. Minutes for a phase the format does
 * not have, or outside its bounds, are refused.
 */
export function planPhases(
  format: ActivityFormatDefinition,
  minutes: Record<string, number> = {},
): PlannedPhase[] {
  const issues: { field: string; message: string }[] = [];
  for (const id of Object.keys(minutes)) {
    if (!format.phases.some((p) => p.id === id))
      issues.push({ field: `minutes.${id}`, message: `${format.name} has no "${id}" phase.` });
  }
  const plan = format.phases.flatMap((phase) => {
    const chosen = minutes[phase.id] ?? phase.defaultMinutes;
    // An optional phase set to 0 minutes is left out of this activity.
    if (phase.optional && chosen === 0) return [];
    if (!Number.isInteger(chosen) || chosen < phase.minMinutes || chosen > phase.maxMinutes) {
      issues.push({
        field: `minutes.${phase.id}`,
        message: `${phase.title} lasts between ${phase.minMinutes} and ${phase.maxMinutes} whole minutes${phase.optional ? " (0 leaves it out)" : ""}.`,
      });
    }
    return [{ id: phase.id, minutes: chosen }];
  });
  if (issues.length > 0) throw new ValidationError(issues.map((i) => i.message).join(" "), issues);
  return plan;
}
