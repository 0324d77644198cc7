/**
 * Coalesces concurrent reads of the same thing without ever answering from a read that began
 * before the caller asked. At most one read per key is in flight; callers who arrive while it runs
 * share the next one, which starts as soon as the running one ends. So every answer reflects all
 * writes completed before its caller arrived (as a read of its own would), while a burst of callers
 * costs two reads instead of one each.
 */
export class FreshReads<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly queued = new Map<string, Promise<T>>();

  /** `read` must depend on `key` only (callers with the same key get the same answer). */
  read(key: string, read: () => Promise<T>): Promise<T> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const running = this.running.get(key);
    if (!running) return this.start(key, read);
    const next = running.then(
      () => this.startQueued(key, read),
      () => this.startQueued(key, read),
    );
    this.queued.set(key, next);
    return next;
  }

  /**
   * For a caller who needs no write of others completed before it asked (it folds in its own):
   * the read running now, even one begun earlier, else a new one.
   */
  readAny(key: string, read: () => Promise<T>): Promise<T> {
    return this.running.get(key) ?? this.queued.get(key) ?? this.start(key, read);
  }

  private startQueued(key: string, read: () => Promise<T>): Promise<T> {
    this.queued.delete(key);
    return this.start(key, read);
  }

  private start(key: string, read: () => Promise<T>): Promise<T> {
    const promise = read().finally(() => {
      if (this.running.get(key) === promise) this.running.delete(key);
    });
    this.running.set(key, promise);
    return promise;
  }
}
