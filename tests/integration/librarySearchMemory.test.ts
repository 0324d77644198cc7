import { beforeAll, describe, expect, it } from "vitest";
import { SyncedLibrarySearch } from "../../src/search/memory/syncedLibrarySearch.js";
import { generateLibrary } from "../../src/server/local/generatedLibrary.js";
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
});
