/**
 * Runs a pass every `intervalMs` in the background (announcements, insights, reminders): never
 * two passes at once — a tick while one runs is skipped — and the timer does not keep the process
 * alive. The pass handles its own failures. `stop` ends the timer and waits for a pass under way.
 */
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly pass: () => Promise<unknown>) {}

  /** Starts the timer (once; again only after `stop`); `immediately` runs a first pass now. */
  start(intervalMs: number, options: { immediately?: boolean } = {}): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
    if (options.immediately) this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
  }
}
