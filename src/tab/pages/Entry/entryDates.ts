/**
 * A `YYYY-MM-DD` calendar date as a local Date at noon. `new Date("2026-05-01")` is UTC midnight,
 * which a viewer west of UTC would see as 30 April; a calendar date has no time zone. Returns
 * undefined for anything else.
 */
export function calendarDate(value: string | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? "");
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Today in the viewer's time zone as `YYYY-MM-DD` (the earliest sensible review date). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
