import type { TextMatches } from "./textSearch.js";

/** How many text searches are kept, and how many matches at most across them. */
const MAX_QUERIES = 16;
const MAX_MATCHES = 200_000;

/**
 * The last few text searches' matches, until the index changes. The next page of a search, the
 * same search from another person or from the compose box, and a change of sort then cost a
 * lookup instead of scoring thousands of entries again. Any change to the index empties it, so
 * it can never answer with an outdated result.
 */
export class ResultCache {
  private readonly byKey = new Map<string, TextMatches>();
  private size = 0;

  get(key: string): TextMatches | undefined {
    const hit = this.byKey.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.byKey.delete(key);
      this.byKey.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: TextMatches): void {
    if (value.entries.length > MAX_MATCHES) return;
    this.delete(key);
    this.byKey.set(key, value);
    this.size += value.entries.length;
    for (const [oldest] of this.byKey) {
      if (this.byKey.size <= MAX_QUERIES && this.size <= MAX_MATCHES) break;
      this.delete(oldest);
    }
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
