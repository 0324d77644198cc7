import type { QuestionRoutingService } from "../../domain/ask/questionRoutingService.js";
import type { Logger } from "../../observability/logger.js";
import { PeriodicPass } from "../reminders/periodicPass.js";

/**
 * The escalation job: every instance looks for routed questions whose time is up, off the request
 * path; each route is moved on by the one instance whose ETag-guarded claim on its row wins, so a
 * question goes to the next person once however many instances run.
 */
export class QuestionEscalation extends PeriodicPass {
  constructor(
    private readonly routing: Pick<QuestionRoutingService, "escalateDue">,
    logger: Logger,
  ) {
    super("question escalation", logger);
  }

  /** One pass; returns how many people were sent a question. */
  runOnce(now = new Date()): Promise<number> {
    return this.routing.escalateDue(now);
  }
}
