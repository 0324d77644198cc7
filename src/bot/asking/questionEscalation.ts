import type { QuestionRoutingService } from "../../domain/ask/questionRoutingService.js";
import type { Logger } from "../../observability/logger.js";
import { DailyWarnings } from "../reminders/dailyWarnings.js";
import { PeriodicPass } from "../reminders/periodicPass.js";

/**
 * The escalation job: every instance looks for routed questions whose time is up, off the request
 * path; each route is moved on by the one instance whose ETag-guarded claim on its row wins, so a
 * question goes to the next person once however many instances run.
 */
export class QuestionEscalation {
  private readonly warnings: DailyWarnings;
  private readonly loop: PeriodicPass;

  constructor(
    private readonly routing: Pick<QuestionRoutingService, "escalateDue">,
    logger: Logger,
  ) {
    this.warnings = new DailyWarnings(logger);
    this.loop = new PeriodicPass("question escalation", () => this.runOnce(), this.warnings);
  }

  start(pollMs: number): void {
    this.loop.start(pollMs);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass; returns how many people were sent a question. */
  runOnce(now = new Date()): Promise<number> {
    return this.routing.escalateDue(now);
  }
}
