/**
 * Wall-clock time in IANA time zones with nothing but `Intl` (the tz database the runtime ships):
 * recurrence is expanded on the wall clock of the series' zone and then turned into instants, so a
 * weekly 09:00 stays at 09:00 local across daylight-saving changes and moves in UTC.
 */

/** A wall-clock date and time; `month` is 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** en-US numeric with h23: "12/4/2026, 09:05:00" (month/day/year, hour:minute:second). */
const US_NUMERIC = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** The wall clock of an instant in a zone. */
export function wallClockOf(instant: Date | string | number, timeZone: string): WallClock {
  const date = new Date(instant);
  const formatter = formatterOf(timeZone);
  // `format` and a pattern cost a quarter of `formatToParts` (a year of a series reads many);
  // the parts remain the way for whatever the pattern does not recognise.
  const match = US_NUMERIC.exec(formatter.format(date));
  if (match)
    return {
      year: Number(match[3]),
      month: Number(match[1]),
      day: Number(match[2]),
      hour: Number(match[4]) % 24,
      minute: Number(match[5]),
      second: Number(match[6]),
    };
  const parts = formatter.formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
  };
}

/** A wall clock read as if it were UTC (the "floating" time recurrence rules are expanded in). */
export function floatingMs(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** Minutes the zone is ahead of UTC at an instant. */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const day = Math.floor(whole / DAY_MS);
  let days = offsetsByDay.get(timeZone);
  if (!days || days.size >= DAYS_KEPT) {
    days = new Map();
    offsetsByDay.set(timeZone, days);
  }
  let known = days.get(day);
  if (known === undefined) {
    // The same offset at the start and the end of a UTC day: none changed within it (no zone
    // changes twice in a day). A day with a change holds null, and is read instant by instant.
    const start = readOffset(day * DAY_MS, timeZone);
    known = readOffset((day + 1) * DAY_MS - 1000, timeZone) === start ? start : null;
    days.set(day, known);
  }
  return known ?? readOffset(whole, timeZone);
}

function readOffset(whole: number, timeZone: string): number {
  return Math.round((floatingMs(wallClockOf(whole, timeZone)) - whole) / 60_000);
}

/**
 * Offsets per zone and UTC day, for days without a change. Reading an offset through `Intl` costs
 * microseconds, and a year of a series' occurrences needs thousands of them; they fall on a few
 * hundred days, the same ones for every series and request.
 */
const DAY_MS = 86_400_000;
const DAYS_KEPT = 20_000;
const offsetsByDay = new Map<string, Map<number, number | null>>();

/**
 * The instant of a wall-clock time in a zone. A time skipped by a spring-forward change moves
 * forward by the gap; an ambiguous autumn time takes the first (summer-time) instant, as
 * calendars do.
 */
export function instantOfWallClock(floating: number, timeZone: string): Date {
  const first = floating - offsetMinutesAt(floating, timeZone) * 60_000;
  const settled = floating - offsetMinutesAt(first, timeZone) * 60_000;
  // In an autumn overlap both offsets fit; the earlier instant is the first occurrence.
  const earlier = Math.min(first, settled);
  return new Date(earlier + offsetMinutesAt(earlier, timeZone) * 60_000 === floating ? earlier : settled);
}

/** True when the runtime knows the IANA zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
