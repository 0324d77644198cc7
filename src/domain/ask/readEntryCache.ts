import type { Entry } from "../library/entry.js";

/** What answering reads of an entry; the rest (votes, history) would only hold memory. */
export type EntryText = Pick<
  Entry,
  "communityId" | "id" | "type" | "title" | "summary" | "body" | "tags" | "answered"
>;

/** Entries kept: a few thousand (each up to ~20 kB of text) covers what a busy tenant asks about. */
const DEFAULT_CAPACITY = 2000;

/**
 * The entries answering read lately, each with the version the search index had when it was read
 * (its `updatedAt`, which every change moves, accepting an answer too). Every question reads its best five entries in full; reading them from Tables
 * each time was most of the round trip, while the same popular entries answer question after
 * question. A kept entry is used only while the index still holds that version: an edit, seen by
 * the index's change feed, makes it read again. Least recently used goes first.
 */
export class ReadEntryCache {
  private readonly kept = new Map<string, { version: string; entry: EntryText }>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(tenantId: string, communityId: string, entryId: string, version: string): EntryText | undefined {
    const key = keyOf(tenantId, communityId, entryId);
    const found = this.kept.get(key);
    if (!found || found.version !== version) return undefined;
    // Map keeps insertion order: moving it to the end makes the first key the least recently used.
    this.kept.delete(key);
    this.kept.set(key, found);
    return found.entry;
  }

  set(tenantId: string, entry: EntryText, version: string): void {
    const key = keyOf(tenantId, entry.communityId, entry.id);
    this.kept.delete(key);
    const { communityId, id, type, title, summary, body, tags, answered } = entry;
    const text = { communityId, id, type, title, summary, body, tags };
    this.kept.set(key, { version, entry: answered === undefined ? text : { ...text, answered } });
    while (this.kept.size > this.capacity) {
      const oldest = this.kept.keys().next().value;
      if (oldest === undefined) break;
      this.kept.delete(oldest);
    }
  }
}

function keyOf(tenantId: string, communityId: string, entryId: string): string {
  return `${tenantId}|${communityId}|${entryId}`;
}
