import type { CommitmentStatus, FollowThrough } from "./commitment.js";

/**
 * Counts by status and the follow-through rate of a set of commitments: pure, and it never sees
 * whose they are. Partly counts half; open commitments are not counted against anyone.
 */
export function followThroughOf(statuses: readonly CommitmentStatus[]): FollowThrough {
  const counts = { done: 0, partly: 0, dropped: 0, open: 0 };
  for (const status of statuses) counts[status]++;
  const withOutcome = counts.done + counts.partly + counts.dropped;
  return {
    total: statuses.length,
    ...counts,
    rate: withOutcome === 0 ? null : (counts.done + counts.partly / 2) / withOutcome,
  };
}

/**
 * A person's list: open ones first, then by due day (soonest first, undated after), then newest
 * first.
 */
export function byFollowUpOrder<T extends { status: CommitmentStatus; due?: string; createdAt: string }>(
  a: T,
  b: T,
): number {
  const openFirst = Number(b.status === "open") - Number(a.status === "open");
  if (openFirst !== 0) return openFirst;
  if (a.due !== b.due) {
    if (!a.due) return 1;
    if (!b.due) return -1;
    return a.due.localeCompare(b.due);
  }
  return b.createdAt.localeCompare(a.createdAt);
}
