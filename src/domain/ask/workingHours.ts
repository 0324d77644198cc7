import { floatingMs, instantOfWallClock, isKnownTimeZone, wallClockOf } from "../sessions/zonedTime.js";

/** A working day on the person's own wall clock: Monday to Friday, 09:00 to 17:00. */
const DAY_STARTS_HOUR = 9;
const DAY_ENDS_HOUR = 17;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The instant `hours` working hours after `from`, counted on the wall clock of `timeZone`
 * (an unknown zone counts in UTC): a question asked on Friday at 16:00 with a 4-hour target is due
 * on Monday at 12:00 in the expert's zone, not on Friday night. Public holidays are not known.
 */
export function addWorkingHours(from: Date, hours: number, timeZone: string): Date {
  const zone = isKnownTimeZone(timeZone) ? timeZone : "UTC";
  // Counted in floating time (the wall clock read as if it were UTC), then turned back.
  let at = floatingMs(wallClockOf(from, zone));
  let left = hours * HOUR_MS;
  for (let guard = 0; guard < 10_000; guard++) {
    const dayStart = at - (at % DAY_MS);
    const weekday = new Date(dayStart).getUTCDay();
    const opens = dayStart + DAY_STARTS_HOUR * HOUR_MS;
    const closes = dayStart + DAY_ENDS_HOUR * HOUR_MS;
    if (weekday === 0 || weekday === 6 || at >= closes) {
      at = dayStart + DAY_MS + DAY_STARTS_HOUR * HOUR_MS;
      continue;
    }
    if (at < opens) at = opens;
    const today = closes - at;
    if (left <= today) return instantOfWallClock(at + left, zone);
    left -= today;
    at = dayStart + DAY_MS + DAY_STARTS_HOUR * HOUR_MS;
  }
  return instantOfWallClock(at, zone);
}
