import { afterEach, describe, expect, it, vi } from "vitest";
import type { Entry } from "../../src/domain/library/entry.js";
import { toPlainText } from "../../src/domain/library/messageContent/index.js";
import { queryTerms } from "../../src/domain/library/search/searchTerms.js";
import type { EntrySearchQuery } from "../../src/domain/library/search/searchTypes.js";
import { generateLibrary, random, searchTerms } from "../../src/local/generatedLibrary.js";
import { EntryIndex, toIndexedEntry } from "../../src/search/memory/entryIndex.js";
import { searchAcross } from "../../src/search/memory/searchAcross.js";
import { TextSearch } from "../../src/search/memory/textSearch.js";

const people = [
  { id: "u-ada", displayName: "Ada" },
  { id: "u-bo", displayName: "Bo" },
  { id: "u-cy", displayName: "Cy" },
];
const now = new Date("2026-12-01T00:00:00Z");

function indexed(entry: Omit<Entry, "etag">) {
  return toIndexedEntry({ ...entry, etag: "" } as Entry, toPlainText(entry.body), now);
}

/**
 * A generated library, with copies of some entries under other ids (the same words: equal scores,
 * which only the relevance order's tie-breaks tell apart), some of them equally helpful too.
 */
function library(count: number, seed: number, communityId = "c1"): EntryIndex {
  const entries = generateLibrary("t1", communityId, count, people, seed);
  const index = new EntryIndex();
  for (const entry of entries) index.upsert(indexed(entry));
  entries.slice(0, 40).forEach((entry, i) => {
    index.upsert(
      indexed({ ...entry, id: `${entry.id}-copy`, helpfulCount: i % 2 === 0 ? entry.helpfulCount : 7 }),
    );
  });
  return index;
}

/** Searches people and asking send: words whole, as prefixes, with typos, in pairs; filtered, paged. */
function queries(seed: number, count: number): EntrySearchQuery[] {
  const rand = random(seed);
  return searchTerms(rand, count).map((text, i) => {
    const query: EntrySearchQuery = {
      // A trailing space finishes the last word (no prefix search), as asking sends it.
      text: i % 3 === 0 ? `${text} ` : text,
      anyWord: i % 2 === 0,
      limit: [1, 5, 20][i % 3],
      offset: i % 7 === 0 ? 5 : 0,
    };
    if (i % 5 === 1) query.types = ["insight", "qa"];
    if (i % 5 === 2) query.tags = ["pipelines"];
    if (i % 5 === 3) query.authorId = "u-bo";
    if (i % 11 === 4) query.verified = false;
    return query;
  });
}

function comparable(page: { total: number; items: { id: string; score: number }[]; relaxed?: true }) {
  return { items: page.items.map((h) => [h.id, h.score]), relaxed: page.relaxed };
}

afterEach(() => vi.restoreAllMocks());

describe("finding only the best few (top-k pruning)", () => {
  it("finds the same entries with the same scores, in the same order, as scoring every match", () => {
    const index = library(1_200, 11);
    for (const query of queries(5, 300)) {
      const all = index.search(query);
      const best = index.search({ ...query, countTotal: false });
      expect(comparable(best), JSON.stringify(query)).toEqual(comparable(all));
      // A text search counts what it found, no more: the best offset + limit. (A query of only
      // function words, such as "que", lists the library and counts it all.)
      if (queryTerms(query.text ?? "").length > 0)
        expect(best.total, JSON.stringify(query)).toBe(
          Math.min(all.total, (query.offset ?? 0) + (query.limit ?? 20)),
        );
    }
  });

  it("stays exact as the library changes: entries added, reworded and removed, postings compacted", () => {
    const index = library(1_200, 12);
    const changed = generateLibrary("t1", "c1", 700, people, 99);
    // Other words under the same ids (about half the library reworded, which compacts the
    // postings), some new entries, and some removed: the kept bounds must follow.
    changed.forEach((entry, i) => {
      const id = i < 600 ? entry.id : `new-${i}`;
      index.upsert(indexed({ ...entry, id, updatedAt: "2026-11-30T00:00:00.000Z" }));
    });
    for (let i = 600; i < 900; i += 3) index.remove(`gen-${String(i).padStart(6, "0")}`);
    for (const query of queries(6, 300)) {
      const all = index.search(query);
      expect(comparable(index.search({ ...query, countTotal: false })), JSON.stringify(query)).toEqual(
        comparable(all),
      );
    }
  });

  it("is exact across several communities' libraries searched as one", () => {
    const parts = [
      { communityId: "c1", index: library(600, 21, "c1") },
      { communityId: "c2", index: library(400, 22, "c2") },
    ];
    for (const query of queries(7, 200)) {
      const all = searchAcross(parts, query);
      const best = searchAcross(parts, { ...query, countTotal: false });
      expect(
        best.items.map((h) => [h.communityId, h.id, h.score]),
        JSON.stringify(query),
      ).toEqual(all.items.map((h) => [h.communityId, h.id, h.score]));
      expect(best.relaxed).toBe(all.relaxed);
    }
  });

  it("scores a small share of what matches two common words", () => {
    const index = library(2_000, 13);
    const scored = vi.spyOn(TextSearch.prototype as unknown as { termScore: () => number }, "termScore");
    const query = { text: "pipeline latency ", anyWord: true, limit: 5 };
    const all = index.search(query);
    const everything = scored.mock.calls.length;
    scored.mockClear();
    index.search({ ...query, countTotal: false });
    expect(all.total).toBeGreaterThan(500);
    expect(everything).toBeGreaterThan(500);
    expect(scored.mock.calls.length).toBeLessThan(everything / 3);
  });
});
