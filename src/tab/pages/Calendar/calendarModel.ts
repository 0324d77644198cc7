/**
 * Calendar arithmetic in the viewer's time zone. Days are `YYYY-MM-DD` keys computed with calendar
 * (not 24-hour) steps, so a week or month that crosses a daylight-saving change still has the
 * right days; a session lands on the day its start falls on in the viewer's zone.
 */

import { offsetMinutesAt } from "../../../domain/sessions/zonedTime.js";

/** A calendar day as `YYYY-MM-DD`. */
export type DayKey = string;

const pad = (value: number) => String(value).padStart(2, "0");

/** The key of a date given as year, month (1–12) and day; out-of-range days roll over. */
export function dayKey(year: number, month: number, day: number): DayKey {
  const date = new Date(Date.UTC(year, month - 1, day));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Parses a day key into year, month (1–12) and day. */
export function parseDayKey(key: DayKey): { year: number; month: number; day: number } {
  const [year = 1970, month = 1, day = 1] = key.split("-").map(Number);
  return { year, month, day };
}

/** The day `days` calendar days after `key` (negative goes back). */
export function addDays(key: DayKey, days: number): DayKey {
  const { year, month, day } = parseDayKey(key);
  return dayKey(year, month, day + days);
}

/** The same day `months` months later, clamped to the month's last day. */
export function addMonths(key: DayKey, months: number): DayKey {
  const { year, month, day } = parseDayKey(key);
  const last = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return dayKey(year, month + months, Math.min(day, last));
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(key: DayKey): number {
  const { year, month, day } = parseDayKey(key);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The day key an instant falls on in a time zone (the browser's when omitted). */
export function dayKeyOf(instant: string | Date, timeZone?: string): DayKey {
  const parts = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "01";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The seven days of the week holding `key`, starting on `weekStartsOn` (1 = Monday). */
export function weekDays(key: DayKey, weekStartsOn = 1): DayKey[] {
  const start = addDays(key, -((weekday(key) - weekStartsOn + 7) % 7));
  return Array.from({ length: 7 }, (_, index) => addDays(start, index));
}

/** The weeks (rows of seven days) that show the month of `key`, padded with the neighbours' days. */
export function monthGrid(key: DayKey, weekStartsOn = 1): DayKey[][] {
  const { year, month } = parseDayKey(key);
  const first = dayKey(year, month, 1);
  const last = dayKey(year, month + 1, 0);
  const weeks: DayKey[][] = [];
  let start = weekDays(first, weekStartsOn)[0] ?? first;
  while (start <= last) {
    weeks.push(weekDays(start, weekStartsOn));
    start = addDays(start, 7);
  }
  return weeks;
}

/** Sessions (anything with `startsAt`) grouped by the day they start in the zone, in start order. */
export function byDay<T extends { startsAt: string }>(items: T[], timeZone?: string): Map<DayKey, T[]> {
  const days = new Map<DayKey, T[]>();
  for (const item of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const key = dayKeyOf(item.startsAt, timeZone);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  return days;
}

/**
 * The UTC instant (ISO) of a wall-clock date and time in a zone, such as 10:00 on 2026-03-29 in
 * Europe/Berlin. A time skipped by a spring-forward change moves forward by the gap, as calendars do.
 */
export function zonedToUtc(date: DayKey, time: string, timeZone: string): string {
  const { year, month, day } = parseDayKey(date);
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall - offsetMinutesAt(wall, timeZone) * 60_000;
  // The offset at the guess may differ from the offset at the wall time near a change: settle it.
  guess = wall - offsetMinutesAt(guess, timeZone) * 60_000;
  return new Date(guess).toISOString();
}

/** The wall-clock date and `HH:MM` time of an instant in a zone (to edit a session's start). */
export function utcToZoned(instant: string, timeZone: string): { date: DayKey; time: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "00";
  return { date: dayKeyOf(instant, timeZone), time: `${get("hour")}:${get("minute")}` };
}

/**
 * The viewer's IANA time zone: the one Teams reports for the user's locale settings
 * (`app.osLocaleInfo.timezone` of the teams-js context) when it gives a zone the browser knows,
 * else the browser's (which Teams runs in).
 */
export function viewerTimeZone(context?: { app?: { osLocaleInfo?: { timezone?: string } } }): string {
  const teams = context?.app?.osLocaleInfo?.timezone;
  if (teams) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: teams });
      return teams;
    } catch {
      // An unknown name: fall back to the browser's zone.
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** How far ahead the list view reaches. */
export const LIST_DAYS = 92;

/**
 * The instants a view asks the server for: from midnight of its first day to midnight after its
 * last, both in the viewer's zone (so a week in Berlin is not a week in UTC, and a day of a DST
 * change is 23 or 25 hours long). The list runs from today for {@link LIST_DAYS} days; the past
 * sessions reach as far back, up to the end of today.
 */
export function rangeOf(
  view: "list" | "past" | "week" | "month",
  anchor: DayKey,
  today: DayKey,
  timeZone: string,
): { from: string; to: string } {
  const [first, afterLast] =
    view === "list"
      ? [today, addDays(today, LIST_DAYS)]
      : view === "past"
        ? [addDays(today, -LIST_DAYS), addDays(today, 1)]
        : view === "week"
          ? [weekDays(anchor)[0] ?? anchor, addDays(weekDays(anchor)[0] ?? anchor, 7)]
          : (() => {
              const weeks = monthGrid(anchor);
              const start = weeks[0]?.[0] ?? anchor;
              return [start, addDays(start, weeks.length * 7)];
            })();
  return { from: zonedToUtc(first, "00:00", timeZone), to: zonedToUtc(afterLast, "00:00", timeZone) };
}
