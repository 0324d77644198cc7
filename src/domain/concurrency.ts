import { ConcurrencyError, ConflictError } from "./errors.js";

/** How often a guarded write is retried when another writer got there first. */
const MAX_ATTEMPTS = 25;

/** Full-jitter backoff, so writers racing for one row spread out instead of colliding again. */
function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(250, 10 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

/**
 * Runs a read-modify-write guarded by an ETag, re-running it from the read when another writer
 * won (a ConcurrencyError), so no update is lost. Other errors pass through.
 */
export async function retryOnConflict<T>(readModifyWrite: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readModifyWrite();
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
    }
    await backoff(attempt);
  }
}

/**
 * Creates a row whose key is made from the request (or is otherwise one per thing), once: a retried
 * request, or another instance that created it first, meets a ConflictError and leaves the row
 * there as it is. True when this call created it. Other errors pass through.
 */
export async function createOnce(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return false;
  }
}

/** How a count cached on a row (a community's members, an entry's helpful votes) is kept exact. */
export interface CachedCount<T> {
  /** The row that caches the count, with the count it holds; undefined when the row is gone. */
  read(): Promise<{ value: T; count: number } | undefined>;
  /** The truth: how many rows there are to count, counted now. */
  recount(): Promise<number>;
  /** Stores a count on the row, unconditionally (no ETag): the check that follows catches a stale one. */
  write(count: number): Promise<void>;
}

/** How often {@link settleCount} checks and writes before it leaves the count to later writers. */
const MAX_SETTLE_ROUNDS = 40;

/**
 * Brings a cached count to the number of rows it counts, after the caller changed one of those rows
 * (a membership, a vote), and returns the row with the count as counted.
 *
 * Why it cannot drift: every writer, after its own row landed, loops "recount, read the cache; stop
 * if they agree, else write the recount". A write may be stale (another writer counted later and
 * wrote first), but its writer checks again after writing and corrects it, and a writer stops only
 * after a check made after its last write found cache and truth equal. So once writers are done, the
 * last write was checked against a recount made after every row change: the cache is exact. No
 * writer waits for an ETag it may never win, so nobody is told their change failed when it landed;
 * and any later change recounts from the rows, so even a count left behind by a crashed instance
 * heals at the next join or vote.
 *
 * If the rows keep changing for all {@link MAX_SETTLE_ROUNDS} rounds, it answers with the row and
 * the number it recounted last (the caller's change has landed: they are told so), and settles once
 * more a little later, in the background, in case no other writer is left to do it.
 */
export async function settleCount<T>(
  cached: CachedCount<T>,
): Promise<{ value: T; count: number } | undefined> {
  let last: { value: T; count: number } | undefined;
  for (let round = 1; round <= MAX_SETTLE_ROUNDS; round++) {
    const [stored, truth] = await Promise.all([cached.read(), cached.recount()]);
    if (!stored) return undefined;
    last = { value: stored.value, count: truth };
    if (stored.count === truth) return last;
    await cached.write(truth);
    // Writers that just wrote spread out before checking, so they do not all re-read at once.
    await backoff(Math.min(round, 4));
  }
  // Best effort: a failure here leaves the count to the next change, which recounts from the rows.
  setTimeout(() => void settleCount(cached).catch(() => undefined), SETTLE_AGAIN_MS).unref?.();
  return last;
}

/** How long a count left unsettled waits before this instance settles it again. */
const SETTLE_AGAIN_MS = 2_000;

/**
 * Shares count settling among the requests of one instance: while a settle of a count runs, the
 * requests that changed a row meanwhile wait for one more settle, started after the running one
 * ends, and all take its answer. That settle begins after each of their rows landed, so it counts
 * them as surely as their own would ({@link settleCount}); 300 joins on one instance then make a few
 * settles instead of 300 that recount the same rows and race to write the same number.
 */
export class CountSettler {
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly queued = new Map<string, Promise<unknown>>();

  /** Settles the count named `key` (unique per counted thing), sharing with concurrent callers. */
  settle<T>(key: string, cached: CachedCount<T>): Promise<{ value: T; count: number } | undefined> {
    type Settled = { value: T; count: number } | undefined;
    // Not started yet, so it starts after this caller's row landed: it covers this caller.
    const queued = this.queued.get(key);
    if (queued) return queued as Promise<Settled>;
    const before = this.running.get(key);
    const run = async (): Promise<Settled> => {
      if (before) await before.catch(() => undefined);
      this.queued.delete(key);
      const settling = settleCount(cached);
      this.running.set(key, settling);
      try {
        return await settling;
      } finally {
        if (this.running.get(key) === settling) this.running.delete(key);
      }
    };
    const next = run();
    if (before) this.queued.set(key, next);
    return next;
  }
}

/**
 * Lets the event loop run what is waiting (other requests, health checks, timers) before a long
 * computation goes on: work split by these stalls the server for one slice, not for all of it.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs `work` for every item with at most `limit` in flight. */
export async function forEachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
