import { describe, expect, it } from "vitest";
import {
  isRuleDate,
  lastEndOf,
  occurrencesBetween,
  problemOfRule,
  type RecurringShape,
} from "../../../src/domain/sessions/recurrence.js";
import { wallClockOf } from "../../../src/domain/sessions/zonedTime.js";

const weeklyBerlin: RecurringShape = {
  // Tuesday 20 October 2026, 09:00 in Berlin (summer time, UTC+2).
  startsAt: "2026-10-20T07:00:00.000Z",
  durationMinutes: 60,
  timeZone: "Europe/Berlin",
  recurrence: { rule: "FREQ=WEEKLY;BYDAY=TU;COUNT=4", exceptions: [], moved: [] },
};
const range = (from: string, to: string) => [new Date(from), new Date(to)] as const;

describe("recurrence in the series' time zone", () => {
  it("a weekly 09:00 Europe/Berlin series stays at 09:00 local across the October DST change and moves in UTC", () => {
    const occurrences = occurrencesBetween(
      weeklyBerlin,
      ...range("2026-10-01T00:00:00Z", "2026-12-01T00:00:00Z"),
    );
    expect(occurrences.map((o) => o.startsAt)).toEqual([
      "2026-10-20T07:00:00.000Z",
      "2026-10-27T08:00:00.000Z", // summer time ended on 25 October: 09:00 is now UTC+1
      "2026-11-03T08:00:00.000Z",
      "2026-11-10T08:00:00.000Z",
    ]);
    for (const o of occurrences) {
      const wall = wallClockOf(o.startsAt, "Europe/Berlin");
      expect([wall.hour, wall.minute]).toEqual([9, 0]);
    }
  });

  it("also across the spring change, and in a zone west of UTC", () => {
    const ny: RecurringShape = {
      startsAt: "2027-03-02T14:30:00.000Z", // 09:30 EST
      durationMinutes: 30,
      timeZone: "America/New_York",
      recurrence: { rule: "FREQ=WEEKLY;COUNT=3", exceptions: [], moved: [] },
    };
    expect(
      occurrencesBetween(ny, ...range("2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z")).map((o) => o.startsAt),
    ).toEqual([
      "2027-03-02T14:30:00.000Z",
      "2027-03-09T14:30:00.000Z",
      "2027-03-16T13:30:00.000Z", // EDT from 14 March
    ]);
  });

  it("leaves out exceptions (EXDATE) and shows moved occurrences at their new time, keeping their id", () => {
    const series: RecurringShape = {
      ...weeklyBerlin,
      recurrence: {
        rule: "FREQ=WEEKLY;BYDAY=TU;COUNT=4",
        exceptions: ["2026-10-27T08:00:00.000Z"],
        moved: [{ originalStart: "2026-11-03T08:00:00.000Z", startsAt: "2026-11-05T13:00:00.000Z" }],
      },
    };
    const occurrences = occurrencesBetween(series, ...range("2026-10-01T00:00:00Z", "2026-12-01T00:00:00Z"));
    expect(occurrences.map((o) => [o.occurrenceId, o.startsAt, o.moved])).toEqual([
      ["2026-10-20T07:00:00.000Z", "2026-10-20T07:00:00.000Z", false],
      ["2026-11-03T08:00:00.000Z", "2026-11-05T13:00:00.000Z", true],
      ["2026-11-10T08:00:00.000Z", "2026-11-10T08:00:00.000Z", false],
    ]);
    // A range that holds only the moved time still finds it.
    expect(occurrencesBetween(series, ...range("2026-11-05T00:00:00Z", "2026-11-06T00:00:00Z"))).toHaveLength(
      1,
    );
    expect(isRuleDate(series, "2026-11-03T08:00:00.000Z")).toBe(true);
    expect(isRuleDate(series, "2026-11-03T07:00:00.000Z")).toBe(false);
  });

  it("knows when a series ends, and that an open series does not", () => {
    expect(lastEndOf(weeklyBerlin)).toBe("2026-11-10T09:00:00.000Z");
    expect(
      lastEndOf({ ...weeklyBerlin, recurrence: { rule: "FREQ=WEEKLY", exceptions: [], moved: [] } }),
    ).toBeUndefined();
    expect(lastEndOf({ ...weeklyBerlin, recurrence: undefined })).toBe("2026-10-20T08:00:00.000Z");
  });

  it("refuses rules that are not RFC 5545 or too frequent, in words", () => {
    expect(problemOfRule("FREQ=WEEKLY;BYDAY=TU")).toBeUndefined();
    expect(problemOfRule("RRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=6")).toBeUndefined();
    expect(problemOfRule("FREQ=HOURLY")).toMatch(/daily at most/);
    expect(problemOfRule("every tuesday")).toBeDefined();
    expect(problemOfRule("DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY")).toMatch(/DTSTART/);
  });
});
