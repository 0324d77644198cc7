import MiniSearch, { type SearchOptions } from "minisearch";
import type { Entry } from "../entry.js";
import { isStale } from "../entryView.js";
import { compileFilter, type EntryFilter } from "./entryFilter.js";
import { byHelpful, byNewest, type ScoredEntry, scoredOrder } from "./entryOrder.js";
import { indexTerms, isCjkTerm, queryTerms } from "./searchTerms.js";
import type { EntrySearchHit, EntrySearchPage, EntrySearchQuery, IndexedEntry } from "./searchTypes.js";
import { highlightRanges, snippetAround } from "./snippet.js";
import { parseTime, type StoredEntry, toStoredEntry } from "./storedEntry.js";

export type {
  EntryHighlight,
  EntrySearchHit,
  EntrySearchPage,
  EntrySearchQuery,
  EntrySearchSort,
  HighlightRange,
  IndexedEntry,
} from "./searchTypes.js";

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
/** Typo tolerance: about one edit per five characters (MiniSearch rounds length × 0.2). */
const FUZZINESS = 0.2;
/** Shorter words get no typo tolerance: one edit in "api" matches "app", "apt", "ai"… */
const MIN_FUZZY_LENGTH = 4;
/**
 * The word being typed is matched as a prefix from its second character: a one-letter prefix
 * expands to a large share of the vocabulary, costs tens of milliseconds on a big library, and
 * says little about what the person wants.
 */
const MIN_PREFIX_LENGTH = 2;

/** Field weights: a word in the title says more about an entry than one deep in its text. */
const FIELD_BOOST = { title: 3, tags: 2, summary: 1.5, text: 1 };

type OrderName = "helpful" | "newest";

/**
 * The full-text index of one community's library, in memory. Every server instance keeps one
 * per community and feeds it the same changes (from Tables and the change log); because a change
 * applies only when it is newer than what the index holds, every instance converges on the same
 * contents whatever order or how often changes arrive.
 *
 * Search is MiniSearch (BM25 over title, tags, summary and text) with prefix matching on the
 * word being typed, typo tolerance, accent folding and CJK bigrams (see `searchTerms.ts`).
 */
export class EntryIndex {
  private readonly entries = new Map<string, StoredEntry>();
  /**
   * Tombstones: the version an entry had when it was removed (or when it was removed, if given).
   * A late copy of that version or an older one, arriving after the removal, is not resurrected.
   */
  private readonly removed = new Map<string, number>();
  private readonly ordered = new Map<OrderName, StoredEntry[]>();
  private readonly miniSearch = new MiniSearch<StoredEntry>({
    fields: ["title", "tags", "summary", "text"],
    // Nothing stored twice: results are looked up in `entries`.
    storeFields: [],
    extractField: (entry, field) =>
      field === "tags" ? entry.tags.join(" ") : entry[field as keyof StoredEntry],
    tokenize: indexTerms,
    // Terms come out of the tokenizer already folded.
    processTerm: (term) => term,
  });

  /** How many entries are indexed. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether the entry is indexed. */
  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The `updatedAt` of the indexed version of the entry, if it is indexed. */
  version(id: string): string | undefined {
    return this.entries.get(id)?.updatedAt;
  }

  /**
   * Adds or replaces an entry. A version older than the indexed one (or than the one removed) is
   * ignored; the same version is applied again, which is harmless for a duplicate and refreshes
   * fields that change without a new `updatedAt` (staleness). Returns whether it was applied.
   */
  upsert(doc: IndexedEntry): boolean {
    const next = toStoredEntry(doc);
    const current = this.entries.get(next.id);
    if (current && next.updatedMs < current.updatedMs) return false;
    const removedAt = this.removed.get(next.id);
    if (removedAt !== undefined && next.updatedMs <= removedAt) return false;
    this.removed.delete(next.id);
    if (!current) {
      this.miniSearch.add(next);
    } else if (!sameSearchableText(current, next)) {
      // discard marks the old postings dead at once; MiniSearch's auto-vacuum reclaims them later.
      this.miniSearch.discard(next.id);
      this.miniSearch.add(next);
    }
    this.entries.set(next.id, next);
    this.ordered.clear();
    return true;
  }

  /**
   * Removes an entry; unknown ids are fine. Pass `removedAt` (when the removal happened) when it is
   * known: then even a removal that arrives before the entry's last update is not undone by it.
   */
  remove(id: string, removedAt?: string): boolean {
    const current = this.entries.get(id);
    const at = removedAt === undefined ? undefined : parseTime(removedAt, "removedAt");
    // A removal older than the indexed version lost to that later write (last writer wins).
    if (current && at !== undefined && at < current.updatedMs) return false;
    const tombstone = Math.max(
      at ?? Number.NEGATIVE_INFINITY,
      current?.updatedMs ?? Number.NEGATIVE_INFINITY,
    );
    if (tombstone > (this.removed.get(id) ?? Number.NEGATIVE_INFINITY)) this.removed.set(id, tombstone);
    if (!current) return false;
    this.miniSearch.discard(id);
    this.entries.delete(id);
    this.ordered.clear();
    return true;
  }

  /** Finds entries: full text when the query has words, otherwise the filtered library in order. */
  search(query: EntrySearchQuery): EntrySearchPage {
    const filter = compileFilter(query);
    const offset = Number.isFinite(query.offset) ? Math.max(0, Math.floor(query.offset as number)) : 0;
    const limit = Number.isFinite(query.limit)
      ? Math.min(MAX_LIMIT, Math.max(0, Math.floor(query.limit as number)))
      : DEFAULT_LIMIT;
    const text = query.text ?? "";
    const terms = queryTerms(text);
    if (terms.length === 0)
      return this.browse(filter, query.sort === "newest" ? "newest" : "helpful", offset, limit);
    return this.searchText(text, terms, filter, query, offset, limit);
  }

  private searchText(
    text: string,
    terms: string[],
    filter: EntryFilter | undefined,
    query: EntrySearchQuery,
    offset: number,
    limit: number,
  ): EntrySearchPage {
    const options = this.searchOptions(text, filter);
    let results = this.miniSearch.search(text, { ...options, combineWith: "AND" });
    let relaxed = false;
    if (results.length === 0 && new Set(terms).size > 1) {
      results = this.miniSearch.search(text, { ...options, combineWith: "OR" });
      relaxed = results.length > 0;
    }
    const scored: ScoredEntry[] = [];
    for (const r of results) {
      const entry = this.entries.get(r.id as string);
      if (entry) scored.push({ entry, score: r.score, terms: r.terms });
    }
    scored.sort(scoredOrder(query.sort ?? "relevance"));
    const items = scored.slice(offset, offset + limit).map((s) => toHit(s.entry, s.score, new Set(s.terms)));
    return relaxed ? { total: scored.length, items, relaxed: true } : { total: scored.length, items };
  }

  private searchOptions(text: string, filter: EntryFilter | undefined): SearchOptions {
    // A query ending in a space has its last word finished: no prefix search for it.
    const typing = !/\s$/.test(text);
    return {
      tokenize: queryTerms,
      processTerm: (term) => term,
      boost: FIELD_BOOST,
      prefix: (term, i, all) =>
        (isCjkTerm(term) && Array.from(term).length === 1) ||
        (typing && i === all.length - 1 && term.length >= MIN_PREFIX_LENGTH),
      fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH && !isCjkTerm(term) ? FUZZINESS : false),
      filter: filter
        ? (r) => {
            const entry = this.entries.get(r.id as string);
            return entry !== undefined && filter(entry);
          }
        : undefined,
    };
  }

  private browse(
    filter: EntryFilter | undefined,
    order: OrderName,
    offset: number,
    limit: number,
  ): EntrySearchPage {
    const all = this.inOrder(order);
    const empty = new Set<string>();
    if (!filter) {
      return { total: all.length, items: all.slice(offset, offset + limit).map((e) => toHit(e, 0, empty)) };
    }
    let total = 0;
    const items: EntrySearchHit[] = [];
    for (const entry of all) {
      if (!filter(entry)) continue;
      if (total >= offset && items.length < limit) items.push(toHit(entry, 0, empty));
      total++;
    }
    return { total, items };
  }

  /** All entries in an order, sorted once and kept until the next change. */
  private inOrder(order: OrderName): StoredEntry[] {
    let sorted = this.ordered.get(order);
    if (!sorted) {
      sorted = [...this.entries.values()].sort(order === "newest" ? byNewest : byHelpful);
      this.ordered.set(order, sorted);
    }
    return sorted;
  }
}

/**
 * The entry as the index keeps it. `plainText` is the body as plain text (the caller's markdown
 * converter decides what that is); `now` decides whether the steward's review date has passed.
 */
export function toIndexedEntry(entry: Entry, plainText: string, now: Date): IndexedEntry {
  const indexed: IndexedEntry = {
    id: entry.id,
    type: entry.type,
    title: entry.title,
    summary: entry.summary,
    tags: entry.tags,
    author: entry.author,
    savedById: entry.savedBy.id,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    helpfulCount: entry.helpfulCount,
    plainText,
    verified: entry.verification !== undefined,
    stale: isStale(entry, now),
  };
  if (entry.answered !== undefined) indexed.answered = entry.answered;
  return indexed;
}

function sameSearchableText(a: StoredEntry, b: StoredEntry): boolean {
  return (
    a.title === b.title &&
    a.summary === b.summary &&
    a.text === b.text &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

function toHit(entry: StoredEntry, score: number, matched: ReadonlySet<string>): EntrySearchHit {
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
    createdAt: entry.createdAt,
    helpfulCount: entry.helpfulCount,
    verified: entry.verified,
    stale: entry.stale,
    score,
    snippet: snippet.text,
    highlights,
  };
}
