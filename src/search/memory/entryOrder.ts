import type { EntrySearchSort } from "../../domain/library/search/searchTypes.js";
import type { StoredEntry } from "./storedEntry.js";

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

/** Entries that matched a text query: `scores[i]` is the score of `entries[i]`, in no order. */
export interface ScoredEntries {
  entries: readonly StoredEntry[];
  scores: Float64Array;
}

/** One entry of a page of text results. */
export interface ScoredEntry {
  entry: StoredEntry;
  score: number;
}

type ScoredOrder = (a: StoredEntry, aScore: number, b: StoredEntry, bScore: number) => number;

/** The order of text results: the requested one, with relevance breaking its ties (and vice versa). */
function scoredOrder(sort: EntrySearchSort): ScoredOrder {
  switch (sort) {
    case "newest":
      return (a, as, b, bs) => b.createdMs - a.createdMs || bs - as || byId(a, b);
    case "helpful":
      return (a, as, b, bs) =>
        b.helpfulCount - a.helpfulCount || b.createdMs - a.createdMs || bs - as || byId(a, b);
    case "relevance":
      return (a, as, b, bs) => bs - as || byHelpful(a, b);
  }
}

/**
 * One page of text matches in the requested order. Only the first `offset + limit` are kept,
 * by insertion into a short sorted list in one pass, instead of sorting thousands of matches
 * (a three-letter prefix can match most of a large library) for a page of twenty.
 */
export function pageOfMatches(
  found: ScoredEntries,
  sort: EntrySearchSort,
  offset: number,
  limit: number,
): ScoredEntry[] {
  const { entries, scores } = found;
  const count = Math.min(offset + limit, entries.length);
  if (limit === 0 || offset >= entries.length) return [];
  const order = scoredOrder(sort);
  const before = (i: number, j: number) =>
    order(entries[i] as StoredEntry, scores[i] as number, entries[j] as StoredEntry, scores[j] as number);
  const first: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const last = first[first.length - 1];
    if (first.length === count && last !== undefined && before(i, last) >= 0) continue;
    let low = 0;
    let high = first.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(first[mid] as number, i) <= 0) low = mid + 1;
      else high = mid;
    }
    first.splice(low, 0, i);
    if (first.length > count) first.pop();
  }
  return first.slice(offset).map((i) => ({ entry: entries[i] as StoredEntry, score: scores[i] as number }));
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

  /** Forgets the order: the next read sorts everything once (after a bulk load). */
  invalidate(): void {
    this.sorted = undefined;
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
