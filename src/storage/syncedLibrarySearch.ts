import type { Entry } from "../domain/library/entry.js";
import type { EntryRepository } from "../domain/library/entryRepository.js";
import type { LibrarySearch } from "../domain/library/librarySearch.js";
import { toPlainText } from "../domain/library/messageContent/index.js";
import {
  EntryIndex,
  type EntrySearchPage,
  type EntrySearchQuery,
  toIndexedEntry,
} from "../domain/library/search/entryIndex.js";
import type { Page } from "../domain/paging.js";

export interface SyncedLibrarySearchOptions {
  /** A search starts a re-read of the change log in the background when the last read is older than this. */
  freshnessMs?: number;
  /** A search waits for a re-read of the change log when the last read is older than this. */
  maxStalenessMs?: number;
  /**
   * How far back each read of the change log looks again. Another instance's change can land in
   * the log with a position a little older than one already read (clock skew, slow commit); reading
   * a window again, and skipping what was applied, never misses it.
   */
  overlapMs?: number;
  /**
   * A community's index not searched for this long is dropped (its memory given back); the next
   * search builds it again from Tables. @default 30 minutes
   */
  idleMs?: number;
  now?: () => Date;
}

interface CommunityIndex {
  index: EntryIndex;
  /** Position (row key) up to which the change log has been read. */
  position: string;
  /** Positions already applied inside the overlap window. */
  applied: Map<string, number>;
  refreshedAt: number;
  refreshing: Promise<void> | undefined;
}

interface Held {
  state: Promise<CommunityIndex>;
  usedAt: number;
}

/**
 * Library search that stays correct across server instances: each instance keeps one in-memory
 * {@link EntryIndex} per community, built from the Entries table on first use and kept fresh from
 * the community's change log (LibraryChanges), which every instance appends to on every write.
 * A search answers from the index at once while its last read of the log is younger than
 * `maxStalenessMs` (starting a re-read in the background after `freshnessMs`), and otherwise reads
 * the log first — so an entry saved through any instance is found through every other one within
 * `maxStalenessMs`, and under steady traffic no search waits for storage.
 */
export class SyncedLibrarySearch implements LibrarySearch {
  private readonly indexes = new Map<string, Held>();
  private readonly freshnessMs: number;
  private readonly idleMs: number;
  private sweptAt = Number.NEGATIVE_INFINITY;
  private readonly maxStalenessMs: number;
  private readonly overlapMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly entries: EntryRepository,
    options: SyncedLibrarySearchOptions = {},
  ) {
    this.freshnessMs = options.freshnessMs ?? 250;
    this.maxStalenessMs = options.maxStalenessMs ?? 750;
    this.overlapMs = options.overlapMs ?? 5_000;
    this.idleMs = options.idleMs ?? 30 * 60_000;
    this.now = options.now ?? (() => new Date());
  }

  async search(tenantId: string, communityId: string, query: EntrySearchQuery): Promise<EntrySearchPage> {
    const state = await this.indexFor(tenantId, communityId);
    await this.refresh(tenantId, communityId, state);
    return state.index.search(query);
  }

  noteChange(tenantId: string, communityId: string, entryId: string, current: Entry | undefined): void {
    // Not loaded here yet: the first search builds it from the table, change included. Loading:
    // the change is in the log, and the first refresh after the build applies it.
    void this.indexes.get(key(tenantId, communityId))?.state.then(
      (state) => this.applyState(state, entryId, current),
      () => undefined,
    );
  }

  /** Builds the index from the table (once per community and instance, shared by concurrent callers). */
  async rebuild(tenantId: string, communityId: string): Promise<EntryIndex> {
    this.indexes.delete(key(tenantId, communityId));
    return (await this.indexFor(tenantId, communityId)).index;
  }

  /** How many communities' indexes this instance holds. */
  get heldIndexes(): number {
    return this.indexes.size;
  }

  private indexFor(tenantId: string, communityId: string): Promise<CommunityIndex> {
    const k = key(tenantId, communityId);
    const now = this.now().getTime();
    this.evictIdle(now);
    let held = this.indexes.get(k);
    if (!held) {
      const state = this.build(tenantId, communityId);
      state.catch(() => this.indexes.delete(k)); // a failed build is retried by the next search
      held = { state, usedAt: now };
      this.indexes.set(k, held);
    }
    held.usedAt = now;
    return held.state;
  }

  /** Drops the indexes of communities nobody searched for {@link idleMs} (checked once a minute at most). */
  private evictIdle(now: number): void {
    if (now - this.sweptAt < Math.min(60_000, this.idleMs)) return;
    this.sweptAt = now;
    for (const [k, held] of this.indexes) if (now - held.usedAt >= this.idleMs) this.indexes.delete(k);
  }

  private async build(tenantId: string, communityId: string): Promise<CommunityIndex> {
    // Changes made while the table is read are picked up from the log afterwards.
    const position = this.positionAt(this.now().getTime() - this.overlapMs);
    const index = new EntryIndex();
    const pageOf = (continuationToken?: string): Promise<Page<Entry>> => {
      const page = this.entries.list(tenantId, communityId, { pageSize: 1000, continuationToken });
      page.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
      return page;
    };
    // The next page is on its way while this one is indexed: storage and CPU work side by side.
    let next: Promise<Page<Entry>> | undefined = pageOf();
    while (next) {
      const page: Page<Entry> = await next;
      next = page.continuationToken ? pageOf(page.continuationToken) : undefined;
      const now = this.now();
      // As in applyState: an entry whose removal was asked for stays out until a steward decides.
      for (const entry of page.items)
        if (!entry.removalRequestedBy) index.upsert(toIndexedEntry(entry, toPlainText(entry.body), now));
    }
    index.prepareListings();
    return { index, position, applied: new Map(), refreshedAt: 0, refreshing: undefined };
  }

  private refresh(tenantId: string, communityId: string, state: CommunityIndex): Promise<void> {
    const age = Date.now() - state.refreshedAt;
    if (age < this.freshnessMs) return Promise.resolve();
    state.refreshing ??= this.readLog(tenantId, communityId, state).finally(() => {
      state.refreshing = undefined;
    });
    if (age < this.maxStalenessMs) {
      // Fresh enough to answer now; the re-read lands for the next search (its failure is retried then).
      state.refreshing.catch(() => undefined);
      return Promise.resolve();
    }
    return state.refreshing;
  }

  private async readLog(tenantId: string, communityId: string, state: CommunityIndex): Promise<void> {
    const startedAt = Date.now();
    const since = this.positionAt(Date.parse(state.position.slice(0, 24)) - this.overlapMs);
    const changes = await this.entries.changesSince(tenantId, communityId, since);
    const fresh = changes.filter((c) => !state.applied.has(c.position));
    // Several changes of one entry need one read of its current state.
    for (const entryId of new Set(fresh.map((c) => c.entryId)))
      await this.apply(tenantId, communityId, state, entryId);
    for (const change of fresh) {
      state.applied.set(change.position, Date.parse(change.at));
      if (change.position > state.position) state.position = change.position;
    }
    const forgetBefore = Date.parse(state.position.slice(0, 24)) - 2 * this.overlapMs;
    for (const [position, at] of state.applied) if (at < forgetBefore) state.applied.delete(position);
    state.refreshedAt = startedAt;
  }

  /** Brings one entry in the index to its current state in the table (present or gone). */
  private async apply(
    tenantId: string,
    communityId: string,
    state: CommunityIndex,
    entryId: string,
  ): Promise<void> {
    this.applyState(state, entryId, await this.entries.get(tenantId, communityId, entryId));
  }

  private applyState(state: CommunityIndex, entryId: string, entry: Entry | undefined): void {
    // An entry whose author asked for its removal leaves search until a steward decides.
    if (!entry || entry.removalRequestedBy) state.index.remove(entryId);
    else state.index.upsert(toIndexedEntry(entry, toPlainText(entry.body), this.now()));
  }

  private positionAt(ms: number): string {
    return new Date(Math.max(0, ms)).toISOString();
  }
}

function key(tenantId: string, communityId: string): string {
  return `${tenantId}|${communityId}`;
}
