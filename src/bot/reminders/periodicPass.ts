import { Poller } from "../../domain/poller.js";
import type { Logger } from "../../observability/logger.js";
import { DailyWarnings } from "./dailyWarnings.js";

/**
 * A job every instance runs every `pollMs` (reminders, due-day check-ins, question escalation):
 * claims in storage make each piece of work happen once across instances. A pass never overlaps
 * the one before; a failed pass is written to the log once a day, and the next one tries again.
 */
export abstract class PeriodicPass {
  /** Problems a pass meets, logged once a day each rather than on every pass. */
  protected readonly warnings: DailyWarnings;
  private readonly poller: Poller;

  constructor(name: string, logger: Logger) {
    this.warnings = new DailyWarnings(logger);
    this.poller = new Poller(() =>
      this.runOnce().catch((error: unknown) =>
        this.warnings.warn(new Date(), `${name}: pass failed`, {
          error: error instanceof Error ? error.message : String(error),
        }),
      ),
    );
  }

  /** One pass (tests call it to pass time at once). */
  abstract runOnce(now?: Date): Promise<unknown>;

  /** Runs a first pass now, then every `pollMs`. */
  start(pollMs: number): void {
    this.poller.start(pollMs, { immediately: true });
  }

  /** Stops the timer and waits for a pass under way. */
  stop(): Promise<void> {
    return this.poller.stop();
  }
}
