import { beforeAll, describe, expect, it } from "vitest";
import { AskService } from "../../src/domain/ask/askService.js";
import { CommunityService } from "../../src/domain/communities/communityService.js";
import type { Caller } from "../../src/domain/identity.js";
import type { EntryRepository } from "../../src/domain/library/entryRepository.js";
import { LibraryService } from "../../src/domain/library/libraryService.js";
import { SyncedLibrarySearch } from "../../src/search/memory/syncedLibrarySearch.js";
import type { TableStore } from "../../src/storage/tableStore.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { freshTableStore } from "../support/testServer.js";

/**
 * Asking quotes the entries from the words the search index holds, so answering reads no entry
 * from storage; and that copy is never older than what the index searches: an entry edited or
 * erased through another instance is not quoted in its old form once the change log is read,
 * and a private community's entries are never quoted to someone outside it.
 */
const tenantId = "aaaaaaaa-0000-4000-8000-00000000a5c4";
const steward: Caller = { tenantId, userId: "u-steward", displayName: "Steward" };
const asker: Caller = { tenantId, userId: "u-asker", displayName: "Asker" };
const outsider: Caller = { tenantId, userId: "u-outsider", displayName: "Outsider" };

const QUESTION = "How do we rotate the warehouse credentials?";

/** One server instance's services over the shared tables; entry reads by anything but the index counted. */
function instance(store: TableStore, options: { fresh?: boolean } = {}) {
  const entries = new TablesEntryRepository(store);
  const reads: string[] = [];
  const counted: EntryRepository = Object.assign(Object.create(entries) as EntryRepository, {
    get: (t: string, c: string, id: string) => {
      reads.push(id);
      return entries.get(t, c, id);
    },
  });
  // `fresh`: every search reads the change log first, so a test need not wait for the background read.
  const search = new SyncedLibrarySearch(entries, options.fresh ? { freshnessMs: 0, maxStalenessMs: 0 } : {});
  const communities = new CommunityService(new TablesCommunityRepository(store));
  const library = new LibraryService(counted, communities, search);
  return { communities, library, asking: new AskService(library), reads };
}

function quoted(result: Awaited<ReturnType<AskService["ask"]>>): string {
  return result.answer.kind === "unknown" ? "" : result.answer.passages.map((p) => p.text).join(" ");
}

function cited(result: Awaited<ReturnType<AskService["ask"]>>): string[] {
  return result.answer.sources.map((s) => s.entryId);
}

describe("asking answers from the search index's own copy of the entries", () => {
  let store: TableStore;
  let openId: string;
  let privateId: string;

  beforeAll(async () => {
    store = await freshTableStore();
    const { communities } = instance(store);
    openId = (await communities.create(steward, { name: "Warehouse", purpose: "Data", privacy: "open" })).id;
    privateId = (await communities.create(steward, { name: "Secrets", purpose: "Ops", privacy: "private" }))
      .id;
    await communities.join(asker, openId);
  });

  it("quotes an entry without reading it from storage, and its new words once edited elsewhere", async () => {
    const a = instance(store, { fresh: true });
    const b = instance(store);
    const written = await b.library.create(steward, openId, {
      type: "howto",
      title: "Rotating warehouse credentials",
      body: "Rotate the warehouse credentials every quarter through the vault rotation job.\n\nNever paste them in chat.",
      tags: ["warehouse"],
    });

    const first = await a.asking.ask(asker, QUESTION);
    expect(cited(first)).toEqual([written.id]);
    expect(quoted(first)).toContain("every quarter through the vault rotation job");
    expect(a.reads).toEqual([]);

    await b.library.update(
      steward,
      openId,
      written.id,
      { body: "Rotate the warehouse credentials every month with the new secrets broker." },
      written.etag,
    );
    const edited = await a.asking.ask(asker, QUESTION);
    expect(quoted(edited)).toContain("every month with the new secrets broker");
    expect(quoted(edited)).not.toContain("vault rotation job");
    expect(a.reads).toEqual([]);

    await b.library.delete(steward, openId, written.id);
    const erased = await a.asking.ask(asker, QUESTION);
    expect(cited(erased)).not.toContain(written.id);
    expect(quoted(erased)).not.toContain("secrets broker");
  });

  it("never quotes a private community's entries to someone outside it, though its index is held", async () => {
    const a = instance(store, { fresh: true });
    const secret = await a.library.create(steward, privateId, {
      type: "howto",
      title: "Rotating the payroll warehouse credentials",
      body: "Rotate the payroll warehouse credentials with the break-glass account kept in the safe.",
      tags: ["warehouse"],
    });
    // The steward's question has the instance hold the private community's index and its words.
    expect(cited(await a.asking.ask(steward, QUESTION))).toContain(secret.id);

    for (const who of [asker, outsider]) {
      const result = await a.asking.ask(who, QUESTION);
      expect(cited(result)).not.toContain(secret.id);
      expect(quoted(result)).not.toContain("break-glass");
      // Asked for directly, the words are refused as the entry itself would be.
      await expect(a.library.quotable(who, privateId, [secret.id])).rejects.toThrow(/private/);
    }
  });
});
