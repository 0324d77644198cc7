import { ValidationError } from "../domain/errors.js";

/** Graph's patternedRecurrence (https://learn.microsoft.com/graph/api/resources/patternedrecurrence). */
export interface PatternedRecurrence {
  pattern: {
    type: "daily" | "weekly" | "absoluteMonthly" | "relativeMonthly" | "absoluteYearly" | "relativeYearly";
    interval: number;
    daysOfWeek?: string[];
    dayOfMonth?: number;
    month?: number;
    index?: "first" | "second" | "third" | "fourth" | "last";
    firstDayOfWeek?: string;
  };
  range: {
    type: "noEnd" | "endDate" | "numbered";
    startDate: string;
    endDate?: string;
    numberOfOccurrences?: number;
    recurrenceTimeZone: string;
  };
}

const DAYS: Record<string, string> = {
  MO: "monday",
  TU: "tuesday",
  WE: "wednesday",
  TH: "thursday",
  FR: "friday",
  SA: "saturday",
  SU: "sunday",
};
const WEEKDAY_OF_INDEX = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const INDEX: Record<string, "first" | "second" | "third" | "fourth" | "last"> = {
  "1": "first",
  "2": "second",
  "3": "third",
  "4": "fourth",
  "-1": "last",
};
/** RRULE parts Graph's patterns can say; any other part is refused rather than silently dropped. */
const SUPPORTED_PARTS = new Set([
  "FREQ",
  "INTERVAL",
  "COUNT",
  "UNTIL",
  "BYDAY",
  "BYMONTHDAY",
  "BYMONTH",
  "BYSETPOS",
  "WKST",
]);

const unsupported = (why: string) =>
  new ValidationError(`A Teams meeting cannot repeat like this: ${why}`, [
    { field: "recurrence", message: why },
  ]);

/** The wall-clock date and time of an instant in an IANA time zone: `YYYY-MM-DDTHH:mm:ss`. */
export function wallClock(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new ValidationError(`Not a date-time: ${instant}`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * Converts an RFC 5545 RRULE (without `RRULE:`) into Graph's patternedRecurrence, anchored at the
 * series' first start in its time zone. Supported: FREQ DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL;
 * weekly BYDAY lists (and DAILY;BYDAY as weekly); monthly by one BYMONTHDAY or one ordinal weekday
 * (BYDAY=2TU, or BYDAY=TU;BYSETPOS=2; ordinals 1–4 and -1); yearly by BYMONTH with one
 * BYMONTHDAY or ordinal weekday; COUNT or UNTIL; WKST. Anything else (BYHOUR, several month days,
 * BYWEEKNO, …) is refused with a ValidationError: Outlook has no such pattern.
 */
export function toPatternedRecurrence(
  rrule: string,
  startsAt: string,
  timeZone: string,
): PatternedRecurrence {
  const parts = new Map<string, string>();
  for (const piece of rrule
    .replace(/^RRULE:/i, "")
    .split(";")
    .filter(Boolean)) {
    const [name, value] = piece.split("=");
    if (!name || value === undefined) throw unsupported(`"${piece}" is not a rule part.`);
    if (!SUPPORTED_PARTS.has(name.toUpperCase())) throw unsupported(`${name} has no Outlook equivalent.`);
    parts.set(name.toUpperCase(), value.toUpperCase());
  }
  const localStart = wallClock(startsAt, timeZone);
  const startDate = localStart.slice(0, 10);
  const startDay = new Date(`${startDate}T00:00:00Z`);
  const interval = Number(parts.get("INTERVAL") ?? 1);
  if (!Number.isInteger(interval) || interval < 1)
    throw unsupported("INTERVAL must be a whole number from 1.");
  const byDay = (parts.get("BYDAY") ?? "").split(",").filter(Boolean);
  const parsedDays = byDay.map((d) => {
    const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
    if (!m) throw unsupported(`BYDAY=${d} is not understood.`);
    return { ordinal: m[1]?.replace("+", ""), day: DAYS[m[2] ?? ""] as string };
  });
  const firstDayOfWeek = DAYS[parts.get("WKST") ?? "MO"];
  const freq = parts.get("FREQ");
  let pattern: PatternedRecurrence["pattern"];

  const ordinalOf = (): { index: PatternedRecurrence["pattern"]["index"]; day: string } | undefined => {
    const setPos = parts.get("BYSETPOS");
    if (parsedDays.length !== 1 || (!parsedDays[0]?.ordinal && !setPos)) {
      if (setPos) throw unsupported("BYSETPOS goes with exactly one weekday.");
      return undefined;
    }
    const ordinal = parsedDays[0]?.ordinal ?? setPos ?? "";
    const index = INDEX[ordinal];
    if (!index)
      throw unsupported("Outlook repeats on the first to fourth or the last weekday of a month only.");
    return { index, day: parsedDays[0]?.day ?? "" };
  };
  const monthDay = (): number | undefined => {
    const value = parts.get("BYMONTHDAY");
    if (value === undefined) return undefined;
    const day = Number(value);
    if (!Number.isInteger(day) || day < 1 || day > 31)
      throw unsupported("BYMONTHDAY must be one day from 1 to 31.");
    return day;
  };

  switch (freq) {
    case "DAILY":
      if (byDay.length > 0) {
        if (interval !== 1) throw unsupported("a daily rule with weekdays repeats every day.");
        pattern = { type: "weekly", interval: 1, daysOfWeek: parsedDays.map((d) => d.day) };
      } else pattern = { type: "daily", interval };
      break;
    case "WEEKLY":
      if (parsedDays.some((d) => d.ordinal)) throw unsupported("weekly rules take plain weekdays.");
      pattern = {
        type: "weekly",
        interval,
        daysOfWeek:
          parsedDays.length > 0
            ? parsedDays.map((d) => d.day)
            : [WEEKDAY_OF_INDEX[startDay.getUTCDay()] as string],
      };
      break;
    case "MONTHLY": {
      const ordinal = ordinalOf();
      if (ordinal)
        pattern = { type: "relativeMonthly", interval, daysOfWeek: [ordinal.day], index: ordinal.index };
      else if (byDay.length > 0)
        throw unsupported("a monthly rule takes one weekday with its position (e.g. 2TU).");
      else pattern = { type: "absoluteMonthly", interval, dayOfMonth: monthDay() ?? startDay.getUTCDate() };
      break;
    }
    case "YEARLY": {
      const month = Number(parts.get("BYMONTH") ?? startDay.getUTCMonth() + 1);
      if (!Number.isInteger(month) || month < 1 || month > 12)
        throw unsupported("BYMONTH must be one month from 1 to 12.");
      const ordinal = ordinalOf();
      if (ordinal)
        pattern = {
          type: "relativeYearly",
          interval,
          month,
          daysOfWeek: [ordinal.day],
          index: ordinal.index,
        };
      else if (byDay.length > 0)
        throw unsupported("a yearly rule takes one weekday with its position (e.g. -1FR).");
      else
        pattern = {
          type: "absoluteYearly",
          interval,
          month,
          dayOfMonth: monthDay() ?? startDay.getUTCDate(),
        };
      break;
    }
    default:
      throw unsupported("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY.");
  }
  if (pattern.type === "weekly" && firstDayOfWeek) pattern.firstDayOfWeek = firstDayOfWeek;

  const range: PatternedRecurrence["range"] = { type: "noEnd", startDate, recurrenceTimeZone: timeZone };
  const count = parts.get("COUNT");
  const until = parts.get("UNTIL");
  if (count && until) throw unsupported("COUNT and UNTIL cannot both be given.");
  if (count) {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1) throw unsupported("COUNT must be a whole number from 1.");
    Object.assign(range, { type: "numbered", numberOfOccurrences: n });
  } else if (until) {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(until);
    if (!m) throw unsupported(`UNTIL=${until} is not a date.`);
    // A UTC UNTIL names an instant: its date is the one in the series' time zone.
    const endDate = m[7]
      ? wallClock(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`, timeZone).slice(0, 10)
      : `${m[1]}-${m[2]}-${m[3]}`;
    Object.assign(range, { type: "endDate", endDate });
  }
  return { pattern, range };
}
