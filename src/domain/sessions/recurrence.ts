import rrulePackage from "rrule";
import { floatingMs, instantOfWallClock, wallClockOf } from "./zonedTime.js";

// rrule ships CommonJS without named ESM exports: take its classes from the default export.
const { RRule } = rrulePackage;

/** An occurrence of a series that takes place at another time than its rule says. */
export interface MovedOccurrence {
  /** The start the rule gives it (ISO, UTC): the occurrence's id. */
  originalStart: string;
  /** Where it was moved (ISO, UTC). */
  startsAt: string;
  durationMinutes?: number;
}

/** How a session repeats: an RFC 5545 rule expanded in the session's own time zone, with exceptions. */
export interface SessionRecurrence {
  /** The RRULE value without `RRULE:` and without DTSTART, e.g. `FREQ=WEEKLY;BYDAY=TU;COUNT=10`. */
  rule: string;
  /** Original starts (ISO, UTC) of occurrences that do not take place (EXDATE). */
  exceptions: string[];
  /** Occurrences moved to another time (RECURRENCE-ID overrides). */
  moved: MovedOccurrence[];
}

/** One meeting of a session: a single session has one, a series one per rule date. */
export interface Occurrence {
  /** The start the rule gives it (ISO, UTC); for a single session its start. Stable across moves. */
  occurrenceId: string;
  startsAt: string;
  durationMinutes: number;
  moved: boolean;
}

/** What recurrence needs of a session. */
export interface RecurringShape {
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  recurrence?: SessionRecurrence;
}

const ALLOWED_FREQUENCIES = new Set(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);
/** No calendar view or reminder needs more; a rule like FREQ=DAILY without end stays cheap. */
export const MAX_OCCURRENCES = 500;
/** A community meets a few times a day at most; a rule giving more is a mistake or an attack. */
export const MAX_OCCURRENCES_PER_DAY = 4;
/** "Every 99 weeks" is already more than a community calendar needs. */
export const MAX_INTERVAL = 99;
const DAY_MS = 86_400_000;

type Options = ReturnType<typeof RRule.parseString>;
type Frequency = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";

/**
 * How a rule is checked for density: over this many periods of its FREQ (times its INTERVAL), it
 * must give at least one session per {@link MAX_PERIODS_PER_OCCURRENCE} periods. rrule walks every
 * period between a series' start and the dates asked for, so a sparse rule (FREQ=DAILY;BYMONTH=2;
 * BYMONTHDAY=29) or an impossible one (…;BYMONTHDAY=30, walked until the year 9999: 10 s) costs a
 * walk per session it gives; a dense one does not.
 */
const CHECK_PERIODS: Record<Frequency, number> = { DAILY: 366, WEEKLY: 64, MONTHLY: 24, YEARLY: 8 };
const PERIOD_DAYS: Record<Frequency, number> = { DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366 };
const MAX_PERIODS_PER_OCCURRENCE = 8;
/** rrule stops at the year 9999: the check window ends there, so an impossible rule walks no further. */
const CHECK_END_MS = Date.UTC(9999, 0, 1);

const count = (value: number | number[] | null | undefined) => (Array.isArray(value) ? value.length : 1);

/**
 * Checks an RRULE a steward gave: parseable, daily or slower, at most
 * {@link MAX_OCCURRENCES_PER_DAY} sessions a day, at least one session every few periods (a rule
 * that hardly ever or never gives a date makes every expansion walk for years), no DTSTART of its
 * own (the session's start is it). Returns the problem in words, or undefined when it is fine.
 */
export function problemOfRule(rule: string): string | undefined {
  const text = rule.replace(/^RRULE:/i, "").trim();
  if (!text) return "Give a repeat rule, such as FREQ=WEEKLY;BYDAY=TU.";
  if (/DTSTART|\n/i.test(text)) return "The repeat rule takes its start from the session: leave DTSTART out.";
  let options: Options;
  try {
    options = RRule.parseString(text.toUpperCase());
  } catch {
    return "That repeat rule is not valid iCalendar (RFC 5545), e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=10.";
  }
  const freq = RRule.FREQUENCIES[options.freq ?? -1];
  if (options.freq === undefined || !freq) return "The repeat rule needs a FREQ, such as FREQ=WEEKLY.";
  if (!ALLOWED_FREQUENCIES.has(freq))
    return "Sessions repeat daily at most (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY).";
  if (
    options.count !== undefined &&
    options.count !== null &&
    (options.count < 1 || options.count > MAX_OCCURRENCES)
  )
    return `A series has between 1 and ${MAX_OCCURRENCES} sessions.`;
  const interval = options.interval ?? 1;
  if (interval < 1 || interval > MAX_INTERVAL) return `INTERVAL is between 1 and ${MAX_INTERVAL}.`;
  if (count(options.byhour) * count(options.byminute) * count(options.bysecond) > MAX_OCCURRENCES_PER_DAY)
    return `A series has at most ${MAX_OCCURRENCES_PER_DAY} sessions a day: give at most ${MAX_OCCURRENCES_PER_DAY} times of day (BYHOUR, BYMINUTE).`;
  return problemOfDensity(options, freq as Frequency, interval);
}

/** Expands the rule over a window of {@link CHECK_PERIODS} periods, stopping inside rrule at the limit. */
function problemOfDensity(options: Options, freq: Frequency, interval: number): string | undefined {
  const windowDays = CHECK_PERIODS[freq] * PERIOD_DAYS[freq] * interval;
  const end = CHECK_END_MS;
  // A Monday at 09:00, so rules without BYDAY/BYHOUR take ordinary defaults.
  const start = mondayOnOrBefore(end - windowDays * DAY_MS) + 9 * 3_600_000;
  const { count: _count, until: _until, ...rest } = options;
  let rule: InstanceType<typeof RRule>;
  try {
    rule = anchoredRule(rest, start);
  } catch {
    return "That repeat rule is not valid iCalendar (RFC 5545), e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=10.";
  }
  const limit = (windowDays + 7) * MAX_OCCURRENCES_PER_DAY + 1;
  const perDay = new Map<number, number>();
  let found = 0;
  let tooMany = false;
  rule.between(new Date(start), new Date(end), true, (date) => {
    const day = Math.floor(date.getTime() / DAY_MS);
    const onDay = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, onDay);
    found++;
    if (onDay > MAX_OCCURRENCES_PER_DAY || found >= limit) tooMany = true;
    return !tooMany;
  });
  if (tooMany) return `A series has at most ${MAX_OCCURRENCES_PER_DAY} sessions a day.`;
  if (found * MAX_PERIODS_PER_OCCURRENCE < CHECK_PERIODS[freq]) {
    const rarer = freq === "DAILY" ? "WEEKLY" : freq === "WEEKLY" ? "MONTHLY" : "YEARLY";
    return found === 0
      ? "That repeat rule gives no dates (check BYMONTH, BYMONTHDAY, BYDAY and BYSETPOS)."
      : `That repeat rule gives too few sessions for FREQ=${freq}: for rarer sessions use FREQ=${rarer}.`;
  }
  return undefined;
}

function mondayOnOrBefore(ms: number): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0
  return day - weekday * DAY_MS;
}

/** The rule without a leading `RRULE:`. */
export function normaliseRule(rule: string): string {
  return rule
    .replace(/^RRULE:/i, "")
    .trim()
    .toUpperCase();
}

const WEEKDAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

/**
 * The rule starting at `dtstart` (floating ms), with every part rrule would take from the start
 * written out (the time of day; the weekday of a weekly rule; the day of a monthly or yearly one).
 * The start can then move forward by whole periods without changing which dates the rule gives.
 */
function anchoredRule(options: Options, dtstart: number, anchor = dtstart): InstanceType<typeof RRule> {
  const at = new Date(anchor);
  const explicit: Partial<Options> = {
    byhour: options.byhour ?? at.getUTCHours(),
    byminute: options.byminute ?? at.getUTCMinutes(),
    bysecond: options.bysecond ?? at.getUTCSeconds(),
  };
  const dateParts =
    options.byweekno || options.byyearday || options.bymonthday || options.byweekday || options.byeaster;
  if (!dateParts) {
    if (options.freq === RRule.YEARLY) {
      explicit.bymonth = options.bymonth ?? at.getUTCMonth() + 1;
      explicit.bymonthday = at.getUTCDate();
    } else if (options.freq === RRule.MONTHLY) explicit.bymonthday = at.getUTCDate();
    else if (options.freq === RRule.WEEKLY)
      explicit.byweekday = [WEEKDAYS[(at.getUTCDay() + 6) % 7] ?? RRule.MO];
  }
  return new RRule({ ...options, ...explicit, dtstart: new Date(dtstart), tzid: null });
}

/** A series' rule on the floating wall clock of its zone, and where it starts there. */
function ruleOf(session: RecurringShape & { recurrence: SessionRecurrence }) {
  const options = RRule.parseString(normaliseRule(session.recurrence.rule));
  const start = floatingMs(wallClockOf(session.startsAt, session.timeZone));
  // UNTIL is an instant (…Z); the rule runs on floating wall-clock time, so compare like with like.
  const until = options.until ? new Date(floatingMs(wallClockOf(options.until, session.timeZone))) : null;
  return { options: { ...options, until }, start };
}

/**
 * The rule dates (floating) in `[after, before]`, at most `limit`, soonest first. rrule walks every
 * period from the rule's start, so a series without COUNT starts its walk a whole number of periods
 * (at least one) before `after`: the same dates, at a cost that depends on the range, not on how
 * long ago the series began. A series with COUNT counts from its first date and is walked from
 * there (at most {@link MAX_OCCURRENCES} dates). The walk stops inside rrule at `limit`.
 */
function ruleDatesBetween(
  session: RecurringShape & { recurrence: SessionRecurrence },
  after: number,
  before: number,
  limit: number,
): Date[] {
  // A rule stored before these limits existed gives nothing rather than a walk to the year 9999.
  if (!isAcceptedRule(session.recurrence.rule)) return [];
  const { options, start } = ruleOf(session);
  const dtstart = options.count ? start : startNear(options, start, after);
  const rule = anchoredRule(options, dtstart, start);
  return rule.between(new Date(after), new Date(before), true, (_date, index) => index < limit);
}

const acceptedRules = new Map<string, boolean>();
const ACCEPTED_RULES_KEPT = 1000;

/** {@link problemOfRule} remembered per rule text (a series is expanded on every calendar read). */
function isAcceptedRule(rule: string): boolean {
  let accepted = acceptedRules.get(rule);
  if (accepted === undefined) {
    accepted = problemOfRule(rule) === undefined;
    if (acceptedRules.size >= ACCEPTED_RULES_KEPT) acceptedRules.clear();
    acceptedRules.set(rule, accepted);
  }
  return accepted;
}

/** The latest start at or after `start`, a whole number of periods on, a period and more before `after`. */
function startNear(options: Options, start: number, after: number): number {
  const interval = Math.max(1, options.interval ?? 1);
  if (options.freq === RRule.DAILY || options.freq === RRule.WEEKLY) {
    const step = (options.freq === RRule.DAILY ? 1 : 7) * interval * DAY_MS;
    const periods = Math.floor((after - step - 2 * DAY_MS - start) / step);
    return periods > 0 ? start + periods * step : start;
  }
  const stepMonths = (options.freq === RRule.YEARLY ? 12 : 1) * interval;
  const s = new Date(start);
  const a = new Date(after - 2 * DAY_MS);
  const months = (a.getUTCFullYear() - s.getUTCFullYear()) * 12 + (a.getUTCMonth() - s.getUTCMonth());
  const periods = Math.floor(months / stepMonths) - 1;
  if (periods <= 0) return start;
  // The first of the month: the 31st is not in every month (the day itself is written out).
  return Date.UTC(
    s.getUTCFullYear(),
    s.getUTCMonth() + periods * stepMonths,
    1,
    s.getUTCHours(),
    s.getUTCMinutes(),
    s.getUTCSeconds(),
  );
}

/**
 * The occurrences of a session that start in `[from, to)`, soonest first, at most `limit` of them
 * (the soonest). The rule is expanded on the wall clock of the session's time zone and each date
 * turned into its instant there, so a weekly 09:00 Europe/Berlin series is at 09:00 local in
 * summer and in winter (07:00 then 08:00 UTC). Exceptions are left out; moved occurrences appear
 * at their new time (even when the rule's date is outside the range).
 */
export function occurrencesBetween(
  session: RecurringShape,
  from: Date,
  to: Date,
  limit = MAX_OCCURRENCES,
): Occurrence[] {
  const single = (): Occurrence[] => {
    const at = Date.parse(session.startsAt);
    return at >= from.getTime() && at < to.getTime() && limit > 0
      ? [
          {
            occurrenceId: session.startsAt,
            startsAt: session.startsAt,
            durationMinutes: session.durationMinutes,
            moved: false,
          },
        ]
      : [];
  };
  const recurrence = session.recurrence;
  if (!recurrence) return single();
  const skipped = new Set(recurrence.exceptions.map(iso));
  const moved = new Map(recurrence.moved.map((m) => [iso(m.originalStart), m]));
  // Widen by a day each side: floating time is up to ±14 hours off the instant. Skipped dates and
  // dates moved away do not count towards the limit, nor do the widened edges: ask for that many more.
  const dates = ruleDatesBetween(
    { ...session, recurrence },
    from.getTime() - DAY_MS,
    to.getTime() + DAY_MS,
    limit + skipped.size + moved.size + 2 * MAX_OCCURRENCES_PER_DAY,
  );
  const out: Occurrence[] = [];
  const seen = new Set<string>();
  for (const floating of dates) {
    const originalStart = instantOfWallClock(floating.getTime(), session.timeZone).toISOString();
    seen.add(originalStart);
    if (skipped.has(originalStart)) continue;
    const move = moved.get(originalStart);
    out.push(
      move
        ? {
            occurrenceId: originalStart,
            startsAt: iso(move.startsAt),
            durationMinutes: move.durationMinutes ?? session.durationMinutes,
            moved: true,
          }
        : {
            occurrenceId: originalStart,
            startsAt: originalStart,
            durationMinutes: session.durationMinutes,
            moved: false,
          },
    );
  }
  // Occurrences moved into the range from a rule date outside it.
  for (const [originalStart, move] of moved) {
    if (seen.has(originalStart) || skipped.has(originalStart)) continue;
    if (isRuleDate(session, originalStart))
      out.push({
        occurrenceId: originalStart,
        startsAt: iso(move.startsAt),
        durationMinutes: move.durationMinutes ?? session.durationMinutes,
        moved: true,
      });
  }
  return out
    .filter((o) => {
      const at = Date.parse(o.startsAt);
      return at >= from.getTime() && at < to.getTime();
    })
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0))
    .slice(0, limit);
}

/** True when the rule of the session gives an occurrence starting at `originalStart`. */
export function isRuleDate(session: RecurringShape, originalStart: string): boolean {
  if (!session.recurrence) return iso(session.startsAt) === iso(originalStart);
  const floating = floatingMs(wallClockOf(originalStart, session.timeZone));
  const hit = ruleDatesBetween(
    { ...session, recurrence: session.recurrence },
    floating - 1000,
    floating + 1000,
    MAX_OCCURRENCES_PER_DAY,
  );
  return hit.some(
    (d) => instantOfWallClock(d.getTime(), session.timeZone).toISOString() === iso(originalStart),
  );
}

/**
 * When the last occurrence ends (ISO), or undefined for a series without end. Reminders and the
 * calendar use it to skip series that are over. A series that ends by UNTIL is taken to run until
 * then (an upper bound, without walking the rule).
 */
export function lastEndOf(session: RecurringShape): string | undefined {
  const recurrence = session.recurrence;
  const firstEnd = new Date(Date.parse(session.startsAt) + session.durationMinutes * 60_000).toISOString();
  if (!recurrence) return firstEnd;
  // A rule refused now (stored before the limits) gives no dates: see ruleDatesBetween.
  if (!isAcceptedRule(recurrence.rule)) return firstEnd;
  const { options, start } = ruleOf({ ...session, recurrence });
  if (!options.count && !options.until) return undefined;
  const durationMs = session.durationMinutes * 60_000;
  const lastMoved = Math.max(
    0,
    ...recurrence.moved.map(
      (m) => Date.parse(m.startsAt) + (m.durationMinutes ?? session.durationMinutes) * 60_000,
    ),
  );
  let lastRegular: number;
  if (options.count) {
    const rule = anchoredRule(options, start);
    const all = rule.all((_date, index) => index < MAX_OCCURRENCES);
    const last = all[all.length - 1];
    lastRegular = last
      ? instantOfWallClock(last.getTime(), session.timeZone).getTime() + durationMs
      : Date.parse(session.startsAt);
  } else {
    const until = options.until?.getTime() ?? start;
    lastRegular = Math.max(
      Date.parse(session.startsAt),
      instantOfWallClock(until, session.timeZone).getTime() + durationMs,
    );
  }
  return new Date(Math.max(lastMoved, lastRegular)).toISOString();
}

/** An ISO instant in the canonical `toISOString` form (ids compare as text). */
export function iso(value: string): string {
  return new Date(value).toISOString();
}
