import type { EntrySearchHit } from "../../domain/library/search/searchTypes.js";
import { highlightRanges, snippetAround } from "./snippet.js";
import type { StoredEntry } from "./storedEntry.js";

/**
 * The result card's view of an entry: `matched` are the index terms the query matched in it
 * (empty without text), which the title and snippet highlights point at.
 */
export function toHit(entry: StoredEntry, score: number, matched: ReadonlySet<string>): EntrySearchHit {
  const snippet = snippetAround(entry.text || entry.summary, matched);
  const titleRanges = highlightRanges(entry.title, matched);
  const highlights: EntrySearchHit["highlights"] = [];
  if (titleRanges.length > 0) highlights.push({ field: "title", ranges: titleRanges });
  if (snippet.ranges.length > 0) highlights.push({ field: "snippet", ranges: snippet.ranges });
  return {
    id: entry.id,
    title: entry.title,
    type: entry.type,
    tags: entry.tags,
    author: entry.author,
    savedById: entry.savedById,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    helpfulCount: entry.helpfulCount,
    verified: entry.verified,
    stale: entry.stale,
    score,
    snippet: snippet.text,
    highlights,
  };
}
