import rrulePackage from "rrule";
import { describe, expect, it } from "vitest";
import {
  isRuleDate,
  lastEndOf,
  MAX_OCCURRENCES,
  occurrencesBetween,
  problemOfRule,
  type RecurringShape,
} from "../../../src/domain/sessions/recurrence.js";
import { floatingMs, instantOfWallClock, wallClockOf } from "../../../src/domain/sessions/zonedTime.js";

const { RRule } = rrulePackage;

const series = (
  rule: string,
  startsAt = "2026-01-06T08:00:00.000Z",
  timeZone = "Europe/Berlin",
): RecurringShape => ({
  startsAt,
  durationMinutes: 60,
  timeZone,
  recurrence: { rule, exceptions: [], moved: [] },
});

/** The plain expansion: rrule walked from the series' own start, every date, then the range cut. */
function reference(session: RecurringShape, from: string, to: string): string[] {
  const options = RRule.parseString(session.recurrence?.rule ?? "");
  const dtstart = new Date(floatingMs(wallClockOf(session.startsAt, session.timeZone)));
  const rule = new RRule({ ...options, dtstart, tzid: null });
  return rule
    .between(new Date(Date.parse(from) - 86_400_000), new Date(Date.parse(to) + 86_400_000), true)
    .map((d) => instantOfWallClock(d.getTime(), session.timeZone).toISOString())
    .filter((at) => at >= new Date(from).toISOString() && at < new Date(to).toISOString());
}

describe("repeat rules a community calendar needs, and no more", () => {
  it("refuses many sessions a day (the issue's rule was accepted with 201), with a clear message", () => {
    expect(
      problemOfRule(
        "FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,30",
      ),
    ).toMatch(/at most 4 sessions a day/);
    expect(problemOfRule("FREQ=DAILY;BYHOUR=9,10,11;BYMINUTE=0,30")).toMatch(/at most 4 sessions a day/);
    expect(problemOfRule("FREQ=DAILY;BYSECOND=0,1,2,3,4")).toMatch(/at most 4 sessions a day/);
    expect(problemOfRule("FREQ=MINUTELY")).toMatch(/daily at most/);
    expect(problemOfRule("FREQ=SECONDLY")).toMatch(/daily at most/);
    expect(problemOfRule("FREQ=DAILY;BYHOUR=9,13;BYMINUTE=0,30")).toBeUndefined();
    expect(problemOfRule("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")).toBeUndefined();
    expect(problemOfRule("FREQ=WEEKLY;INTERVAL=200")).toMatch(/INTERVAL/);
  });

  it("refuses rules that give no dates or hardly any, which make every expansion walk for years", () => {
    expect(problemOfRule("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")).toMatch(/gives no dates/);
    expect(problemOfRule("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6")).toMatch(/gives no dates/);
    expect(problemOfRule("FREQ=MONTHLY;BYDAY=6MO")).toBeDefined();
    expect(problemOfRule("FREQ=DAILY;BYMONTHDAY=1")).toMatch(/use FREQ=WEEKLY/);
    expect(problemOfRule("FREQ=MONTHLY;BYMONTH=3")).toMatch(/use FREQ=YEARLY/);
    // What communities do: weekly, every other week, first Monday, last Friday, yearly, weekdays.
    for (const ok of [
      "FREQ=WEEKLY",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
      "FREQ=MONTHLY;BYDAY=1MO",
      "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1",
      "FREQ=MONTHLY;BYMONTHDAY=31",
      "FREQ=YEARLY",
      "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
      "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=20",
    ])
      expect(problemOfRule(ok), ok).toBeUndefined();
  });
});

describe("expansion bounded by the range, not by the series' age", () => {
  it("gives the same dates as a walk from the series' start, for ranges years after it", () => {
    const rules = [
      "FREQ=DAILY;INTERVAL=3",
      "FREQ=DAILY;BYHOUR=8,17",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE",
      "FREQ=WEEKLY;BYDAY=SU;WKST=SU;INTERVAL=3",
      "FREQ=MONTHLY;BYMONTHDAY=31",
      "FREQ=MONTHLY;INTERVAL=5;BYDAY=-1FR",
      "FREQ=MONTHLY",
      "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
      "FREQ=YEARLY;INTERVAL=2",
      "FREQ=WEEKLY;UNTIL=20400101T000000Z",
    ];
    for (const rule of rules) {
      // Saturday 31 January 2026, 09:30 in Berlin.
      const session = series(rule, "2026-01-31T08:30:00.000Z");
      for (const [from, to] of [
        ["2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"],
        ["2031-03-17T00:00:00Z", "2032-04-01T00:00:00Z"],
        ["2039-11-01T00:00:00Z", "2040-03-01T00:00:00Z"],
      ] as const)
        expect(
          occurrencesBetween(session, new Date(from), new Date(to)).map((o) => o.startsAt),
          `${rule} ${from}`,
        ).toEqual(reference(session, from, to).slice(0, MAX_OCCURRENCES));
    }
  });

  it("answers a range in the year 9000 of an endless daily series (rrule walked there for 10 s, heap and all)", () => {
    const daily = series("FREQ=DAILY;BYHOUR=9,10,11,12");
    const found = occurrencesBetween(
      daily,
      new Date("9000-06-01T00:00:00Z"),
      new Date("9001-06-01T00:00:00Z"),
    );
    expect(found).toHaveLength(MAX_OCCURRENCES);
    expect(found[0]?.startsAt).toBe("9000-06-01T07:00:00.000Z");
    expect(isRuleDate(daily, "9000-06-02T08:00:00.000Z")).toBe(true);
    expect(isRuleDate(daily, "9000-06-02T08:30:00.000Z")).toBe(false);
  });

  it("returns at most the limit asked for, the soonest first", () => {
    const daily = series("FREQ=DAILY");
    const three = occurrencesBetween(
      daily,
      new Date("2026-03-01T00:00:00Z"),
      new Date("2027-03-01T00:00:00Z"),
      3,
    );
    expect(three.map((o) => o.startsAt)).toEqual([
      "2026-03-01T08:00:00.000Z",
      "2026-03-02T08:00:00.000Z",
      "2026-03-03T08:00:00.000Z",
    ]);
  });

  it("takes a series with UNTIL to run until then without walking it", () => {
    expect(lastEndOf(series("FREQ=DAILY;UNTIL=99991201T000000Z"))).toBe("9999-12-01T01:00:00.000Z");
  });
});

describe("series stored before the limits", () => {
  it("expand to nothing when their rule is refused now, instead of walking rrule to the year 9999", () => {
    const never = series("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30");
    expect(
      occurrencesBetween(never, new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z")),
    ).toEqual([]);
    const everyMinute = series("FREQ=DAILY;BYHOUR=9;BYMINUTE=0,1,2,3,4,5,6,7,8,9");
    expect(
      occurrencesBetween(everyMinute, new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z")),
    ).toEqual([]);
  });
});
