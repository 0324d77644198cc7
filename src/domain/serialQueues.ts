/**
 * Runs tasks one after another per key: each starts once the key's previous task has ended,
 * failed or not, and a key is forgotten once its last task ends. For work that must not overlap
 * for one thing (one conversation's messages, one activity's announcements, one day's recount)
 * while different things go on in parallel.
 */
export class SerialQueues {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Queues `task` behind the key's tasks; its own result, or failure, is the caller's. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.tails.set(key, next);
    // The caller handles `next` failing; this bookkeeping copy must not become an unhandled
    // rejection (Node ends the process on one).
    void next
      .finally(() => {
        if (this.tails.get(key) === next) this.tails.delete(key);
      })
      .catch(() => undefined);
    return next;
  }

  /** Waits until every task queued so far has ended (shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.tails.values()]);
  }

  /** How many keys have tasks queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
