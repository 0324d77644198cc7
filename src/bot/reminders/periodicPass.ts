import type { DailyWarnings } from "./dailyWarnings.js";

/**
 * A pass every instance runs every `pollMs` (reminders, due-day check-ins, question escalation):
 * claims in storage make each piece of work happen once across instances. A pass never overlaps
 * the one before; a failed pass is written to the log once a day, and the next one tries again.
 */
export class PeriodicPass {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly pass: () => Promise<unknown>,
    private readonly warnings: DailyWarnings,
  ) {}

  start(pollMs: number): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.pass()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.warnings.warn(new Date(), `${this.name}: pass failed`, {
            error: error instanceof Error ? error.message : String(error),
          }),
        )
        .finally(() => {
          this.running = undefined;
        });
    };
    this.timer = setInterval(tick, pollMs);
    this.timer.unref();
    tick();
  }

  /** Stops the timer and waits for a pass under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
