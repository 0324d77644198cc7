import { beforeAll, describe, expect, it } from "vitest";
import { generateLibrary } from "../../src/local/generatedLibrary.js";
import { SyncedLibrarySearch } from "../../src/search/memory/syncedLibrarySearch.js";
import { keys, TABLES } from "../../src/storage/keys.js";
import type { TableStore } from "../../src/storage/tableStore.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { freshTableStore } from "../support/testServer.js";

const tenantId = "aaaaaaaa-0000-4000-8000-000000000002";
/** A person as Graph describes them: far more than an entry should keep about its author. */
const graphUser = {
  id: "u-zoe",
  displayName: "Zoë Fischer",
  mail: "zoe.fischer@contoso.example",
  jobTitle: "Data Scientist",
  officeLocation: "Toronto",
  managerId: "u-boss",
};

describe("people in library entries", () => {
  let store: TableStore;
  let entries: TablesEntryRepository;

  beforeAll(async () => {
    store = await freshTableStore();
    entries = new TablesEntryRepository(store);
  });

  it("stores and shows only a person's id and name, whatever object they came in", async () => {
    const [entry] = generateLibrary(tenantId, "people", 1, [graphUser], 1);
    if (!entry) throw new Error("no entry generated");
    await entries.importMany([{ ...entry, author: graphUser, savedBy: graphUser }]);

    const row = await store.getEntity<{ authorJson: string; savedByJson: string }>(
      TABLES.library,
      keys.library(tenantId, "people"),
      `entry|${entry.id}`,
    );
    expect(row && JSON.parse(row.authorJson)).toEqual({ id: "u-zoe", displayName: "Zoë Fischer" });
    expect(row && JSON.parse(row.savedByJson)).toEqual({ id: "u-zoe", displayName: "Zoë Fischer" });

    const hit = (await new SyncedLibrarySearch(entries).search(tenantId, ["people"], {})).items[0];
    expect(hit?.author).toEqual({ id: "u-zoe", displayName: "Zoë Fischer" });
  });

  it("reads only id and name from rows written with more", async () => {
    const [entry] = generateLibrary(tenantId, "older", 1, [graphUser], 2);
    if (!entry) throw new Error("no entry generated");
    await entries.importMany([entry]);
    // A row as an earlier version wrote it, with the whole profile in it.
    await store.table(TABLES.library).updateEntity(
      {
        partitionKey: keys.library(tenantId, "older"),
        rowKey: `entry|${entry.id}`,
        authorJson: JSON.stringify(graphUser),
      },
      "Merge",
    );
    const read = await entries.get(tenantId, "older", entry.id);
    expect(read?.author).toEqual({ id: "u-zoe", displayName: "Zoë Fischer" });
  });
});
