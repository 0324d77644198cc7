import type { EntrySearchHit } from "../../domain/library/search/searchTypes.js";
import type { TextMatches } from "./textSearch.js";

/**
 * How many text searches are kept, and how many matches at most across them (16 bytes a match:
 * a reference and a score, so at most about 16 MB per community).
 */
const MAX_QUERIES = 256;
const MAX_MATCHES = 1_000_000;
/** Result pages (with their snippets) kept per search. */
const MAX_PAGES = 8;
/** About what the cache holds per match (a reference and a score) and per hit of a cut page (its strings, highlights). */
const BYTES_PER_MATCH = 16;
const BYTES_PER_HIT = 800;

/** A cached search: its matches, and the pages already cut from them with their highlights. */
export interface CachedSearch extends TextMatches {
  pages?: Map<string, EntrySearchHit[]>;
  /** Hits in {@link pages}, for the cache's size. */
  pageHits?: number;
}

/**
 * The last few text searches' matches, until the index changes. The next page of a search, the
 * same search from another person or from the compose box, and a change of sort then cost a
 * lookup instead of scoring thousands of entries again; a page asked for again (a popular
 * query) is not even cut and highlighted again. Any change to the index empties it, so
 * it can never answer with an outdated result.
 */
export class ResultCache {
  private readonly byKey = new Map<string, CachedSearch>();
  private size = 0;

  get(key: string): CachedSearch | undefined {
    const hit = this.byKey.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.byKey.delete(key);
      this.byKey.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedSearch): void {
    if (value.entries.length > MAX_MATCHES) return;
    this.delete(key);
    this.byKey.set(key, value);
    this.size += value.entries.length;
    for (const [oldest] of this.byKey) {
      if (this.byKey.size <= MAX_QUERIES && this.size <= MAX_MATCHES) break;
      this.delete(oldest);
    }
  }

  /** A page of a cached search, made once by `make` and kept with it. */
  static page(search: CachedSearch, pageKey: string, make: () => EntrySearchHit[]): EntrySearchHit[] {
    search.pages ??= new Map();
    let page = search.pages.get(pageKey);
    if (!page) {
      page = make();
      if (search.pages.size >= MAX_PAGES) {
        search.pages.clear();
        search.pageHits = 0;
      }
      search.pages.set(pageKey, page);
      search.pageHits = (search.pageHits ?? 0) + page.length;
    }
    return page;
  }

  /** About how many bytes the kept searches and their pages hold (part of the index's size). */
  approximateBytes(): number {
    let hits = 0;
    for (const search of this.byKey.values()) hits += search.pageHits ?? 0;
    return this.size * BYTES_PER_MATCH + hits * BYTES_PER_HIT;
  }

  clear(): void {
    this.byKey.clear();
    this.size = 0;
  }

  private delete(key: string): void {
    const old = this.byKey.get(key);
    if (!old) return;
    this.byKey.delete(key);
    this.size -= old.entries.length;
  }
}
