import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Session } from "../../../src/domain/sessions/session.js";
import { sessionCalendarFile } from "../../../src/domain/sessions/sessionCalendarFile.js";

const base: Session = {
  tenantId: "t1",
  communityId: "c1",
  id: "series-1",
  title: "Weekly café",
  format: "knowledge-cafe",
  startsAt: "2026-10-20T07:00:00.000Z", // 09:00 Berlin, summer time
  durationMinutes: 60,
  timeZone: "Europe/Berlin",
  description: "Bring a question.",
  agenda: ["Question", "Rounds"],
  roles: [],
  joinUrl: "https://teams.microsoft.com/l/meetup-join/abc",
  recurrence: {
    rule: "FREQ=WEEKLY;BYDAY=TU;COUNT=5",
    exceptions: ["2026-10-27T08:00:00.000Z"],
    moved: [{ originalStart: "2026-11-03T08:00:00.000Z", startsAt: "2026-11-05T13:00:00.000Z" }],
  },
  cancelled: false,
  createdBy: { id: "u-ada", displayName: "Ada Lovelace" },
  createdAt: "2026-10-01T10:00:00.000Z",
  updatedAt: "2026-10-02T10:00:00.000Z",
  etag: "x",
};
const single: Session = {
  ...base,
  id: "single-1",
  title: "One-off review",
  recurrence: undefined,
  startsAt: "2027-01-12T15:30:00.000Z",
  timeZone: "America/New_York",
  durationMinutes: 45,
  joinUrl: undefined,
  cancelled: true,
};
delete single.recurrence;
delete single.joinUrl;

/** Parses with ical.js (an independent RFC 5545 implementation), registering the file's zones. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar;
}

describe(".ics export", () => {
  const text = sessionCalendarFile([base, single], {
    name: "Data Community sessions",
    linkOf: (s) => `https://peercircle.example/tab/session/${s.id}`,
    mailOf: (id) => (id === "u-ada" ? "ada@contoso.example" : undefined),
  });
  const calendar = parse(text);
  const events = calendar.getAllSubcomponents("vevent");

  it("writes the series with its time zone, rule, exception, organizer and URL", () => {
    const master = events.find(
      (e) => e.getFirstPropertyValue("uid") === "series-1@peercircle" && !e.hasProperty("recurrence-id"),
    );
    expect(master).toBeDefined();
    const event = new ICAL.Event(master);
    expect(event.summary).toBe("Weekly café");
    expect(event.startDate.zone?.tzid).toBe("Europe/Berlin");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-10-20T07:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-10-20T08:00:00.000Z");
    const rule = master?.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect([rule.freq, rule.count, rule.parts.BYDAY]).toEqual(["WEEKLY", 5, ["TU"]]);
    const exdate = master?.getFirstPropertyValue("exdate") as ICAL.Time;
    expect([exdate.zone?.tzid, exdate.toString(), exdate.toJSDate().toISOString()]).toEqual([
      "Europe/Berlin",
      "2026-10-27T09:00:00",
      "2026-10-27T08:00:00.000Z",
    ]);
    expect(String(master?.getFirstPropertyValue("organizer"))).toBe("mailto:ada@contoso.example");
    expect(master?.getFirstProperty("organizer")?.getParameter("cn")).toBe("Ada Lovelace");
    expect(master?.getFirstPropertyValue("url")).toBe("https://teams.microsoft.com/l/meetup-join/abc");
    expect(String(master?.getFirstPropertyValue("description"))).toContain("1. Question");
  });

  it("expands to the right instants across the DST change, without the exception and with the move", () => {
    const master = events.find(
      (e) => !e.hasProperty("recurrence-id") && e.getFirstPropertyValue("uid") === "series-1@peercircle",
    );
    const moved = events.find((e) => e.hasProperty("recurrence-id"));
    const event = new ICAL.Event(master);
    if (moved) event.relateException(moved);
    const iterator = event.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      starts.push(details.startDate.toJSDate().toISOString());
    }
    expect(starts).toEqual([
      "2026-10-20T07:00:00.000Z",
      // 27 October is excluded (EXDATE); 3 November moved to Thursday 5 November 14:00 local.
      "2026-11-05T13:00:00.000Z",
      "2026-11-10T08:00:00.000Z",
      "2026-11-17T08:00:00.000Z",
    ]);
  });

  it("writes a single session in its own zone, cancelled, linking back to PeerCircle", () => {
    const one = events.find((e) => e.getFirstPropertyValue("uid") === "single-1@peercircle");
    const event = new ICAL.Event(one);
    expect(event.startDate.zone?.tzid).toBe("America/New_York");
    expect(event.startDate.toString()).toBe("2027-01-12T10:30:00");
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-01-12T15:30:00.000Z");
    expect(event.isRecurring()).toBe(false);
    expect(one?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(one?.getFirstPropertyValue("url")).toBe("https://peercircle.example/tab/session/single-1");
  });
});
