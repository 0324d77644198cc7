import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Entry } from "../../src/domain/library/entry.js";
import type { EntryRepository } from "../../src/domain/library/entryRepository.js";
import type { LibrarySearch, LibrarySearchPage } from "../../src/domain/library/librarySearch.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { freshTableStore } from "./testServer.js";

/**
 * Makes the implementation under test over the library's storage. Called once per server
 * instance the suite simulates: two calls are two instances sharing one storage.
 */
export type MakeLibrarySearch = (entries: EntryRepository) => LibrarySearch;

const tenantId = "aaaaaaaa-0000-4000-8000-00000000c0de";
const otherTenant = "bbbbbbbb-0000-4000-8000-00000000c0de";
const ada = { id: "u-ada", displayName: "Ada Lovelace" };
const bob = { id: "u-bob", displayName: "Bob Baker" };
/** How long another instance may take to see a write (the port promises about a second). */
const FRESH_WITHIN_MS = 5_000;

/** Words that never meet the searched ones, so fillers only make a library larger. */
const FILLER =
  "Retrospectives work better with a timekeeper and a clear question. Notes go to the channel afterwards.";

function entryOf(communityId: string, id: string, fields: Partial<Entry> = {}): Omit<Entry, "etag"> {
  const at = fields.createdAt ?? "2026-03-01T09:00:00.000Z";
  return {
    tenantId,
    communityId,
    id,
    type: "insight",
    title: `Notes ${id}`,
    body: FILLER,
    summary: "",
    tags: [],
    author: ada,
    savedBy: ada,
    source: { kind: "direct" },
    createdAt: at,
    updatedAt: at,
    helpfulCount: 0,
    ...fields,
  };
}

const ids = (page: LibrarySearchPage) => page.items.map((i) => i.id);

/**
 * What every implementation of the {@link LibrarySearch} port must do, against real storage
 * (Azurite): ranking basics, exact filters, highlights as ranges, prefix and typo matching, the
 * any-word fallback, deletes, several communities searched as one library with comparable
 * scores, tenants kept apart, and a write through one instance found through another.
 */
export function describeLibrarySearchContract(name: string, makeImpl: MakeLibrarySearch): void {
  describe(`${name}: the library search contract`, () => {
    let entries: EntryRepository;
    let search: LibrarySearch;

    beforeAll(async () => {
      entries = new TablesEntryRepository(await freshTableStore());
      const seeds: Omit<Entry, "etag">[] = [
        // "ranked": title beats text, and the word more often beats once.
        entryOf("ranked", "title", { title: "Pipeline caching in CI", body: "Cache the dependencies." }),
        entryOf("ranked", "text", {
          title: "Build times",
          body: `${FILLER} We also looked at the pipeline once. ${FILLER}`,
        }),
        entryOf("ranked", "none", { title: "Standups", body: FILLER }),
        // "filters": one of each facet.
        entryOf("filters", "qa-open", {
          type: "qa",
          title: "How do we rotate secrets?",
          tags: ["Security", "ops"],
          answered: false,
          createdAt: "2026-01-10T12:00:00.000Z",
          helpfulCount: 1,
        }),
        entryOf("filters", "qa-done", {
          type: "qa",
          title: "How do we page the on-call?",
          tags: ["ops"],
          answered: true,
          author: bob,
          savedBy: bob,
          createdAt: "2026-01-20T12:00:00.000Z",
          helpfulCount: 5,
          verification: { by: ada, at: "2026-01-21T00:00:00.000Z" },
        }),
        entryOf("filters", "lesson", {
          type: "lesson",
          title: "Secrets in logs",
          tags: ["security"],
          author: bob,
          savedBy: ada,
          createdAt: "2026-01-31T23:00:00.000Z",
          helpfulCount: 3,
        }),
        // "typing": prefixes and typos.
        entryOf("typing", "kube", { title: "Kubernetes upgrades without downtime" }),
        entryOf("typing", "terraform", { title: "Terraform state locking" }),
        // "both" holds every word of a query that "typing" holds only one by one.
        entryOf("both", "together", { title: "Terraform modules for Kubernetes clusters" }),
        // The same tenant's "other" community and another tenant's "ranked" must stay apart.
        entryOf("other", "elsewhere", { title: "Pipeline ownership" }),
        {
          ...entryOf("ranked", "foreign", { title: "Pipeline of another organisation" }),
          tenantId: otherTenant,
        },
      ];
      // "busy" holds the word in many entries, "calm" in one; both hold the same entry "same".
      const same = { title: "Observability with kubernetes probes", body: FILLER };
      seeds.push(entryOf("busy", "same", same), entryOf("calm", "same", same));
      for (let i = 0; i < 20; i++) {
        seeds.push(entryOf("busy", `busy-${i}`, { title: `Kubernetes note ${i}`, body: FILLER }));
        seeds.push(entryOf("calm", `calm-${i}`, { title: `Meeting note ${i}`, body: FILLER }));
      }
      for (const entry of seeds) await entries.create(entry);
      search = makeImpl(entries);
    });

    describe("ranking", () => {
      it("ranks a word in the title above the same word once in the text, and leaves out entries without it", async () => {
        const page = await search.search(tenantId, ["ranked"], { text: "pipeline" });
        expect(ids(page)).toEqual(["title", "text"]);
        expect(page.total).toBe(2);
        const [first, second] = page.items;
        expect(first?.score).toBeGreaterThan(second?.score ?? Number.POSITIVE_INFINITY);
        expect(page.items.every((i) => i.communityId === "ranked")).toBe(true);
      });

      it("lists without words the most helpful first, or the newest first when asked", async () => {
        const helpful = await search.search(tenantId, ["filters"], {});
        expect(ids(helpful)).toEqual(["qa-done", "lesson", "qa-open"]);
        expect(helpful.items.every((i) => i.score === 0)).toBe(true);
        const newest = await search.search(tenantId, ["filters"], { sort: "newest" });
        expect(ids(newest)).toEqual(["lesson", "qa-done", "qa-open"]);
      });

      it("pages: offset and limit cut the same order, total counts every match", async () => {
        const first = await search.search(tenantId, ["filters"], { sort: "newest", limit: 2 });
        const second = await search.search(tenantId, ["filters"], { sort: "newest", offset: 2, limit: 2 });
        expect(first.total).toBe(3);
        expect([...ids(first), ...ids(second)]).toEqual(["lesson", "qa-done", "qa-open"]);
      });
    });

    describe("filters", () => {
      const found = async (query: Parameters<LibrarySearch["search"]>[2]) =>
        ids(await search.search(tenantId, ["filters"], query)).sort();

      it("filters by type, by every tag given (whatever its case), by author and by saver", async () => {
        expect(await found({ types: ["qa"] })).toEqual(["qa-done", "qa-open"]);
        expect(await found({ tags: ["SECURITY"] })).toEqual(["lesson", "qa-open"]);
        expect(await found({ tags: ["security", "ops"] })).toEqual(["qa-open"]);
        expect(await found({ authorId: bob.id })).toEqual(["lesson", "qa-done"]);
        expect(await found({ savedById: ada.id })).toEqual(["lesson", "qa-open"]);
      });

      it("filters by dates (a day without a time is the whole day), verification and answered questions", async () => {
        expect(await found({ from: "2026-01-15", to: "2026-01-31" })).toEqual(["lesson", "qa-done"]);
        expect(await found({ verified: true })).toEqual(["qa-done"]);
        expect(await found({ types: ["qa"], answered: false })).toEqual(["qa-open"]);
      });

      it("filters text results too", async () => {
        expect(await found({ text: "secrets", types: ["lesson"] })).toEqual(["lesson"]);
      });
    });

    describe("highlights", () => {
      it("marks matched words as ranges into the returned title and snippet", async () => {
        const page = await search.search(tenantId, ["ranked"], { text: "pipeline" });
        for (const hit of page.items) {
          const marked = hit.highlights.flatMap((h) =>
            h.ranges.map(([start, end]) => (h.field === "title" ? hit.title : hit.snippet).slice(start, end)),
          );
          expect(marked.length).toBeGreaterThan(0);
          for (const text of marked) expect(text.toLowerCase()).toBe("pipeline");
        }
        const title = page.items.find((i) => i.id === "title");
        expect(title?.highlights.map((h) => h.field)).toContain("title");
        const text = page.items.find((i) => i.id === "text");
        expect(text?.highlights.map((h) => h.field)).toEqual(["snippet"]);
        expect(text?.snippet).not.toMatch(/[<>*_#]/);
      });

      it("marks nothing when the query has no words", async () => {
        const page = await search.search(tenantId, ["ranked"], {});
        expect(page.items.every((i) => i.highlights.length === 0)).toBe(true);
      });
    });

    describe("prefix and typos", () => {
      it("matches the word being typed as a prefix, but not a finished word", async () => {
        expect(ids(await search.search(tenantId, ["typing"], { text: "kuber" }))).toEqual(["kube"]);
        expect(ids(await search.search(tenantId, ["typing"], { text: "kuber " }))).toEqual([]);
      });

      it("finds words with a typo", async () => {
        expect(ids(await search.search(tenantId, ["typing"], { text: "terrafrom state" }))).toEqual([
          "terraform",
        ]);
        expect(ids(await search.search(tenantId, ["typing"], { text: "kubernetis" }))).toEqual(["kube"]);
      });

      it("answers with any of the words, and says so, when no entry holds them all", async () => {
        const page = await search.search(tenantId, ["typing"], { text: "terraform kubernetes" });
        expect(ids(page).sort()).toEqual(["kube", "terraform"]);
        expect(page.relaxed).toBe(true);
        const exact = await search.search(tenantId, ["typing"], { text: "terraform" });
        expect(exact.relaxed).toBeUndefined();
      });
    });

    describe("several communities", () => {
      it("searches a set of communities as one library: the same entry scores the same in each", async () => {
        const page = await search.search(tenantId, ["busy", "calm"], { text: "kubernetes", limit: 50 });
        expect(page.total).toBe(22);
        const same = page.items.filter((i) => i.id === "same");
        expect(same.map((i) => i.communityId).sort()).toEqual(["busy", "calm"]);
        const [a, b] = same;
        // Merged per-community scores would rank the calm copy far higher (the word is rare there).
        expect(a?.score).toBeCloseTo(b?.score ?? Number.NaN, 9);
      });

      it("falls back to any of the words only when no community of the set holds them all", async () => {
        const page = await search.search(tenantId, ["typing", "both"], { text: "terraform kubernetes" });
        expect(ids(page)).toEqual(["together"]);
        expect(page.items[0]?.communityId).toBe("both");
        expect(page.relaxed).toBeUndefined();
      });

      it("lists a set without words in one order, and counts all of it", async () => {
        const page = await search.search(tenantId, ["filters", "ranked"], { sort: "newest", limit: 50 });
        expect(page.total).toBe(6);
        const dates = page.items.map((i) => i.createdAt);
        expect(dates).toEqual([...dates].sort().reverse());
      });

      it("keeps tenants and communities apart", async () => {
        const mine = await search.search(tenantId, ["ranked"], { text: "pipeline" });
        expect(ids(mine)).not.toContain("foreign");
        expect(ids(mine)).not.toContain("elsewhere");
        const theirs = await search.search(otherTenant, ["ranked"], { text: "pipeline" });
        expect(ids(theirs)).toEqual(["foreign"]);
      });
    });

    describe("changes", () => {
      it("finds a write through one instance from another, edits and deletes included", async () => {
        const writer = makeImpl(entries);
        const reader = makeImpl(entries);
        const query = { text: "gardening" };
        // Both instances hold the library before the write.
        expect((await writer.search(tenantId, ["changes"], query)).total).toBe(0);
        expect((await reader.search(tenantId, ["changes"], query)).total).toBe(0);

        const created = await entries.create(entryOf("changes", "new", { title: "Gardening for teams" }));
        writer.noteChange(tenantId, "changes", "new", created);
        expect(ids(await writer.search(tenantId, ["changes"], query))).toEqual(["new"]);
        await vi.waitFor(
          async () => expect(ids(await reader.search(tenantId, ["changes"], query))).toEqual(["new"]),
          {
            timeout: FRESH_WITHIN_MS,
          },
        );

        const edited = await entries.update({
          ...created,
          title: "Allotments for teams",
          updatedAt: "2026-03-02T09:00:00.000Z",
        });
        writer.noteChange(tenantId, "changes", "new", edited);
        expect((await writer.search(tenantId, ["changes"], query)).total).toBe(0);
        await vi.waitFor(
          async () => {
            expect((await reader.search(tenantId, ["changes"], query)).total).toBe(0);
            expect(ids(await reader.search(tenantId, ["changes"], { text: "allotments" }))).toEqual(["new"]);
          },
          { timeout: FRESH_WITHIN_MS },
        );

        await entries.delete(tenantId, "changes", "new");
        writer.noteChange(tenantId, "changes", "new", undefined);
        expect((await writer.search(tenantId, ["changes"], { text: "allotments" })).total).toBe(0);
        await vi.waitFor(
          async () =>
            expect((await reader.search(tenantId, ["changes"], { text: "allotments" })).total).toBe(0),
          { timeout: FRESH_WITHIN_MS },
        );
      });
    });
  });
}
