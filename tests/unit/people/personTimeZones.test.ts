import { describe, expect, it } from "vitest";
import { PersonTimeZones, type TimeZoneStore } from "../../../src/domain/people/personTimeZones.js";

function countingStore() {
  const puts: string[] = [];
  const store: TimeZoneStore = {
    zonesOf: async () => new Map(),
    put: async (_tenant, userId, zone) => {
      puts.push(`${userId}:${zone}`);
    },
  };
  return { store, puts };
}

describe("people's own time zones, remembered per instance", () => {
  it("writes an unchanged zone once, and remembers at most so many people, the longest unseen forgotten first", async () => {
    const { store, puts } = countingStore();
    const zones = new PersonTimeZones(store, 2);
    await zones.remember("t", "ana", "Europe/Berlin");
    await zones.remember("t", "ana", "Europe/Berlin");
    expect(puts).toEqual(["ana:Europe/Berlin"]);
    await zones.remember("t", "ben", "Asia/Tokyo");
    await zones.remember("t", "ana", "Europe/Berlin"); // seen again: ben is now the longest unseen
    await zones.remember("t", "cy", "America/Lima"); // a third person: ben is forgotten
    await zones.remember("t", "ana", "Europe/Berlin");
    await zones.remember("t", "ben", "Asia/Tokyo");
    expect(puts).toEqual(["ana:Europe/Berlin", "ben:Asia/Tokyo", "cy:America/Lima", "ben:Asia/Tokyo"]);
  });
});
