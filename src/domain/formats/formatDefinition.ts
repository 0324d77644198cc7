import type { ActivityFormatDefinition } from "../activities/activityFormat.js";
import type { SessionFormat, SessionRole } from "./formatIds.js";

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
 * activity the engine runs (phases, grouping, roles, submissions). A new format is one file of
 * this shape, registered in formatRegistry.ts, plus its strings.
 */
export interface FormatDefinition {
  id: SessionFormat;
  name: string;
  calendar: CalendarDefaults;
  /** Present when PeerCircle's engine runs the format in a Teams meeting. */
  activity?: ActivityFormatDefinition;
}

export const phase = (id: string, title: string, minutes: number): FormatPhase => ({ id, title, minutes });
