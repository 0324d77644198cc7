import type { ActivityFormatDefinition, PhaseDefinition } from "../activities/activityFormat.js";
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

/**
 * A format's activity as its definition file writes it: the id and name are the format's own, and
 * most formats take nothing after the end and are not confidential, so those are said only where
 * they differ.
 */
export type ActivitySpec = Omit<
  ActivityFormatDefinition,
  "id" | "name" | "acceptsAfterEnd" | "confidential"
> &
  Partial<Pick<ActivityFormatDefinition, "acceptsAfterEnd" | "confidential">>;

/** A format as its file writes it: the session's length is its plan's minutes added up. */
interface FormatSpec<A extends ActivitySpec | undefined> {
  calendar: Omit<CalendarDefaults, "durationMinutes">;
  activity?: A;
}

type Defined<A> = Omit<FormatDefinition, "activity"> &
  (A extends ActivitySpec ? { activity: ActivityFormatDefinition } : { activity?: undefined });

/**
 * One format from what is particular to it: its calendar plan and, for a format the engine runs
 * in meetings, its activity, completed with the format's id, name and the usual defaults.
 */
export function defineFormat<A extends ActivitySpec | undefined = undefined>(
  id: SessionFormat,
  name: string,
  { calendar, activity }: FormatSpec<A>,
): Defined<A> {
  const durationMinutes = calendar.phases.reduce((sum, p) => sum + p.minutes, 0);
  return {
    id,
    name,
    calendar: { durationMinutes, ...calendar },
    ...(activity ? { activity: { id, name, acceptsAfterEnd: [], confidential: false, ...activity } } : {}),
  } as Defined<A>;
}

/** The minutes a phase lasts unless set up otherwise, and the bounds a facilitator may choose from. */
export interface PhaseMinutes {
  min: number;
  default: number;
  max: number;
}

type PhaseSpec = Omit<
  PhaseDefinition,
  "id" | "title" | "defaultMinutes" | "minMinutes" | "maxMinutes" | "accepts"
> & {
  minutes: PhaseMinutes;
  /** What may be submitted while it runs; nothing unless said (a welcome, an introduction). */
  accepts?: PhaseDefinition["accepts"];
};

/** One phase of a format's activity, its minutes written as one range. */
export function activityPhase(id: string, title: string, { minutes, ...phase }: PhaseSpec): PhaseDefinition {
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
