import { Poller } from "../../domain/poller.js";
import type { DailyWarnings } from "./dailyWarnings.js";

/**
 * A pass every instance runs every `pollMs` (reminders, due-day check-ins, question escalation):
 * claims in storage make each piece of work happen once across instances. A pass never overlaps
 * the one before; a failed pass is written to the log once a day, and the next one tries again.
 */
export class PeriodicPass {
  private readonly poller: Poller;

  constructor(name: string, pass: () => Promise<unknown>, warnings: DailyWarnings) {
    this.poller = new Poller(() =>
      pass().catch((error: unknown) =>
        warnings.warn(new Date(), `${name}: pass failed`, {
          error: error instanceof Error ? error.message : String(error),
        }),
      ),
    );
  }

  /** Runs a first pass now, then every `pollMs`. */
  start(pollMs: number): void {
    this.poller.start(pollMs, { immediately: true });
  }

  /** Stops the timer and waits for a pass under way. */
  async stop(): Promise<void> {
    await this.poller.stop();
  }
}
