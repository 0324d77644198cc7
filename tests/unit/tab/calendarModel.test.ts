import { describe, expect, it } from "vitest";
import type { Session } from "../../../src/tab/api/sessions.js";
import {
  addMonths,
  byDay,
  dayKeyOf,
  monthGrid,
  rangeOf,
  utcToZoned,
  weekDays,
  zonedToUtc,
} from "../../../src/tab/pages/Calendar/calendarModel.js";
import { withRsvp } from "../../../src/tab/pages/Calendar/rsvpModel.js";
import { sessionFormIssues, toSessionBody } from "../../../src/tab/pages/Calendar/sessionFormModel.js";

describe("calendar grid (viewer's time zone, across DST)", () => {
  it("builds a Monday-first week that crosses Europe's spring-forward Sunday with seven distinct days", () => {
    // 2026-03-29 is the Sunday clocks go forward in Europe: a 23-hour day.
    expect(weekDays("2026-03-26")).toEqual([
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
      "2026-03-26",
      "2026-03-27",
      "2026-03-28",
      "2026-03-29",
    ]);
    expect(weekDays("2026-03-29", 0)[0]).toBe("2026-03-29");
  });

  it("builds whole weeks for a month, padded with the neighbours' days", () => {
    const march = monthGrid("2026-03-15");
    expect(march).toHaveLength(6);
    expect(march[0]?.[0]).toBe("2026-02-23");
    expect(march.at(-1)?.at(-1)).toBe("2026-04-05");
    expect(new Set(march.flat()).size).toBe(42);
    // October 2026 holds the fall-back change (2026-10-25): still 7 days per row, every day once.
    const october = monthGrid("2026-10-01").flat();
    expect(october.filter((day) => day.startsWith("2026-10"))).toHaveLength(31);
  });

  it("moves by months and clamps to the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
  });

  it("puts a session on the day it starts in the viewer's zone", () => {
    // 23:30 UTC on 28 March is already 29 March in Berlin but still 28 March in New York.
    expect(dayKeyOf("2026-03-28T23:30:00.000Z", "Europe/Berlin")).toBe("2026-03-29");
    expect(dayKeyOf("2026-03-28T23:30:00.000Z", "America/New_York")).toBe("2026-03-28");
    const grouped = byDay(
      [{ startsAt: "2026-03-29T08:00:00.000Z" }, { startsAt: "2026-03-28T23:30:00.000Z" }],
      "Europe/Berlin",
    );
    expect([...grouped.keys()]).toEqual(["2026-03-29"]);
    expect(grouped.get("2026-03-29")?.map((s) => s.startsAt)).toEqual([
      "2026-03-28T23:30:00.000Z",
      "2026-03-29T08:00:00.000Z",
    ]);
  });

  it("converts a wall-clock start to UTC with the offset of that day, not of today", () => {
    expect(zonedToUtc("2026-03-28", "10:00", "Europe/Berlin")).toBe("2026-03-28T09:00:00.000Z");
    expect(zonedToUtc("2026-03-29", "10:00", "Europe/Berlin")).toBe("2026-03-29T08:00:00.000Z");
    expect(zonedToUtc("2026-10-25", "10:00", "Europe/Berlin")).toBe("2026-10-25T09:00:00.000Z");
    expect(zonedToUtc("2026-03-08", "09:30", "America/New_York")).toBe("2026-03-08T13:30:00.000Z");
    // 02:30 does not exist on the spring-forward night: it moves forward by the gap.
    expect(zonedToUtc("2026-03-29", "02:30", "Europe/Berlin")).toBe("2026-03-29T01:30:00.000Z");
    expect(utcToZoned("2026-03-29T08:00:00.000Z", "Europe/Berlin")).toEqual({
      date: "2026-03-29",
      time: "10:00",
    });
  });
});

describe("session form", () => {
  const values = {
    title: "Pairing on pipelines",
    format: "think-pair-share" as const,
    date: "2026-03-29",
    time: "10:00",
    durationMinutes: "30",
    agenda: " Check-in \n\nThink\n",
    description: "",
    joinUrl: "",
    timeZone: "Europe/Berlin",
  };

  it("sends the start in UTC, the viewer's zone and the agenda one item per line", () => {
    expect(toSessionBody(values)).toEqual({
      title: "Pairing on pipelines",
      format: "think-pair-share",
      startsAt: "2026-03-29T08:00:00.000Z",
      durationMinutes: 30,
      timeZone: "Europe/Berlin",
      description: "",
      agenda: ["Check-in", "Think"],
    });
  });

  it("flags a short title, a missing time, a silly duration and a non-https join link", () => {
    expect(sessionFormIssues(values)).toEqual({});
    expect(
      sessionFormIssues({ ...values, title: "x", time: "", durationMinutes: "2", joinUrl: "http://x" }),
    ).toEqual({
      title: "calendar.titleRequired",
      start: "calendar.startRequired",
      duration: "calendar.durationInvalid",
      joinUrl: "calendar.joinUrlInvalid",
    });
  });
});

describe("optimistic RSVP", () => {
  const session = {
    myRsvp: "maybe",
    rsvpCounts: { going: 3, maybe: 1, no: 0 },
  } as Session;

  it("moves the caller's count from the old answer to the new one", () => {
    const next = withRsvp(session, "going");
    expect(next.myRsvp).toBe("going");
    expect(next.rsvpCounts).toEqual({ going: 4, maybe: 0, no: 0 });
    // The cached session is left as it was, so a failed save can roll back to it.
    expect(session.rsvpCounts).toEqual({ going: 3, maybe: 1, no: 0 });
  });

  it("adds a first answer without taking from another", () => {
    const first = withRsvp({ ...session, myRsvp: undefined } as Session, "no");
    expect(first.rsvpCounts).toEqual({ going: 3, maybe: 1, no: 1 });
  });
});

describe("rangeOf", () => {
  it("asks for the past three months up to the end of today for past sessions, in the viewer's zone", () => {
    expect(rangeOf("past", "2026-12-04", "2026-12-04", "Europe/Berlin")).toEqual({
      from: "2026-09-02T22:00:00.000Z",
      to: "2026-12-04T23:00:00.000Z",
    });
  });

  it("asks for the week from its Monday, whichever day of it is the anchor", () => {
    expect(rangeOf("week", "2026-12-04", "2026-12-04", "UTC")).toEqual({
      from: "2026-11-30T00:00:00.000Z",
      to: "2026-12-07T00:00:00.000Z",
    });
  });
});
