import type { ActivityFormatDefinition, PhaseDefinition } from "../activities/activityFormat.js";
import type { SessionFormat, SessionRole } from "./formatIds.js";
// Types only: the tab reads the formats too, and zod stays out of its runtime.
import type { ActivityFile, ActivityPhaseFile, FormatFile } from "./formatSchema.js";

/** One step of a format's plan, with its default minutes. */
export interface FormatPhase {
  id: string;
  /** English title; the tab translates `phases.{id}`. */
  title: string;
  minutes: number;
}

/** What a format brings to the calendar: how long a session takes, which roles it needs, its plan. */
export interface CalendarDefaults {
  durationMinutes: number;
  roles: SessionRole[];
  /** The plan of the session; the minutes add up to the duration. */
  phases: FormatPhase[];
  /** People per group where the format splits the room (pairs, tables, circles). */
  groupSize?: { min: number; max: number };
}

/**
 * One format, as data: what the calendar plans for it and, when the bot runs it in a meeting, the
 * activity the engine runs (phases, grouping, roles, submissions). A new format is one JSON file
 * in definitions/, registered in formatRegistry.ts, plus its strings (docs/formats.md).
 */
export interface FormatDefinition {
  id: SessionFormat;
  name: string;
  /** What the format is and how it runs, for whoever reads or picks it. */
  description: string;
  calendar: CalendarDefaults;
  /** Present when PeerCircle's engine runs the format in a Teams meeting. */
  activity?: ActivityFormatDefinition;
}

/**
 * A format from its definition file, which says only what is particular to it: the session's
 * length is its plan's minutes added up; the activity takes the format's id and name, nothing
 * after the end and no confidentiality unless said; a phase accepts nothing unless said, and its
 * minutes are written as one range.
 */
export function completeFormat({ calendar, activity, ...format }: FormatFile): FormatDefinition {
  const durationMinutes = calendar.phases.reduce((sum, p) => sum + p.minutes, 0);
  return {
    ...format,
    calendar: { durationMinutes, ...calendar },
    ...(activity ? { activity: completeActivity(format, activity) } : {}),
  };
}

function completeActivity(
  { id, name }: Pick<FormatFile, "id" | "name">,
  activity: ActivityFile,
): ActivityFormatDefinition {
  return {
    id,
    name,
    acceptsAfterEnd: [],
    confidential: false,
    ...activity,
    phases: activity.phases.map(completePhase),
  };
}

function completePhase({ id, title, minutes, ...phase }: ActivityPhaseFile): PhaseDefinition {
  return {
    id,
    title,
    accepts: [],
    ...phase,
    defaultMinutes: minutes.default,
    minMinutes: minutes.min,
    maxMinutes: minutes.max,
  };
}
