import {
  FORMAT_DURATIONS,
  type Session,
  type SessionDraftBody,
  type SessionFormat,
} from "../../api/sessions.js";
import { type DayKey, utcToZoned, zonedToUtc } from "./calendarModel.js";

/**
 * What a steward edits. The start is a wall-clock date and time in the viewer's zone, converted to
 * UTC on save. Seam for later: recurrence (an RRULE string such as `FREQ=WEEKLY;BYDAY=TU`) and
 * Graph scheduling (`scheduleTeamsMeeting`, which fills `joinUrl`) become two more fields here and
 * in {@link toSessionBody}; the start already carries its time zone, which both need.
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
    joinUrl: session.joinUrl ?? "",
    timeZone,
  };
}

/** i18n keys of the form's problems, by field. */
export type SessionFormIssues = Partial<
  Record<
    "title" | "start" | "duration" | "joinUrl",
    `calendar.${"titleRequired" | "startRequired" | "durationInvalid" | "joinUrlInvalid"}`
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
  };
}

/** The API body of a valid form: the start converted from the viewer's zone to UTC. */
export function toSessionBody(values: SessionFormValues): SessionDraftBody {
  const joinUrl = values.joinUrl.trim();
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
  };
}
