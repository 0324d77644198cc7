/**
 * Session times in the viewer's own time zone and locale (sessions are stored in UTC). `timeZone`
 * is injectable for tests; it defaults to the browser's, which is the zone Teams runs in.
 */
export function formatSessionStart(startsAt: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(startsAt));
}

/** "10:00–10:30" style range of a session in the viewer's zone. */
export function formatSessionRange(
  startsAt: string,
  durationMinutes: number,
  locale: string,
  timeZone?: string,
) {
  const start = new Date(startsAt);
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "full",
    timeStyle: "short",
    ...(timeZone ? { timeZone } : {}),
  }).formatRange(start, end);
}

/** A duration such as "1 hr, 30 min" in the locale's words. */
export function formatDuration(minutes: number, locale: string): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (value: number, name: "hour" | "minute") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "long" }).format(value);
  return [hours > 0 ? unit(hours, "hour") : "", rest > 0 || hours === 0 ? unit(rest, "minute") : ""]
    .filter(Boolean)
    .join(" ");
}
