/**
 * A pass of work run every `intervalMs` on this instance, never two at once: when the next is due
 * while one still runs, it is skipped. The timer does not keep the process alive; `stop` waits for
 * the pass under way. Errors are the pass's own to handle.
 */
export class RepeatingPass {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly pass: () => Promise<unknown>) {}

  start(intervalMs: number): void {
    this.timer ??= setInterval(() => {
      this.running ??= this.pass().finally(() => {
        this.running = undefined;
      });
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
