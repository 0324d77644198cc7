import { ValidationError } from "../errors.js";
import type { SessionFormat } from "../sessions/sessionFormats.js";
import type { ActivityFormatDefinition } from "./activityFormat.js";
import { thinkPairShare } from "./thinkPairShare.js";

/**
 * The formats the activity engine runs, by the session format they belong to. Knowledge Café,
 * mastermind, micro-teach and case round join here as definitions when they are built.
 */
export const ACTIVITY_FORMATS = {
  "think-pair-share": thinkPairShare,
} as const satisfies Partial<Record<SessionFormat, ActivityFormatDefinition>>;

export type ActivityFormatId = keyof typeof ACTIVITY_FORMATS;
export const ACTIVITY_FORMAT_IDS = Object.keys(ACTIVITY_FORMATS) as ActivityFormatId[];

/** A phase as planned for one activity: its id and the minutes chosen at set-up. */
export interface PlannedPhase {
  id: string;
  minutes: number;
}

export function formatOf(id: ActivityFormatId): ActivityFormatDefinition {
  return ACTIVITY_FORMATS[id];
}

/**
 * The phases of an activity with the facilitator's minutes where given, else the format's
 * defaults. Minutes for a phase the format does not have, or outside its bounds, are refused.
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
  const plan = format.phases.map((phase) => {
    const chosen = minutes[phase.id] ?? phase.defaultMinutes;
    if (!Number.isInteger(chosen) || chosen < phase.minMinutes || chosen > phase.maxMinutes) {
      issues.push({
        field: `minutes.${phase.id}`,
        message: `${phase.title} lasts between ${phase.minMinutes} and ${phase.maxMinutes} whole minutes.`,
      });
    }
    return { id: phase.id, minutes: chosen };
  });
  if (issues.length > 0) throw new ValidationError(issues.map((i) => i.message).join(" "), issues);
  return plan;
}
