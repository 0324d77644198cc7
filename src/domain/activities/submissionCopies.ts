import { AfterThePause } from "../afterThePause.js";
import { forEachLimited } from "../concurrency.js";
import type { Activity, Submission } from "./activity.js";

/** Copies written side by side. */
const COPIES_IN_FLIGHT = 8;

type Copy = Pick<Submission, "kind" | "ownerId" | "text" | "at">;

/**
 * The copies kept outside an activity of what people write during it — My learning's
 * (reflections, commitments), a circle's goals kept for the next session — written together once
 * the writing pauses, instead of a second write beside every answer: 300
 * people reflecting at once then cost one write each while they wait. The submission itself is
 * stored before the answer, so nothing is lost if an instance stops first: the close writes every
 * copy again from what is stored (ActivityService.followUpCommitments), and ending an activity
 * writes this instance's pending ones before it answers.
 */
export class SubmissionCopies {
  private readonly batches: AfterThePause<Activity, Copy>;

  constructor(write: (activity: Activity, copy: Copy) => Promise<void>) {
    this.batches = new AfterThePause((activity, copies) =>
      forEachLimited(copies, COPIES_IN_FLIGHT, (copy) => write(activity, copy)),
    );
  }

  /** Each person's newest text of each kind is the one written. */
  add(activity: Activity, copy: Copy): void {
    this.batches.add(keyOf(activity.tenantId, activity.id), activity, `${copy.kind}|${copy.ownerId}`, copy);
  }

  /** Writes the activity's pending copies now (ending it; the pause otherwise). */
  flush(tenantId: string, activityId: string): Promise<void> {
    return this.batches.flush(keyOf(tenantId, activityId));
  }
}

function keyOf(tenantId: string, activityId: string): string {
  return `${tenantId}|${activityId}`;
}
