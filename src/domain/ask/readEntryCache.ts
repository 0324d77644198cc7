import { setNewest } from "../boundedMap.js";
import type { QuotableEntry } from "../library/quotableEntry.js";

/** Entries kept: a few thousand (each up to ~20 kB of text) covers what a busy tenant asks about. */
const DEFAULT_CAPACITY = 2000;

/**
 * The entries answering read from storage lately, each at the version read (its `updatedAt`, which
 * every change moves, accepting an answer too). Entries the search engine holds are quoted from
 * its own copy and never come here; this serves an engine that keeps no text. A kept entry is used
 * only while the search still finds that version: an edit, seen by the index's change feed, makes
 * it read again. Least recently used goes first.
 */
export class ReadEntryCache {
  private readonly kept = new Map<string, QuotableEntry>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(tenantId: string, communityId: string, entryId: string, version: string): QuotableEntry | undefined {
    const key = keyOf(tenantId, communityId, entryId);
    const found = this.kept.get(key);
    if (!found || found.version !== version) return undefined;
    // Map keeps insertion order: moving it to the end makes the first key the least recently used.
    this.kept.delete(key);
    this.kept.set(key, found);
    return found;
  }

  set(tenantId: string, entry: QuotableEntry): void {
    const key = keyOf(tenantId, entry.communityId, entry.id);
    setNewest(this.kept, key, entry, this.capacity);
  }
}

function keyOf(tenantId: string, communityId: string, entryId: string): string {
  return `${tenantId}|${communityId}|${entryId}`;
}
