/** Work waits for the adding to pause this long… */
const PAUSE_MS = 2_000;
/** …but never longer than this after the first item. */
const MAX_WAIT_MS = 15_000;

interface Pending<C, T> {
  context: C;
  items: Map<string, T>;
  since: number;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Bookkeeping that follows a rush: items gathered per key (an activity), the newest per item key
 * (a person), handed to `run` together once adding pauses for 2 s — at most 15 s after the first —
 * or when asked (`flush`). Everyone in the rush is answered first; the follow-up never competes
 * with it. `context` is the first add's (what the items share).
 */
export class AfterThePause<C, T> {
  private readonly pending = new Map<string, Pending<C, T>>();

  constructor(private readonly run: (context: C, items: T[]) => Promise<void>) {}

  add(key: string, context: C, itemKey: string, item: T): void {
    const entry: Pending<C, T> = this.pending.get(key) ?? { context, items: new Map(), since: Date.now() };
    entry.items.set(itemKey, item);
    if (entry.timer) {
      if (Date.now() - entry.since >= MAX_WAIT_MS) return;
      clearTimeout(entry.timer);
    }
    this.pending.set(key, entry);
    entry.timer = setTimeout(() => void this.flush(key).catch(() => undefined), PAUSE_MS);
    entry.timer.unref?.();
  }

  /** Runs the key's pending items now (none: nothing). */
  async flush(key: string): Promise<void> {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.pending.delete(key);
    clearTimeout(entry.timer);
    await this.run(entry.context, [...entry.items.values()]);
  }
}
