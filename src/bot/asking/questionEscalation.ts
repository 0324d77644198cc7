import type { QuestionRoutingService } from "../../domain/ask/questionRoutingService.js";
import type { Logger } from "../../observability/logger.js";
import { DailyWarnings } from "../reminders/dailyWarnings.js";

/**
 * The escalation job: every instance looks for routed questions whose time is up, off the request
 * path; each route is moved on by the one instance whose ETag-guarded claim on its row wins, so a
 * question goes to the next person once however many instances run.
 */
export class QuestionEscalation {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly warnings: DailyWarnings;

  constructor(
    private readonly routing: Pick<QuestionRoutingService, "escalateDue">,
    logger: Logger,
  ) {
    this.warnings = new DailyWarnings(logger);
  }

  start(pollMs: number): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.warnings.warn(new Date(), "question escalation: pass failed", {
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

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass; returns how many people were sent a question. */
  runOnce(now = new Date()): Promise<number> {
    return this.routing.escalateDue(now);
  }
}
