import { describe, expect, it } from "vitest";
import { EntryIndex, type IndexedEntry } from "../../src/search/memory/entryIndex.js";
import { searchAcross } from "../../src/search/memory/searchAcross.js";
import { indexedEntry } from "../support/indexedEntries.js";

function doc(id: string, title: string, plainText: string): IndexedEntry {
  return indexedEntry({ id, title, plainText });
}

function library(...docs: IndexedEntry[]): EntryIndex {
  const index = new EntryIndex();
  for (const d of docs) index.upsert(d);
  return index;
}

const backfill = doc("e1", "Backfill a partitioned table", "Backfill one partition at a time, oldest first.");
const retries = doc("e2", "Retries with backoff", "Retry a failed backfill with exponential backoff.");

describe("hits without snippets (asking quotes the entries itself)", () => {
  it("are the same hits with an empty snippet and no highlights; the next search with snippets has them", () => {
    const index = library(backfill, retries);
    const query = { text: "backfill ", anyWord: true, limit: 5 };
    const bare = index.search({ ...query, snippets: false });
    const full = index.search(query);
    expect(bare.items.map((h) => [h.id, h.score])).toEqual(full.items.map((h) => [h.id, h.score]));
    expect(bare.items.every((h) => h.snippet === "" && h.highlights.length === 0)).toBe(true);
    expect(full.items.every((h) => h.snippet !== "" && h.highlights.length > 0)).toBe(true);
  });

  it("across several communities too", () => {
    const parts = [
      { communityId: "c1", index: library(backfill) },
      { communityId: "c2", index: library(retries) },
    ];
    const bare = searchAcross(parts, { text: "backfill ", snippets: false, countTotal: false });
    expect(bare.items.map((h) => [h.communityId, h.id, h.snippet, h.highlights])).toEqual([
      ["c1", "e1", "", []],
      ["c2", "e2", "", []],
    ]);
  });
});
