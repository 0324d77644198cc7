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

/**
 * Checks an RRULE a steward gave: parseable, daily or slower, no DTSTART of its own (the session's
 * start is it). Returns the problem in words, or undefined when it is fine.
 */
export function problemOfRule(rule: string): string | undefined {
  const text = rule.replace(/^RRULE:/i, "").trim();
  if (!text) return "Give a repeat rule, such as FREQ=WEEKLY;BYDAY=TU.";
  if (/DTSTART|\n/i.test(text)) return "The repeat rule takes its start from the session: leave DTSTART out.";
  try {
    const options = RRule.parseString(text);
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
  } catch {
    return "That repeat rule is not valid iCalendar (RFC 5545), e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=10.";
  }
  return undefined;
}

/** The rule without a leading `RRULE:`. */
export function normaliseRule(rule: string): string {
  return rule
    .replace(/^RRULE:/i, "")
    .trim()
    .toUpperCase();
}

function ruleOf(session: RecurringShape & { recurrence: SessionRecurrence }) {
  const options = RRule.parseString(normaliseRule(session.recurrence.rule));
  const dtstart = new Date(floatingMs(wallClockOf(session.startsAt, session.timeZone)));
  // UNTIL is an instant (…Z); the rule runs on floating wall-clock time, so compare like with like.
  const until = options.until ? new Date(floatingMs(wallClockOf(options.until, session.timeZone))) : null;
  return new RRule({ ...options, dtstart, until, tzid: null });
}

/**
 * The occurrences of a session that start in `[from, to)`, soonest first. The rule is expanded on
 * the wall clock of the session's time zone and each date turned into its instant there, so a
 * weekly 09:00 Europe/Berlin series is at 09:00 local in summer and in winter (07:00 then 08:00
 * UTC). Exceptions are left out; moved occurrences appear at their new time (even when the rule's
 * date is outside the range).
 */
export function occurrencesBetween(session: RecurringShape, from: Date, to: Date): Occurrence[] {
  const single = (): Occurrence[] => {
    const at = Date.parse(session.startsAt);
    return at >= from.getTime() && at < to.getTime()
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
  const rule = ruleOf({ ...session, recurrence });
  const skipped = new Set(recurrence.exceptions.map(iso));
  const moved = new Map(recurrence.moved.map((m) => [iso(m.originalStart), m]));
  // Widen by a day each side: floating time is up to ±14 hours off the instant.
  const dates = rule.between(
    new Date(from.getTime() - 86_400_000),
    new Date(to.getTime() + 86_400_000),
    true,
  );
  const out: Occurrence[] = [];
  const seen = new Set<string>();
  for (const floating of dates.slice(0, MAX_OCCURRENCES)) {
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
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** True when the rule of the session gives an occurrence starting at `originalStart`. */
export function isRuleDate(session: RecurringShape, originalStart: string): boolean {
  if (!session.recurrence) return iso(session.startsAt) === iso(originalStart);
  const rule = ruleOf({ ...session, recurrence: session.recurrence });
  const floating = new Date(floatingMs(wallClockOf(originalStart, session.timeZone)));
  const hit = rule.between(new Date(floating.getTime() - 1000), new Date(floating.getTime() + 1000), true);
  return hit.some(
    (d) => instantOfWallClock(d.getTime(), session.timeZone).toISOString() === iso(originalStart),
  );
}

/**
 * When the last occurrence ends (ISO), or undefined for a series without end. Reminders and the
 * calendar use it to skip series that are over.
 */
export function lastEndOf(session: RecurringShape): string | undefined {
  const recurrence = session.recurrence;
  if (!recurrence)
    return new Date(Date.parse(session.startsAt) + session.durationMinutes * 60_000).toISOString();
  const rule = ruleOf({ ...session, recurrence });
  if (!rule.options.count && !rule.options.until) return undefined;
  const all = rule.all((_date, index) => index < MAX_OCCURRENCES);
  const last = all[all.length - 1];
  const lastMoved = Math.max(
    0,
    ...recurrence.moved.map(
      (m) => Date.parse(m.startsAt) + (m.durationMinutes ?? session.durationMinutes) * 60_000,
    ),
  );
  const lastRegular = last
    ? instantOfWallClock(last.getTime(), session.timeZone).getTime() + session.durationMinutes * 60_000
    : Date.parse(session.startsAt);
  return new Date(Math.max(lastMoved, lastRegular)).toISOString();
}

/** An ISO instant in the canonical `toISOString` form (ids compare as text). */
export function iso(value: string): string {
  return new Date(value).toISOString();
}
