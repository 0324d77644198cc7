import type { EntrySearchHit } from "../../domain/library/search/searchTypes.js";
import { highlightRanges, snippetAround } from "./snippet.js";
import type { StoredEntry } from "./storedEntry.js";

const NO_SNIPPET = { text: "", ranges: [] };

/**
 * The result card's view of an entry: `matched` are the index terms the query matched in it
 * (empty without text), which the title and snippet highlights point at. Without `snippets` (for
 * a caller that shows none) the snippet is empty and nothing is highlighted.
 */
export function toHit(
  entry: StoredEntry,
  score: number,
  matched: ReadonlySet<string>,
  snippets = true,
): EntrySearchHit {
  const snippet = snippets ? snippetAround(entry.text || entry.summary, matched) : NO_SNIPPET;
  const titleRanges = snippets ? highlightRanges(entry.title, matched) : [];
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
