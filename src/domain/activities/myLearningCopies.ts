import type { Activity, Submission } from "./activity.js";

/** Copies wait for the writing to pause this long… */
const COPY_AFTER_MS = 2_000;
/** …but never longer than this after the first of them. */
const COPY_MAX_WAIT_MS = 15_000;
/** Copies written side by side. */
const COPY_BATCH = 8;

type Copy = Pick<Submission, "kind" | "ownerId" | "text" | "at">;

interface Pending {
  activity: Activity;
  /** The newest of each person's kinds, by `{kind}|{ownerId}`. */
  copies: Map<string, Copy>;
  since: number;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * My learning's copies of what people write during an activity (reflections, commitments),
 * written together once the writing pauses, instead of a second write beside every answer: 300
 * people reflecting at once then cost one write each while they wait. The submission itself is
 * stored before the answer, so nothing is lost if an instance stops first: the close writes every
 * copy again from what is stored (ActivityService.followUpCommitments), and ending an activity
 * writes this instance's pending ones before it answers.
 */
export class MyLearningCopies {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly write: (activity: Activity, copy: Copy) => Promise<void>) {}

  add(activity: Activity, copy: Copy): void {
    const key = `${activity.tenantId}|${activity.id}`;
    const entry: Pending = this.pending.get(key) ?? { activity, copies: new Map(), since: Date.now() };
    entry.copies.set(`${copy.kind}|${copy.ownerId}`, copy);
    if (entry.timer) {
      if (Date.now() - entry.since >= COPY_MAX_WAIT_MS) return;
      clearTimeout(entry.timer);
    }
    this.pending.set(key, entry);
    entry.timer = setTimeout(
      () => void this.flush(activity.tenantId, activity.id).catch(() => undefined),
      COPY_AFTER_MS,
    );
    entry.timer.unref?.();
  }

  /** Writes the activity's pending copies now (ending it; the timer otherwise). */
  async flush(tenantId: string, activityId: string): Promise<void> {
    const key = `${tenantId}|${activityId}`;
    const entry = this.pending.get(key);
    if (!entry) return;
    this.pending.delete(key);
    clearTimeout(entry.timer);
    const copies = [...entry.copies.values()];
    for (let i = 0; i < copies.length; i += COPY_BATCH)
      await Promise.all(copies.slice(i, i + COPY_BATCH).map((copy) => this.write(entry.activity, copy)));
  }
}
