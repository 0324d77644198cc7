import { beforeAll, describe, expect, it, vi } from "vitest";
import type { EntryRepository } from "../../src/domain/library/entryRepository.js";
import { generateLibrary } from "../../src/local/generatedLibrary.js";
import { SyncedLibrarySearch } from "../../src/search/memory/syncedLibrarySearch.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { freshTableStore } from "../support/testServer.js";

const tenantId = "aaaaaaaa-0000-4000-8000-000000000001";
const people = [{ id: "u-ada", displayName: "Ada" }];

describe("library search indexes of idle communities", () => {
  let entries: TablesEntryRepository;

  beforeAll(async () => {
    const store = await freshTableStore();
    entries = new TablesEntryRepository(store);
    await entries.importMany(generateLibrary(tenantId, "busy", 30, people, 1));
    await entries.importMany(generateLibrary(tenantId, "quiet", 30, people, 2));
    const [asked, ...rest] = generateLibrary(tenantId, "asked", 3, people, 3);
    if (!asked) throw new Error("no entry generated");
    const by = { id: "u-bob", displayName: "Bob" };
    await entries.importMany(
      [{ ...asked, removalRequestedBy: by, removalRequestedAt: asked.createdAt }, ...rest],
      {
        // An old request: no longer in the change log's window, so only the build can leave it out.
        changeLog: false,
      },
    );
  });

  it("builds an index without the entries whose removal was asked for", async () => {
    const search = new SyncedLibrarySearch(entries);
    const page = await search.search(tenantId, ["asked"], { limit: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.id)).not.toContain("gen-000000");
  });

  it("drops an index nobody searched for a while and builds it again on the next search", async () => {
    let now = Date.parse("2026-01-01T10:00:00Z");
    const search = new SyncedLibrarySearch(entries, { idleMs: 10 * 60_000, now: () => new Date(now) });
    const quietFirst = await search.search(tenantId, ["quiet"], { limit: 5 });
    await search.search(tenantId, ["busy"], { limit: 5 });
    expect(search.heldIndexes).toBe(2);

    now += 6 * 60_000;
    await search.search(tenantId, ["busy"], { limit: 5 });
    expect(search.heldIndexes).toBe(2); // "quiet" idle for 6 minutes: kept

    now += 6 * 60_000;
    await search.search(tenantId, ["busy"], { limit: 5 });
    expect(search.heldIndexes).toBe(1); // "quiet" idle for 12 minutes: dropped, "busy" kept

    const quietAgain = await search.search(tenantId, ["quiet"], { limit: 5 });
    expect(search.heldIndexes).toBe(2);
    expect(quietAgain.total).toBe(30);
    expect(quietAgain.items.map((i) => i.id)).toEqual(quietFirst.items.map((i) => i.id));
  });

  it("lets the least recently searched indexes go when together they pass the byte budget", async () => {
    const one = (await new SyncedLibrarySearch(entries).rebuild(tenantId, "busy")).approximateBytes();
    expect(one).toBeGreaterThan(0);
    const search = new SyncedLibrarySearch(entries, { maxBytes: Math.round(one * 1.5) });
    await search.search(tenantId, ["busy"], { limit: 5 });
    await search.search(tenantId, ["quiet"], { limit: 5 });
    expect(search.heldIndexes).toBe(1); // "busy" searched longer ago: let go
    expect(search.heldBytes).toBeLessThanOrEqual(Math.round(one * 1.5));
    const busyAgain = await search.search(tenantId, ["busy"], { limit: 5 });
    expect(busyAgain.total).toBe(30); // loaded again, "quiet" let go in turn
    expect(search.heldIndexes).toBe(1);
  });

  it("answers a first search from what is loaded so far, says so, and from the whole library once loaded", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Storage that holds the library's first page back until released: the load is "still running".
    const slow: EntryRepository = Object.assign(Object.create(entries) as EntryRepository, {
      list: async (...args: Parameters<EntryRepository["list"]>) => {
        await gate;
        return entries.list(...args);
      },
    });
    const search = new SyncedLibrarySearch(slow, { firstAnswerMs: 0 });
    const early = await search.search(tenantId, ["busy"], { limit: 5 });
    expect(early.incomplete).toEqual({ indexed: 0 });
    expect(early.total).toBe(0);
    release();
    // The same load goes on: a later search answers from the whole library.
    const later = await vi.waitFor(async () => {
      const page = await search.search(tenantId, ["busy"], { limit: 5 });
      expect(page.incomplete).toBeUndefined();
      return page;
    });
    expect(later.total).toBe(30);
  });
});
