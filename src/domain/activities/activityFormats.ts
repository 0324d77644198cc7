import { ValidationError } from "../errors.js";
import { SESSION_FORMATS } from "../formats/formatIds.js";
import { FORMATS } from "../formats/formatRegistry.js";
import type { ActivityFormatDefinition } from "./activityFormat.js";

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
}

export function formatOf(id: ActivityFormatId): ActivityFormatDefinition {
  return (FORMATS[id] as { activity: ActivityFormatDefinition }).activity;
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
