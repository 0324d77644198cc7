import icalTimezones from "@touch4it/ical-timezones";
import ical, { ICalEventStatus } from "ical-generator";
import { iso, normaliseRule } from "./recurrence.js";
import type { Session } from "./session.js";
import { type WallClock, wallClockOf } from "./zonedTime.js";

/** What the `.ics` file needs beyond the sessions. */
export interface CalendarFileOptions {
  /** The calendar's name in the person's calendar app. */
  name: string;
  /** The web address of a session in PeerCircle (the URL when it has no join link). */
  linkOf: (session: Session) => string;
  /** Mail addresses of organisers, by user id (ORGANIZER needs one; without it, it is left out). */
  mailOf?: (userId: string) => string | undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
/** A wall clock as `YYYY-MM-DDTHH:mm:ss`: ical-generator writes it as is, with the event's TZID. */
const local = (w: WallClock) =>
  `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
const compact = (w: WallClock) =>
  `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
const endOf = (startsAt: string, minutes: number) =>
  new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();

/**
 * An iCalendar (RFC 5545) file of sessions for people's own calendars: each session one VEVENT in
 * its own time zone (with a VTIMEZONE), a series with its RRULE and EXDATEs, each moved
 * occurrence a VEVENT with the same UID and a RECURRENCE-ID, cancelled sessions with
 * STATUS:CANCELLED so calendars that imported them earlier drop them.
 */
export function sessionCalendarFile(sessions: readonly Session[], options: CalendarFileOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: "PeerCircle", product: "Session calendar", language: "EN" },
    // VTIMEZONE components from the IANA database, so every calendar app expands DST the same way.
    timezone: { name: null, generator: icalTimezones.getVtimezoneComponent },
  });
  for (const session of sessions) {
    const zone = session.timeZone;
    const uid = `${session.id}@peercircle`;
    const description = [
      session.description,
      session.agenda.length > 0 ? session.agenda.map((item, i) => `${i + 1}. ${item}`).join("\n") : "",
      session.joinUrl ? `Join: ${session.joinUrl}` : "",
      `PeerCircle: ${options.linkOf(session)}`,
    ]
      .filter(Boolean)
      .join("\n\n");
    const mail = options.mailOf?.(session.createdBy.id);
    const common = {
      id: uid,
      timezone: zone,
      summary: session.title,
      description,
      url: session.joinUrl ?? options.linkOf(session),
      ...(session.joinUrl ? { location: "Microsoft Teams meeting" } : {}),
      ...(mail ? { organizer: { name: session.createdBy.displayName, email: mail } } : {}),
      status: session.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: new Date(session.updatedAt),
      lastModified: new Date(session.updatedAt),
    };
    const recurrence = session.recurrence;
    const repeating = recurrence
      ? [
          `RRULE:${normaliseRule(recurrence.rule)}`,
          ...recurrence.exceptions.map((e) => `EXDATE;TZID=${zone}:${compact(wallClockOf(e, zone))}`),
        ].join("\n")
      : null;
    calendar.createEvent({
      ...common,
      start: local(wallClockOf(session.startsAt, zone)),
      end: local(wallClockOf(endOf(session.startsAt, session.durationMinutes), zone)),
      ...(repeating ? { repeating } : {}),
    });
    for (const move of recurrence?.moved ?? []) {
      if (recurrence?.exceptions.some((e) => iso(e) === iso(move.originalStart))) continue;
      calendar.createEvent({
        ...common,
        start: local(wallClockOf(move.startsAt, zone)),
        end: local(wallClockOf(endOf(move.startsAt, move.durationMinutes ?? session.durationMinutes), zone)),
        recurrenceId: local(wallClockOf(move.originalStart, zone)),
      });
    }
  }
  return calendar.toString();
}
