import type { IndexedEntry } from "../../src/search/memory/entryIndex.js";

/** An indexed library entry for search tests: an insight by Ada, untouched since 2025, with what the test says. */
export function indexedEntry(fields: Pick<IndexedEntry, "id"> & Partial<IndexedEntry>): IndexedEntry {
  return {
    type: "insight",
    title: "Untitled note",
    summary: "",
    tags: [],
    author: { id: "u-ada", displayName: "Ada" },
    savedById: "u-ada",
    createdAt: "2025-01-01T10:00:00.000Z",
    updatedAt: "2025-01-01T10:00:00.000Z",
    helpfulCount: 0,
    plainText: "",
    verified: false,
    stale: false,
    ...fields,
  };
}
