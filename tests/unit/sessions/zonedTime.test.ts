import { describe, expect, it } from "vitest";
import {
  floatingMs,
  instantOfWallClock,
  offsetMinutesAt,
  wallClockOf,
} from "../../../src/domain/sessions/zonedTime.js";

/** The offset read straight from Intl, without the remembered stretches. */
function intlOffset(epochMs: number, timeZone: string): number {
  return Math.round((floatingMs(wallClockOf(epochMs, timeZone)) - epochMs) / 60_000);
}

describe("zone offsets remembered between reads", () => {
  it("are the offsets Intl gives, every hour across a year and its changes, forwards and backwards", () => {
    for (const zone of [
      "Europe/Berlin",
      "America/New_York",
      "Australia/Lord_Howe",
      "Asia/Tehran",
      "Africa/Casablanca",
    ]) {
      const start = Date.UTC(2026, 0, 1);
      const steps = 366 * 24;
      for (let i = 0; i <= steps; i++) {
        const at = start + i * 3_600_000;
        expect(offsetMinutesAt(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(intlOffset(at, zone));
      }
      for (let i = steps; i >= 0; i -= 5) {
        const at = start + i * 3_600_000;
        expect(offsetMinutesAt(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(intlOffset(at, zone));
      }
    }
  });

  it("turn wall-clock times into the same instants as reading Intl every time, across the changes", () => {
    const reference = (floating: number, zone: string) => {
      const first = floating - intlOffset(floating, zone) * 60_000;
      const settled = floating - intlOffset(first, zone) * 60_000;
      const earlier = Math.min(first, settled);
      return floatingMs(wallClockOf(earlier, zone)) === floating ? earlier : settled;
    };
    for (const zone of ["Europe/Berlin", "America/New_York"]) {
      for (let hour = 0; hour <= 366 * 24; hour += 1) {
        const floating = Date.UTC(2026, 0, 1) + hour * 3_600_000 + 30 * 60_000;
        expect(instantOfWallClock(floating, zone).getTime(), `${zone} ${hour}`).toBe(
          reference(floating, zone),
        );
      }
    }
    // A time skipped by the spring change moves forward by the gap.
    expect(instantOfWallClock(Date.UTC(2026, 2, 29, 2, 30), "Europe/Berlin").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });
});
