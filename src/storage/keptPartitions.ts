import { setNewest } from "../domain/boundedMap.js";

/** A row as Azure Tables answers it: its key and when it last changed. */
type Row = { rowKey?: string; timestamp?: string };

/**
 * How far back a changed-rows read looks before the newest change already seen: a write that
 * commits a moment after another with an earlier timestamp is still found.
 */
const OVERLAP_MS = 1_000;
/**
 * A kept partition is read whole again after this: rows removed out of band (an administrator
 * erasing a person's data) disappear from what an instance shows within it.
 */
const WHOLE_AFTER_MS = 30_000;

/** What an instance keeps of one partition: its rows by row key, the newest change among them. */
interface Kept<R extends Row> {
  rows: Map<string, R>;
  newest: number;
  wholeAt: number;
}

/**
 * Partitions whose rows are only ever added or replaced, never deleted by the app (an activity's
 * participant and submission rows), kept in memory and refreshed by reading only the rows changed
 * since (Azure Tables' `Timestamp`). Everyone's tab reads the whole activity, at once, again and
 * again: a burst of 300 tabs then costs reads of the few rows that changed, not of every row each
 * time. Reads of one partition must not overlap (the activity's reads are one at a time).
 */
export class KeptPartitions<R extends Row> {
  private readonly kept = new Map<string, Kept<R>>();

  /** Partitions forgotten while a read of them ran: that read's rows are not kept. */
  private readonly forgotten = new Set<string>();
  private readonly reading = new Map<string, number>();

  constructor(
    private readonly query: (partitionKey: string, changedSince?: Date) => Promise<R[]>,
    private readonly limit: number,
    private readonly now: () => number = Date.now,
    private readonly wholeAfterMs = WHOLE_AFTER_MS,
  ) {}

  async rows(partitionKey: string): Promise<R[]> {
    this.reading.set(partitionKey, (this.reading.get(partitionKey) ?? 0) + 1);
    try {
      return await this.read(partitionKey);
    } finally {
      const left = (this.reading.get(partitionKey) ?? 1) - 1;
      if (left > 0) this.reading.set(partitionKey, left);
      else {
        this.reading.delete(partitionKey);
        this.forgotten.delete(partitionKey);
      }
    }
  }

  private async read(partitionKey: string): Promise<R[]> {
    const found = this.kept.get(partitionKey);
    const at = this.now();
    let kept: Kept<R>;
    if (!found || at - found.wholeAt > this.wholeAfterMs) {
      const rows = await this.query(partitionKey);
      kept = { rows: new Map(), newest: 0, wholeAt: at };
      this.take(kept, rows);
    } else {
      kept = found;
      const changed = await this.query(partitionKey, new Date(kept.newest - OVERLAP_MS));
      this.take(kept, changed);
    }
    // Forgotten meanwhile (a row removed): what this read found is answered, not kept.
    if (this.forgotten.has(partitionKey)) {
      this.kept.delete(partitionKey);
      return [...kept.rows.values()];
    }
    // Most recently used last: the one read longest ago is forgotten first.
    setNewest(this.kept, partitionKey, kept, this.limit);
    return [...kept.rows.values()];
  }

  /** Forgets a partition (its activity is gone, or a row of it was removed). */
  forget(partitionKey: string): void {
    this.kept.delete(partitionKey);
    if (this.reading.has(partitionKey)) this.forgotten.add(partitionKey);
  }

  private take(kept: Kept<R>, rows: readonly R[]): void {
    for (const row of rows) {
      kept.rows.set(row.rowKey ?? "", row);
      const changed = row.timestamp ? Date.parse(row.timestamp) : Number.NaN;
      // A row without a time (never from Azure Tables) makes the next read a whole one.
      if (Number.isNaN(changed)) kept.wholeAt = Number.NEGATIVE_INFINITY;
      else if (changed > kept.newest) kept.newest = changed;
    }
  }
}
