import type { Entry } from "../../domain/library/entry.js";
import { isStale } from "../../domain/library/entryView.js";
import type { HeldEntryText } from "../../domain/library/librarySearch.js";
import {
  MAX_QUERY_TERMS,
  MAX_QUERY_TEXT,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_OFFSET,
} from "../../domain/library/search/searchLimits.js";
import { queryTerms } from "../../domain/library/search/searchTerms.js";
import type {
  EntrySearchHit,
  EntrySearchPage,
  EntrySearchQuery,
  EntrySearchSort,
} from "../../domain/library/search/searchTypes.js";
import { compileFilter, type EntryFilter } from "./entryFilter.js";
import { toHit } from "./entryHit.js";
import { byHelpful, byNewest, OrderedEntries, pageOfMatches } from "./entryOrder.js";
import { FacetIndex } from "./facetIndex.js";
import type { IndexedEntry } from "./indexedEntry.js";
import { ResultCache } from "./resultCache.js";
import { parseTime, SharedValues, type StoredEntry, toStoredEntry } from "./storedEntry.js";
import { type CorpusStats, type MatchStage, type TextMatches, TextSearch } from "./textSearch.js";

export type {
  EntryHighlight,
  EntrySearchHit,
  EntrySearchPage,
  EntrySearchQuery,
  EntrySearchSort,
  HighlightRange,
} from "../../domain/library/search/searchTypes.js";
export type { IndexedEntry } from "./indexedEntry.js";

const DEFAULT_LIMIT = 20;
/**
 * The parts of {@link EntryIndex.approximateBytes}, calibrated against V8's live heap (after a full
 * collection) of 20 generated communities of 2,000 realistic entries loaded through the synced
 * search and searched 3,000 times: estimate and heap agree within 1 % (see docs/scale.md).
 */
const BYTES_PER_ENTRY = 1150;
const BYTES_PER_CHAR = 2;
const BYTES_PER_POSTING = 16;
const BYTES_PER_TERM = 340;
const NOTHING_MATCHED: ReadonlySet<string> = new Set();
/** Below one candidate in this many entries, sorting the candidates beats walking the library. */
const FACET_SCAN_RATIO = 8;

type OrderName = "helpful" | "newest";

/**
 * The full-text index of one community's library, in memory. Every server instance keeps one
 * per community and feeds it the same changes (from Tables and the change log); because a change
 * applies only when it is newer than what the index holds, every instance converges on the same
 * contents whatever order or how often changes arrive.
 *
 * Text search is BM25F over title, tags, summary and text on compact typed-array postings (see
 * `textSearch.ts` and `postings.ts`), with prefix matching on the word being typed, typo tolerance, accent folding and CJK bigrams (see
 * `searchTerms.ts`). Queries without text list the library from orders kept sorted, and filtered
 * listings read only the entries of a narrow facet. The last few text searches are kept until the
 * next change, so further pages and repeated searches cost no scoring.
 */
export class EntryIndex {
  private readonly entries = new Map<string, StoredEntry>();
  /**
   * Tombstones: the version an entry had when it was removed (or when it was removed, if given).
   * A late copy of that version or an older one, arriving after the removal, is not resurrected.
   */
  private readonly removed = new Map<string, number>();
  private readonly orders: Record<OrderName, OrderedEntries> = {
    helpful: new OrderedEntries(byHelpful, () => this.entries.values()),
    newest: new OrderedEntries(byNewest, () => this.entries.values()),
  };
  private readonly facets = new FacetIndex();
  private readonly text = new TextSearch();
  private readonly recent = new ResultCache();
  private readonly shared = new SharedValues();
  /** Characters of text held (titles, summaries, texts, tags), for {@link approximateBytes}. */
  private chars = 0;
  /** While loading in bulk the orders are re-sorted when next read, not kept sorted change by change. */
  private loading = false;

  /** How many entries are indexed. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether the entry is indexed. */
  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** What the index keeps of the entry (its words, flags and version), if it is indexed. */
  held(id: string): Readonly<StoredEntry> | undefined {
    return this.entries.get(id);
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
    const next = toStoredEntry(doc, this.shared);
    const current = this.entries.get(next.id);
    if (current && next.updatedMs < current.updatedMs) return false;
    const removedAt = this.removed.get(next.id);
    if (removedAt !== undefined && next.updatedMs <= removedAt) return false;
    this.removed.delete(next.id);
    if (current && sameSearchableText(current, next)) this.text.update(next);
    else this.text.index(next);
    this.entries.set(next.id, next);
    this.changed(current, next);
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
    this.text.discard(id);
    this.entries.delete(id);
    this.changed(current, undefined);
    return true;
  }

  /**
   * Adds many entries, as a build from storage does: the listings are sorted once when next read
   * instead of kept in order entry by entry (a search may read them between two batches).
   */
  upsertMany(docs: Iterable<IndexedEntry>): void {
    this.loading = true;
    try {
      for (const doc of docs) this.upsert(doc);
    } finally {
      this.loading = false;
    }
  }

  /**
   * About how many bytes of heap the index holds: its entries' text, their postings (typed arrays
   * with growth room), the term dictionary, a fixed cost per entry (objects, maps, orders) and the
   * recent searches it keeps (which can outweigh a small library).
   * Calibrated against V8's heap on generated libraries (see docs/scale.md); an instance keeps the
   * sum of its indexes under a byte budget with it.
   */
  approximateBytes(): number {
    return (
      this.entries.size * BYTES_PER_ENTRY +
      this.chars * BYTES_PER_CHAR +
      this.text.postingCount * BYTES_PER_POSTING +
      this.text.termCount * BYTES_PER_TERM +
      this.recent.approximateBytes()
    );
  }

  /**
   * Sorts the listings (most helpful, newest) now: after a bulk build, so that no search (the
   * first one without words) pays for sorting the whole library.
   */
  prepareListings(): void {
    this.orders.helpful.all();
    this.orders.newest.all();
  }

  /** Finds entries: full text when the query has words, otherwise the filtered library in order. */
  search(query: EntrySearchQuery): EntrySearchPage {
    const { filter, offset, limit, text, terms } = normalise(query);
    if (terms.length === 0) return this.browse(query, filter, offset, limit);

    const sort = query.sort ?? "relevance";
    const top = topWanted(query, sort, offset, limit);
    // Everything that decides the set of matches, and nothing that only orders or pages them.
    const key = JSON.stringify([
      top,
      terms,
      /\s$/.test(text),
      query.types,
      query.tags,
      query.authorId,
      query.savedById,
      query.from,
      query.to,
      query.verified,
      query.answered,
      query.anyWord === true,
    ]);
    let found = this.recent.get(key);
    if (!found) {
      found = this.text.match(text, terms, filter, query.anyWord === true, top);
      this.recent.set(key, found);
    }
    const searched = found;
    const snippets = query.snippets !== false;
    const items = ResultCache.page(searched, `${sort}|${offset}|${limit}|${snippets}`, () =>
      pageOfMatches(searched, sort, offset, limit).map((m) =>
        toHit(m.entry, m.score, searched.terms, snippets),
      ),
    );
    const total = found.entries.length;
    // A copy: the cached page stays as it was whatever the caller does with its answer.
    const copy = items.slice();
    return found.relaxed ? { total, items: copy, relaxed: true } : { total, items: copy };
  }

  private browse(
    query: EntrySearchQuery,
    filter: EntryFilter | undefined,
    offset: number,
    limit: number,
  ): EntrySearchPage {
    const order = query.sort === "newest" ? "newest" : "helpful";
    const all = this.orders[order].all();
    const hit = (e: StoredEntry) => toHit(e, 0, NOTHING_MATCHED);
    if (!filter) return { total: all.length, items: all.slice(offset, offset + limit).map(hit) };
    // A narrow facet (one author's entries, a rare tag) is read and sorted on its own; a
    // broad one costs less by walking the library, which is already in order.
    const candidates = this.facets.candidates(query);
    if (candidates && candidates.size * FACET_SCAN_RATIO <= all.length) {
      const matching = [...candidates.entries()]
        .filter(filter)
        .sort(order === "newest" ? byNewest : byHelpful);
      return { total: matching.length, items: matching.slice(offset, offset + limit).map(hit) };
    }
    let total = 0;
    const items: EntrySearchHit[] = [];
    for (const entry of all) {
      if (!filter(entry)) continue;
      if (total >= offset && items.length < limit) items.push(hit(entry));
      total++;
    }
    return { total, items };
  }

  /** One pass of a text search, scored against `corpus` (see {@link searchAcross}). */
  matchStage(
    stage: MatchStage,
    terms: string[],
    filter: EntryFilter | undefined,
    corpus: CorpusStats,
    top?: number,
  ): TextMatches {
    return this.text.matchStage(stage, terms, filter, corpus, top);
  }

  /** The statistics text scores are computed against. */
  corpus(): CorpusStats {
    return this.text.corpus();
  }

  private changed(before: StoredEntry | undefined, after: StoredEntry | undefined): void {
    this.chars += charsOf(after) - charsOf(before);
    if (this.loading) {
      this.orders.helpful.invalidate();
      this.orders.newest.invalidate();
    } else {
      this.orders.helpful.replace(before, after);
      this.orders.newest.replace(before, after);
    }
    this.facets.replace(before, after);
    this.recent.clear();
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

/** The words the index holds of these entries, for quoting; ids it does not hold are left out. */
export function heldTextsOf(index: EntryIndex, entryIds: readonly string[]): HeldEntryText[] {
  return entryIds.flatMap((id) => {
    const e = index.held(id);
    if (!e) return [];
    const { type, title, summary, tags, text, answered, updatedAt } = e;
    return [{ id, type, title, summary, tags: [...tags], plainText: text, answered, updatedAt }];
  });
}

/**
 * How many of the best matches a search needs found, when that is all it needs: a text search by
 * relevance whose caller reads no `total` needs only its page and those before it.
 */
export function topWanted(
  query: EntrySearchQuery,
  sort: EntrySearchSort,
  offset: number,
  limit: number,
): number | undefined {
  return query.countTotal === false && sort === "relevance" && limit > 0 ? offset + limit : undefined;
}

/** A search's bounded, compiled form: what every index of a search reads alike. */
export function normalise(query: EntrySearchQuery): {
  filter: EntryFilter | undefined;
  offset: number;
  limit: number;
  text: string;
  terms: string[];
} {
  const filter = compileFilter(query);
  const offset = Number.isFinite(query.offset)
    ? Math.min(MAX_SEARCH_OFFSET, Math.max(0, Math.floor(query.offset as number)))
    : 0;
  const limit = Number.isFinite(query.limit)
    ? Math.min(MAX_SEARCH_LIMIT, Math.max(0, Math.floor(query.limit as number)))
    : DEFAULT_LIMIT;
  // Bounded before anything reads it: the message extension's query comes straight from Teams.
  const text = (query.text ?? "").slice(0, MAX_QUERY_TEXT);
  const terms = queryTerms(text).slice(0, MAX_QUERY_TERMS);
  return { filter, offset, limit, text, terms };
}

function charsOf(entry: StoredEntry | undefined): number {
  if (!entry) return 0;
  let chars = entry.title.length + entry.summary.length + entry.text.length;
  for (const tag of entry.tags) chars += tag.length;
  return chars;
}

/** Whether a new version leaves the indexed words as they were (a vote, a verification). */
function sameSearchableText(a: StoredEntry, b: StoredEntry): boolean {
  return (
    a.title === b.title &&
    a.summary === b.summary &&
    a.text === b.text &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}
