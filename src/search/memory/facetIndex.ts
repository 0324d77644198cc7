import type { EntrySearchQuery } from "../../domain/library/search/searchTypes.js";
import { type StoredEntry, tagKey } from "./storedEntry.js";

/**
 * Which entries carry each exact-match facet value (a tag, an author, who saved it, a type), so
 * a filtered listing ("my entries", "open questions", a tag chip) reads the few entries that can
 * match instead of walking a large library.
 */
export class FacetIndex {
  private readonly byFacet = new Map<string, Set<StoredEntry>>();

  replace(before: StoredEntry | undefined, after: StoredEntry | undefined): void {
    if (before) {
      for (const key of facetsOf(before)) {
        const entries = this.byFacet.get(key);
        entries?.delete(before);
        if (entries?.size === 0) this.byFacet.delete(key);
      }
    }
    if (after) {
      for (const key of facetsOf(after)) {
        const entries = this.byFacet.get(key);
        if (entries) entries.add(after);
        else this.byFacet.set(key, new Set([after]));
      }
    }
  }

  /**
   * The fewest entries that include every entry the query's facet filters let through (the full
   * filter still has to be applied to them), or undefined when the query filters no facet.
   */
  candidates(query: EntrySearchQuery): Candidates | undefined {
    const options: Candidates[] = [];
    for (const tag of query.tags ?? []) options.push(this.single(`tag:${tagKey(tag)}`));
    if (query.authorId !== undefined) options.push(this.single(`author:${query.authorId}`));
    if (query.savedById !== undefined) options.push(this.single(`saver:${query.savedById}`));
    if (query.types && query.types.length > 0) {
      const sets = [...new Set(query.types)].map((t) => this.byFacet.get(`type:${t}`) ?? NONE);
      options.push({
        size: sets.reduce((n, s) => n + s.size, 0),
        entries: () => sets.flatMap((s) => [...s]),
      });
    }
    if (options.length === 0) return undefined;
    return options.reduce((a, b) => (b.size < a.size ? b : a));
  }

  private single(key: string): Candidates {
    const entries = this.byFacet.get(key) ?? NONE;
    return { size: entries.size, entries: () => entries };
  }
}

/** Entries that may match, and how many (known before they are read). */
export interface Candidates {
  size: number;
  entries: () => Iterable<StoredEntry>;
}

const NONE: ReadonlySet<StoredEntry> = new Set();

function facetsOf(entry: StoredEntry): string[] {
  return [
    ...new Set(entry.tagKeys.map((t) => `tag:${t}`)),
    `author:${entry.author.id}`,
    `saver:${entry.savedById}`,
    `type:${entry.type}`,
  ];
}
