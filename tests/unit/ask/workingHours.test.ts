import { describe, expect, it } from "vitest";
import { addWorkingHours } from "../../../src/domain/ask/workingHours.js";

describe("a response-time target in working hours on the expert's own clock", () => {
  it("counts within the working day", () => {
    // Tuesday 10:00 in Berlin (CET, UTC+1) + 4 h = 14:00 Berlin.
    expect(addWorkingHours(new Date("2026-12-08T09:00:00Z"), 4, "Europe/Berlin").toISOString()).toBe(
      "2026-12-08T13:00:00.000Z",
    );
  });

  it("carries over the night and the weekend", () => {
    // Friday 16:00 Berlin + 4 h: one hour on Friday, three on Monday from 09:00 → Monday 12:00.
    expect(addWorkingHours(new Date("2026-12-11T15:00:00Z"), 4, "Europe/Berlin").toISOString()).toBe(
      "2026-12-14T11:00:00.000Z",
    );
    // Saturday: starts Monday 09:00.
    expect(addWorkingHours(new Date("2026-12-12T12:00:00Z"), 2, "Europe/Berlin").toISOString()).toBe(
      "2026-12-14T10:00:00.000Z",
    );
  });

  it("reads the expert's zone, not the server's", () => {
    // The same instant is 04:00 in New York (before the day starts): 09:00 + 4 h = 13:00 EST.
    expect(addWorkingHours(new Date("2026-12-08T09:00:00Z"), 4, "America/New_York").toISOString()).toBe(
      "2026-12-08T18:00:00.000Z",
    );
  });

  it("counts in UTC when the zone is unknown", () => {
    expect(addWorkingHours(new Date("2026-12-08T09:00:00Z"), 4, "Mars/Olympus").toISOString()).toBe(
      "2026-12-08T13:00:00.000Z",
    );
  });
});
