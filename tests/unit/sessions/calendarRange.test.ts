import { describe, expect, it } from "vitest";
import { byDay, rangeOf, viewerTimeZone } from "../../../src/tab/pages/Calendar/calendarModel.js";
import { repeatOf, ruleOf, toSessionBody } from "../../../src/tab/pages/Calendar/sessionFormModel.js";

describe("calendar ranges in the viewer's time zone", () => {
  it("asks for a week from Monday midnight to the next Monday midnight in the viewer's zone, across the DST change", () => {
    // The week of 19 October 2026 ends with Berlin leaving summer time on Sunday the 25th.
    expect(rangeOf("week", "2026-10-22", "2026-10-22", "Europe/Berlin")).toEqual({
      from: "2026-10-18T22:00:00.000Z", // Monday 19 October 00:00 CEST
      to: "2026-10-25T23:00:00.000Z", // Monday 26 October 00:00 CET: a 169-hour week
    });
    expect(rangeOf("week", "2026-10-22", "2026-10-22", "America/Los_Angeles").from).toBe(
      "2026-10-19T07:00:00.000Z",
    );
  });

  it("asks for a month as its whole weeks, and the list from today", () => {
    expect(rangeOf("month", "2026-11-15", "2026-11-15", "Asia/Tokyo")).toEqual({
      from: "2026-10-25T15:00:00.000Z", // Monday 26 October 00:00 JST
      to: "2026-12-06T15:00:00.000Z", // after Sunday 6 December
    });
    expect(rangeOf("list", "2026-11-15", "2026-11-15", "UTC")).toEqual({
      from: "2026-11-15T00:00:00.000Z",
      to: "2027-02-15T00:00:00.000Z",
    });
  });

  it("puts an occurrence on the viewer's day, which may differ from the organiser's", () => {
    // 09:00 Berlin on Tuesday is Monday evening in Los Angeles.
    const days = byDay([{ startsAt: "2026-11-03T08:00:00.000Z" }], "America/Los_Angeles");
    expect([...days.keys()]).toEqual(["2026-11-03"]);
    expect([...byDay([{ startsAt: "2026-11-03T06:00:00.000Z" }], "America/Los_Angeles").keys()]).toEqual([
      "2026-11-02",
    ]);
  });

  it("takes the zone Teams reports when it is a real one", () => {
    expect(viewerTimeZone({ app: { osLocaleInfo: { timezone: "Asia/Kolkata" } } })).toBe("Asia/Kolkata");
    expect(viewerTimeZone({ app: { osLocaleInfo: { timezone: "Not/AZone" } } })).toBe(viewerTimeZone());
  });
});

describe("repeat choices in the session form", () => {
  it("turns choices into RRULEs and back", () => {
    expect(ruleOf("weekly", "6")).toBe("FREQ=WEEKLY;COUNT=6");
    expect(ruleOf("biweekly", "")).toBe("FREQ=WEEKLY;INTERVAL=2");
    expect(ruleOf("none", "3")).toBeUndefined();
    expect(repeatOf("FREQ=MONTHLY;COUNT=4")).toEqual({ repeat: "monthly", repeatCount: "4" });
    expect(repeatOf("FREQ=WEEKLY;BYDAY=TU,TH")).toEqual({ repeat: "custom", repeatCount: "" });
  });

  const values = {
    title: "Weekly café",
    format: "knowledge-cafe" as const,
    date: "2026-10-20",
    time: "09:00",
    durationMinutes: "60",
    agenda: "",
    description: "",
    joinUrl: "",
    timeZone: "Europe/Berlin",
  };

  it("sends a new rule, a removed one as null, an unchanged one not at all (skipped dates stay)", () => {
    expect(toSessionBody({ ...values, repeat: "weekly", repeatCount: "6" }).recurrence).toEqual({
      rule: "FREQ=WEEKLY;COUNT=6",
    });
    expect(toSessionBody({ ...values, repeat: "none", initialRule: "FREQ=WEEKLY" }).recurrence).toBeNull();
    expect(
      "recurrence" in
        toSessionBody({ ...values, repeat: "weekly", repeatCount: "", initialRule: "FREQ=WEEKLY" }),
    ).toBe(false);
  });

  it("asks for a Teams meeting instead of a typed join link", () => {
    const body = toSessionBody({
      ...values,
      joinUrl: "https://x.example",
      teamsMeeting: true,
      attendees: "community",
    });
    expect(body.teamsMeeting).toEqual({ attendees: "community" });
    expect(body.joinUrl).toBeUndefined();
  });
});
