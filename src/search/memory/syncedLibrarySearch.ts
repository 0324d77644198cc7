import type { Entry } from "../../domain/library/entry.js";
import type { EntryRepository } from "../../domain/library/entryRepository.js";
import type { HeldEntryText, LibrarySearch, LibrarySearchPage } from "../../domain/library/librarySearch.js";
import { toPlainText } from "../../domain/library/messageContent/index.js";
import type { EntrySearchQuery } from "../../domain/library/search/searchTypes.js";
import type { Page } from "../../domain/paging.js";
import { EntryIndex, heldTextsOf, toIndexedEntry } from "./entryIndex.js";
import { searchAcross } from "./searchAcross.js";

/** Entries indexed between two chances for other work (about 5–12 ms of CPU). */
const LOAD_SLICE = 32;

/** What the index reads of the library's storage: its entries, and its change log. */
export type LibrarySource = Pick<EntryRepository, "list" | "get" | "changesSince">;

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
  /**
   * How long a search waits for a library still being loaded before it answers from what is
   * loaded so far (with `incomplete`): a large library's first search stays within Teams' 5 s for
   * a message extension's query whatever its size, and within a second for a tab (event-loop delays under load included). @default 700 ms
   */
  firstAnswerMs?: number;
  /**
   * The heap the indexes of this instance may take together, by their own estimate
   * ({@link EntryIndex.approximateBytes}); past it the least recently searched are let go.
   * @default 1 GiB
   */
  maxBytes?: number;
  /**
   * How many libraries load at once; more wait their turn. Loading is CPU work: beyond a core's
   * worth, parallel loads only make each other (and every search) slower. @default 2
   */
  maxConcurrentLoads?: number;
  now?: () => Date;
}

interface CommunityIndex {
  index: EntryIndex;
  /** Settles when the whole library is loaded (rejects when loading failed). */
  loaded: Promise<void>;
  complete: boolean;
  /** Position (row key) up to which the change log has been read. */
  position: string;
  /** Positions already applied inside the overlap window. */
  applied: Map<string, number>;
  refreshedAt: number;
  refreshing: Promise<void> | undefined;
  usedAt: number;
  /** The index's size when last measured (after loading, after each read of the log). */
  bytes: number;
}

/**
 * Library search that stays correct across server instances: each instance keeps one in-memory
 * {@link EntryIndex} per community, loaded from the Entries table on first use and kept fresh from
 * the community's change log (LibraryChanges), which every instance appends to on every write.
 * A search answers from the index at once while its last read of the log is younger than
 * `maxStalenessMs` (starting a re-read in the background after `freshnessMs`), and otherwise reads
 * the log first — so an entry saved through any instance is found through every other one within
 * `maxStalenessMs`, and under steady traffic no search waits for storage.
 *
 * Memory is bounded twice: an index nobody searched for `idleMs` is let go, and when the indexes
 * together pass `maxBytes` the least recently searched go first.
 */
export class SyncedLibrarySearch implements LibrarySearch {
  private readonly indexes = new Map<string, CommunityIndex>();
  private readonly freshnessMs: number;
  private readonly idleMs: number;
  private readonly firstAnswerMs: number;
  private readonly maxBytes: number;
  private readonly loadSlots: Slots;
  private sweptAt = Number.NEGATIVE_INFINITY;
  private readonly maxStalenessMs: number;
  private readonly overlapMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly entries: LibrarySource,
    options: SyncedLibrarySearchOptions = {},
  ) {
    this.freshnessMs = options.freshnessMs ?? 250;
    this.maxStalenessMs = options.maxStalenessMs ?? 750;
    this.overlapMs = options.overlapMs ?? 5_000;
    this.idleMs = options.idleMs ?? 30 * 60_000;
    this.firstAnswerMs = options.firstAnswerMs ?? 700;
    this.maxBytes = options.maxBytes ?? 1024 ** 3;
    this.loadSlots = new Slots(options.maxConcurrentLoads ?? 2);
    this.now = options.now ?? (() => new Date());
  }

  async search(
    tenantId: string,
    communityIds: readonly string[],
    query: EntrySearchQuery,
  ): Promise<LibrarySearchPage> {
    const ids = [...new Set(communityIds)];
    const states = ids.map((id) => this.indexFor(tenantId, id));
    await Promise.all(states.map((state) => this.loadedOrLate(state)));
    await Promise.all(
      states.map((state, i) =>
        state.complete ? this.refresh(tenantId, ids[i] as string, state) : undefined,
      ),
    );
    const page = searchAcross(
      states.map((state, i) => ({ communityId: ids[i] as string, index: state.index })),
      query,
    );
    // A search can grow an index (its result cache): measured again, the budget enforced.
    for (const state of states) this.measure(state);
    if (states.some((state) => !state.complete)) {
      const indexed = states.reduce((sum, state) => sum + state.index.size, 0);
      return { ...page, incomplete: { indexed } };
    }
    return page;
  }

  noteChange(tenantId: string, communityId: string, entryId: string, current: Entry | undefined): void {
    // Not held here: the first search loads it from the table, change included. Still loading:
    // applied now, and versions decide against what the load reads later.
    const state = this.indexes.get(key(tenantId, communityId));
    if (state) this.applyState(state, entryId, current);
  }

  heldTexts(tenantId: string, communityId: string, entryIds: readonly string[]): HeldEntryText[] {
    // Whatever the index holds now is as current as what a search just found in it: the log's
    // changes (edits, erasures, removal requests) reach the index and these texts alike.
    const index = this.indexes.get(key(tenantId, communityId))?.index;
    if (!index) return [];
    return heldTextsOf(index, entryIds);
  }

  /** Loads the index from the table (once per community and instance, shared by concurrent callers). */
  async rebuild(tenantId: string, communityId: string): Promise<EntryIndex> {
    this.indexes.delete(key(tenantId, communityId));
    const state = this.indexFor(tenantId, communityId);
    await state.loaded;
    return state.index;
  }

  /** Whether this instance holds the community's whole library (loaded, not loading). */
  holds(tenantId: string, communityId: string): boolean {
    return this.indexes.get(key(tenantId, communityId))?.complete === true;
  }

  /** Whether this instance holds the community's index at all (loaded, loading or waiting to load). */
  holdsAny(tenantId: string, communityId: string): boolean {
    return this.indexes.has(key(tenantId, communityId));
  }

  /** How many communities' indexes this instance holds. */
  get heldIndexes(): number {
    return this.indexes.size;
  }

  /** The estimated bytes of every index this instance holds. */
  get heldBytes(): number {
    let bytes = 0;
    for (const state of this.indexes.values()) bytes += state.bytes;
    return bytes;
  }

  private indexFor(tenantId: string, communityId: string): CommunityIndex {
    const k = key(tenantId, communityId);
    const now = this.now().getTime();
    this.evictIdle(now);
    let state = this.indexes.get(k);
    if (!state) {
      // Changes made while the table is read are picked up from the log afterwards.
      const position = this.positionAt(now - this.overlapMs);
      const index = new EntryIndex();
      const created: CommunityIndex = {
        index,
        loaded: Promise.resolve(),
        complete: false,
        position,
        applied: new Map(),
        refreshedAt: 0,
        refreshing: undefined,
        usedAt: now,
        bytes: 0,
      };
      // Held before loading starts: a load stops when its index is let go.
      this.indexes.set(k, created);
      created.loaded = this.loadSlots
        .run(() => this.load(tenantId, communityId, created))
        .then(
          (finished) => {
            created.complete = finished;
            if (finished) this.measure(created);
          },
          (error: unknown) => {
            // A failed load is retried by the next search.
            if (this.indexes.get(k) === created) this.indexes.delete(k);
            throw error;
          },
        );
      created.loaded.catch(() => undefined); // awaited by the searches; not unhandled meanwhile
      state = created;
    }
    // Map order is insertion order: re-inserting keeps the least recently searched first.
    this.indexes.delete(k);
    this.indexes.set(k, state);
    state.usedAt = now;
    return state;
  }

  /** Waits for the whole library, or for {@link firstAnswerMs} while it is still loading. */
  private async loadedOrLate(state: CommunityIndex): Promise<void> {
    if (state.complete) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.firstAnswerMs);
    });
    try {
      await Promise.race([state.loaded, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops the indexes of communities nobody searched for {@link idleMs} (checked once a minute at most). */
  private evictIdle(now: number): void {
    if (now - this.sweptAt < Math.min(60_000, this.idleMs)) return;
    this.sweptAt = now;
    for (const [k, state] of this.indexes) if (now - state.usedAt >= this.idleMs) this.indexes.delete(k);
  }

  /** Lets the least recently searched indexes go until the rest fit {@link maxBytes}. */
  private evictOverBudget(): void {
    let bytes = this.heldBytes;
    for (const [k, state] of this.indexes) {
      if (bytes <= this.maxBytes) return;
      // The most recently searched stays whatever its size: someone is waiting for it.
      if (this.indexes.size === 1) return;
      this.indexes.delete(k);
      bytes -= state.bytes;
    }
  }

  private measure(state: CommunityIndex): void {
    state.bytes = state.index.approximateBytes();
    this.evictOverBudget();
  }

  /** Loads the library into `state`; false when it was let go meanwhile (and loading stopped). */
  private async load(tenantId: string, communityId: string, state: CommunityIndex): Promise<boolean> {
    const k = key(tenantId, communityId);
    const held = () => this.indexes.get(k) === state;
    if (!held()) return false;
    const pageOf = (continuationToken?: string): Promise<Page<Entry>> => {
      const page = this.entries.list(tenantId, communityId, { pageSize: 1000, continuationToken });
      page.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
      return page;
    };
    // The next page is on its way while this one is indexed: storage and CPU work side by side.
    // Searches in between answer from the pages loaded so far.
    let next: Promise<Page<Entry>> | undefined = pageOf();
    while (next) {
      const page: Page<Entry> = await next;
      if (!held()) return false;
      next = page.continuationToken ? pageOf(page.continuationToken) : undefined;
      const now = this.now();
      // As in applyState: an entry whose removal was asked for stays out until a steward decides.
      const kept = page.items.filter((entry) => !entry.removalRequestedBy);
      // In slices, giving way between them: searches of libraries already loaded wait for one
      // slice at most, not for a whole page (a page of 1,000 entries is 150–400 ms of CPU).
      for (let i = 0; i < kept.length; i += LOAD_SLICE) {
        state.index.upsertMany(
          kept.slice(i, i + LOAD_SLICE).map((entry) => toIndexedEntry(entry, toPlainText(entry.body), now)),
        );
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.measure(state);
    }
    state.index.prepareListings();
    return true;
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
      this.applyState(state, entryId, await this.entries.get(tenantId, communityId, entryId));
    for (const change of fresh) {
      state.applied.set(change.position, Date.parse(change.at));
      if (change.position > state.position) state.position = change.position;
    }
    const forgetBefore = Date.parse(state.position.slice(0, 24)) - 2 * this.overlapMs;
    for (const [position, at] of state.applied) if (at < forgetBefore) state.applied.delete(position);
    state.refreshedAt = startedAt;
    if (fresh.length > 0) this.measure(state);
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

/** At most `size` tasks at once; the others start in turn as those end. */
class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

function key(tenantId: string, communityId: string): string {
  return `${tenantId}|${communityId}`;
}
