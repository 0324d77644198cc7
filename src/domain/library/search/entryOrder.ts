import type { EntrySearchSort } from "./searchTypes.js";
import type { StoredEntry } from "./storedEntry.js";

/** An entry that matched a text query. */
export interface ScoredEntry {
  entry: StoredEntry;
  score: number;
  /** The index terms that matched (after prefix and typo expansion), for highlighting. */
  terms: string[];
}

/**
 * Every order ends on the id, so equal entries come out in the same order on every server
 * instance and pages never repeat or skip an entry.
 */
function byId(a: StoredEntry, b: StoredEntry): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Most helpful first, then newest: "the most helpful recent entries". */
export function byHelpful(a: StoredEntry, b: StoredEntry): number {
  return b.helpfulCount - a.helpfulCount || b.createdMs - a.createdMs || byId(a, b);
}

/** Newest first. */
export function byNewest(a: StoredEntry, b: StoredEntry): number {
  return b.createdMs - a.createdMs || byId(a, b);
}

/** The order of text results: the requested one, with relevance breaking its ties (and vice versa). */
export function scoredOrder(sort: EntrySearchSort): (a: ScoredEntry, b: ScoredEntry) => number {
  switch (sort) {
    case "newest":
      return (a, b) => b.entry.createdMs - a.entry.createdMs || b.score - a.score || byId(a.entry, b.entry);
    case "helpful":
      return (a, b) =>
        b.entry.helpfulCount - a.entry.helpfulCount ||
        b.entry.createdMs - a.entry.createdMs ||
        b.score - a.score ||
        byId(a.entry, b.entry);
    case "relevance":
      return (a, b) => b.score - a.score || byHelpful(a.entry, b.entry);
  }
}
