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

/**
 * One page of text matches in the requested order. Matches arrive best score first, so the
 * relevance order only settles ties up to the end of the page, and only the matches on it are
 * resolved to entries; the other orders keep the first `offset + limit` in one pass instead of
 * sorting thousands of matches for a page of twenty.
 */
export function pageOfMatches<M extends { score: number }>(
  matches: readonly M[],
  resolve: (match: M) => ScoredEntry,
  sort: EntrySearchSort,
  offset: number,
  limit: number,
): ScoredEntry[] {
  const end = offset + limit;
  if (limit === 0 || offset >= matches.length) return [];
  const order = scoredOrder(sort);
  if (sort === "relevance") {
    let through = Math.min(matches.length, end);
    while (through < matches.length && matches[through]?.score === matches[through - 1]?.score) through++;
    return matches.slice(0, through).map(resolve).sort(order).slice(offset, end);
  }
  const all = matches.map(resolve);
  if (end * 4 > all.length) return all.sort(order).slice(offset, end);
  return firstInOrder(all, end, order).slice(offset);
}

/** The first `count` items in `order`, by insertion into a short sorted list. */
function firstInOrder<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  for (const item of items) {
    const last = first[first.length - 1];
    if (first.length === count && last !== undefined && order(item, last) >= 0) continue;
    let low = 0;
    let high = first.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (order(first[mid] as T, item) <= 0) low = mid + 1;
      else high = mid;
    }
    first.splice(low, 0, item);
    if (first.length > count) first.pop();
  }
  return first;
}

/**
 * All entries in one order, for queries without text (the library's default listing). Sorted
 * when first asked for, then kept sorted change by change: a vote or an edit moves one entry
 * instead of re-sorting a large library before the next query.
 */
export class OrderedEntries {
  private sorted: StoredEntry[] | undefined;

  constructor(
    private readonly compare: (a: StoredEntry, b: StoredEntry) => number,
    private readonly source: () => Iterable<StoredEntry>,
  ) {}

  all(): readonly StoredEntry[] {
    this.sorted ??= [...this.source()].sort(this.compare);
    return this.sorted;
  }

  /** Applies one change: `before` leaves (if it was there), `after` joins (if given). */
  replace(before: StoredEntry | undefined, after: StoredEntry | undefined): void {
    const sorted = this.sorted;
    if (!sorted) return; // not built yet: the first query sorts everything once
    if (before) {
      const at = this.lowerBound(before);
      if (sorted[at] === before) sorted.splice(at, 1);
    }
    if (after) sorted.splice(this.lowerBound(after), 0, after);
  }

  /** The first position whose entry does not sort before `entry` (orders are total: ids break ties). */
  private lowerBound(entry: StoredEntry): number {
    const sorted = this.sorted ?? [];
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(sorted[mid] as StoredEntry, entry) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
