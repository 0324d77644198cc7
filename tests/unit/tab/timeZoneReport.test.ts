import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiClient } from "../../../src/tab/api/ApiClient.js";
import { reportTimeZone } from "../../../src/tab/api/timeZone.js";

/** A browser's local storage, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe("the tab telling the server the browser's time zone", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("tells it once per zone and person, and again when the zone changes", async () => {
    vi.stubGlobal("localStorage", memoryStorage());
    const sent: unknown[] = [];
    const api = { request: async (...args: unknown[]) => void sent.push(args) } as unknown as ApiClient;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

    await reportTimeZone(api, "person-1");
    await reportTimeZone(api, "person-1");
    expect(sent).toEqual([["PUT", "/api/me/time-zone", { timeZone: zone }]]);
    await reportTimeZone(api, "person-2");
    expect(sent).toHaveLength(2);

    localStorage.setItem("peercircle.timeZone.person-1", "Pacific/Auckland"); // told before travelling
    await reportTimeZone(api, "person-1");
    expect(sent).toHaveLength(3);
  });

  it("keeps nothing when the server refused it, so the next start tells it again", async () => {
    vi.stubGlobal("localStorage", memoryStorage());
    const api = {
      request: async () => {
        throw new Error("503");
      },
    } as unknown as ApiClient;
    await expect(reportTimeZone(api, "person-1")).rejects.toThrow("503");
    expect(localStorage.length).toBe(0);
  });
});
