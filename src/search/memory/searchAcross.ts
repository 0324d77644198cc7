import type { LibrarySearchHit, LibrarySearchPage } from "../../domain/library/librarySearch.js";
import type { EntrySearchQuery } from "../../domain/library/search/searchTypes.js";
import { toHit } from "./entryHit.js";
import { type EntryIndex, normalise, topWanted } from "./entryIndex.js";
import { pageOfMatches } from "./entryOrder.js";
import type { StoredEntry } from "./storedEntry.js";
import { type CorpusStats, matchStages, type TextMatches } from "./textSearch.js";

/** One community's index among those searched together. */
export interface IndexPart {
  communityId: string;
  index: EntryIndex;
}

/**
 * Searches several communities' libraries as one library. Text is scored against the statistics
 * of all of them together (how many entries, how long their fields are, how many hold a word), so
 * an entry gets the score it would get in one index holding every library: scores compare across
 * communities, and a word common in one community but rare in the others ranks as it should. The
 * passes of typo tolerance and any-word fallback are decided for the whole set as well.
 */
export function searchAcross(parts: readonly IndexPart[], query: EntrySearchQuery): LibrarySearchPage {
  const [only] = parts;
  if (parts.length === 1 && only) {
    // One community: its own index answers (with its result cache).
    const page = only.index.search(query);
    return { ...page, items: page.items.map((hit) => ({ ...hit, communityId: only.communityId })) };
  }
  const { filter, offset, limit, text, terms } = normalise(query);
  if (terms.length === 0) return browseAcross(parts, query, offset, limit);

  const corpus = combinedCorpus(parts);
  // Each library's best few hold the best few of all.
  const top = topWanted(query, query.sort ?? "relevance", offset, limit);
  let found: { part: IndexPart; matches: TextMatches }[] = [];
  let relaxed = false;
  for (const stage of matchStages(text, terms, query.anyWord === true)) {
    found = parts.map((part) => ({
      part,
      matches: part.index.matchStage(stage, terms, filter, corpus, top),
    }));
    if (found.some((f) => f.matches.entries.length > 0)) {
      relaxed = stage.relaxed;
      break;
    }
  }
  const entries: StoredEntry[] = [];
  const scores: number[] = [];
  const communityOf = new Map<StoredEntry, string>();
  const matched = new Set<string>();
  for (const { part, matches } of found) {
    matches.entries.forEach((entry, i) => {
      entries.push(entry);
      scores.push(matches.scores[i] as number);
      communityOf.set(entry, part.communityId);
    });
    for (const term of matches.terms) matched.add(term);
  }
  const page = pageOfMatches(
    { entries, scores: Float64Array.from(scores) },
    query.sort ?? "relevance",
    offset,
    limit,
  );
  const items = page.map((m) => ({
    ...toHit(m.entry, m.score, matched, query.snippets !== false),
    communityId: communityOf.get(m.entry) ?? "",
  }));
  const total = entries.length;
  return relaxed && total > 0 ? { total, items, relaxed: true } : { total, items };
}

/** Listing without text: each library's first entries in the order asked for, merged. */
function browseAcross(
  parts: readonly IndexPart[],
  query: EntrySearchQuery,
  offset: number,
  limit: number,
): LibrarySearchPage {
  let total = 0;
  const hits: LibrarySearchHit[] = [];
  for (const part of parts) {
    const page = part.index.search({ ...query, offset: 0, limit: offset + limit });
    total += page.total;
    for (const hit of page.items) hits.push({ ...hit, communityId: part.communityId });
  }
  // The libraries' own orders, then the community: the same page on every instance.
  const newest = (a: LibrarySearchHit, b: LibrarySearchHit) => b.createdAt.localeCompare(a.createdAt);
  const order =
    query.sort === "newest"
      ? newest
      : (a: LibrarySearchHit, b: LibrarySearchHit) => b.helpfulCount - a.helpfulCount || newest(a, b);
  hits.sort((a, b) => order(a, b) || compare(a.id, b.id) || compare(a.communityId, b.communityId));
  return { total, items: hits.slice(offset, offset + limit) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The statistics of several libraries taken as one. */
function combinedCorpus(parts: readonly IndexPart[]): CorpusStats {
  const each = parts.map((p) => p.index.corpus());
  const lengthSums = [0, 0, 0, 0];
  for (const corpus of each)
    for (let field = 0; field < lengthSums.length; field++)
      lengthSums[field] = (lengthSums[field] ?? 0) + (corpus.lengthSums[field] ?? 0);
  const frequencies = new Map<string, number>();
  return {
    size: each.reduce((sum, c) => sum + c.size, 0),
    lengthSums,
    documentFrequency(term) {
      let df = frequencies.get(term);
      if (df === undefined) {
        df = each.reduce((sum, c) => sum + c.documentFrequency(term), 0);
        frequencies.set(term, df);
      }
      return df;
    },
  };
}
