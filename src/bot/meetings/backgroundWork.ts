import type { Logger } from "../../observability/logger.js";

/**
 * Work done after an invoke has been answered (Teams waits at most 5 s for an invoke): posting
 * cards, forming pairs, closing an activity. Failures are logged with their ids, never thrown into
 * a finished turn; `drain` lets shutdown wait for what is running.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(what: string, ids: Record<string, unknown>, work: () => Promise<unknown>): void {
    const task = (async () => {
      try {
        await work();
      } catch (error) {
        this.logger.error(`${what} failed`, {
          ...ids,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    })();
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
