import { ConcurrencyError } from "./errors.js";

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
 * Lets the event loop run what is waiting (other requests, health checks, timers) before a long
 * computation goes on: work split by these stalls the server for one slice, not for all of it.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
