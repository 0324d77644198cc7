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

/** The wall clock of an instant in a zone. */
export function wallClockOf(instant: Date | string | number, timeZone: string): WallClock {
  const parts = formatterOf(timeZone).formatToParts(new Date(instant));
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
  return Math.round((floatingMs(wallClockOf(whole, timeZone)) - whole) / 60_000);
}

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
  return new Date(floatingMs(wallClockOf(earlier, timeZone)) === floating ? earlier : settled);
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
