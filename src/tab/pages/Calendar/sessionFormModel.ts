import {
  FORMAT_DEFAULTS,
  FORMAT_DURATIONS,
  type MeetingAttendeeSource,
  type Session,
  type SessionChanges,
  type SessionDraftBody,
  type SessionFormat,
} from "../../api/sessions.js";
import { type DayKey, utcToZoned, zonedToUtc } from "./calendarModel.js";

/** How often a session repeats, as the form offers it; `custom` keeps a rule set elsewhere. */
export type RepeatChoice = "none" | "weekly" | "biweekly" | "monthly" | "custom";

const RULES: Record<Exclude<RepeatChoice, "none" | "custom">, string> = {
  weekly: "FREQ=WEEKLY",
  biweekly: "FREQ=WEEKLY;INTERVAL=2",
  monthly: "FREQ=MONTHLY",
};

/** The RRULE of a choice and a number of sessions (undefined: does not repeat). */
export function ruleOf(repeat: RepeatChoice, count: string, custom?: string): string | undefined {
  if (repeat === "none") return undefined;
  if (repeat === "custom") return custom;
  const n = Number(count);
  return Number.isInteger(n) && n > 0 ? `${RULES[repeat]};COUNT=${n}` : RULES[repeat];
}

/** Reads a rule back into the form's choice and count (`custom` for anything else). */
export function repeatOf(rule: string | undefined): { repeat: RepeatChoice; repeatCount: string } {
  if (!rule) return { repeat: "none", repeatCount: "" };
  const match = /^(FREQ=WEEKLY(?:;INTERVAL=2)?|FREQ=MONTHLY)(?:;COUNT=(\d+))?$/.exec(rule.toUpperCase());
  if (!match) return { repeat: "custom", repeatCount: "" };
  const repeat = (Object.entries(RULES).find(([, r]) => r === match[1])?.[0] ?? "custom") as RepeatChoice;
  return { repeat, repeatCount: match[2] ?? "" };
}

/**
 * What a steward edits. The start is a wall-clock date and time in the viewer's zone, converted to
 * UTC on save; a series repeats on the wall clock of that zone (the server expands it), and a
 * Teams meeting is asked for with `teamsMeeting` (the server fills `joinUrl`).
 */
export interface SessionFormValues {
  title: string;
  format: SessionFormat;
  date: DayKey;
  time: string;
  durationMinutes: string;
  agenda: string;
  description: string;
  joinUrl: string;
  timeZone: string;
  /** Repeats (absent: once). */
  repeat?: RepeatChoice;
  /** Number of sessions in the series; empty: no end. */
  repeatCount?: string;
  /** The rule the session had when the form opened (only a changed rule is sent). */
  initialRule?: string;
  /** Ask for a Teams meeting in the steward's calendar. */
  teamsMeeting?: boolean;
  attendees?: MeetingAttendeeSource;
  /** The session already has a Teams meeting (it cannot be taken away here). */
  hasTeamsMeeting?: boolean;
}

/** The default agenda of a format: its phases with their minutes. */
export function agendaOf(format: SessionFormat): string {
  return FORMAT_DEFAULTS[format].phases.map((p) => `${p.title} (${p.minutes} min)`).join("\n");
}

/** A new session's form: the format's default duration, tomorrow at 10:00. */
export function newSessionValues(today: DayKey, timeZone: string): SessionFormValues {
  const [y = 1970, m = 1, d = 1] = today.split("-").map(Number);
  const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return {
    title: "",
    format: "think-pair-share",
    date: tomorrow,
    time: "10:00",
    durationMinutes: String(FORMAT_DURATIONS["think-pair-share"]),
    agenda: "",
    description: "",
    joinUrl: "",
    timeZone,
    repeat: "none",
    repeatCount: "",
    teamsMeeting: false,
    attendees: "rsvps",
  };
}

/** The form of an existing session, shown in the viewer's zone. */
export function sessionValues(session: Session, timeZone: string): SessionFormValues {
  const { date, time } = utcToZoned(session.startsAt, timeZone);
  return {
    title: session.title,
    format: session.format,
    date,
    time,
    durationMinutes: String(session.durationMinutes),
    agenda: session.agenda.join("\n"),
    description: session.description,
    joinUrl: session.teamsMeeting ? "" : (session.joinUrl ?? ""),
    timeZone,
    ...repeatOf(session.recurrence?.rule),
    ...(session.recurrence ? { initialRule: session.recurrence.rule } : {}),
    teamsMeeting: !!session.teamsMeeting,
    attendees: session.teamsMeeting?.attendees ?? "rsvps",
    hasTeamsMeeting: !!session.teamsMeeting,
  };
}

/** i18n keys of the form's problems, by field. */
export type SessionFormIssues = Partial<
  Record<
    "title" | "start" | "duration" | "joinUrl" | "repeatCount",
    | `calendar.${"titleRequired" | "startRequired" | "durationInvalid" | "joinUrlInvalid"}`
    | "sessionPlanning.repeatCountInvalid"
  >
>;

export function sessionFormIssues(values: SessionFormValues): SessionFormIssues {
  const duration = Number(values.durationMinutes);
  return {
    ...(values.title.trim().length < 3 ? { title: "calendar.titleRequired" as const } : {}),
    ...(!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || !/^\d{2}:\d{2}$/.test(values.time)
      ? { start: "calendar.startRequired" as const }
      : {}),
    ...(!Number.isInteger(duration) || duration < 5 || duration > 480
      ? { duration: "calendar.durationInvalid" as const }
      : {}),
    ...(values.joinUrl.trim() !== "" && !/^https:\/\/\S+$/.test(values.joinUrl.trim())
      ? { joinUrl: "calendar.joinUrlInvalid" as const }
      : {}),
    ...(values.repeat &&
    values.repeat !== "none" &&
    values.repeat !== "custom" &&
    values.repeatCount?.trim() &&
    !(
      Number.isInteger(Number(values.repeatCount)) &&
      Number(values.repeatCount) >= 2 &&
      Number(values.repeatCount) <= 200
    )
      ? { repeatCount: "sessionPlanning.repeatCountInvalid" as const }
      : {}),
  };
}

/**
 * The API body of a valid form: the start converted from the viewer's zone to UTC; a repeat rule
 * only when it is new or changed (a series keeps its skipped dates otherwise); a Teams meeting
 * when asked for or its invitations changed.
 */
export function toSessionBody(
  values: SessionFormValues,
): Omit<SessionDraftBody, "recurrence"> & Pick<SessionChanges, "recurrence"> {
  const joinUrl = values.teamsMeeting ? "" : values.joinUrl.trim();
  const rule = values.repeat
    ? ruleOf(values.repeat, values.repeatCount ?? "", values.initialRule)
    : undefined;
  const recurrence =
    rule === values.initialRule ? undefined : rule ? { rule } : values.initialRule ? null : undefined;
  const teamsMeeting = values.teamsMeeting ? { attendees: values.attendees ?? "rsvps" } : undefined;
  return {
    title: values.title.trim(),
    format: values.format,
    startsAt: zonedToUtc(values.date, values.time, values.timeZone),
    durationMinutes: Number(values.durationMinutes),
    timeZone: values.timeZone,
    description: values.description.trim(),
    agenda: values.agenda
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    ...(joinUrl ? { joinUrl } : {}),
    ...(recurrence !== undefined ? { recurrence } : {}),
    ...(teamsMeeting ? { teamsMeeting } : {}),
  };
}

/** A new session's body: a new session has no earlier repeat rule to end, so never `recurrence: null`. */
export function toNewSessionBody(values: SessionFormValues): SessionDraftBody {
  const { recurrence, ...body } = toSessionBody(values);
  return recurrence ? { ...body, recurrence } : body;
}
