import { setTimeout as sleep } from "node:timers/promises";
import type { TablesActivityRepository } from "../../src/storage/tablesActivityRepository.js";

/** How long an activity's close may take before a scenario reports it as not closed. */
export const CLOSE_WAIT_MS = 120_000;

/**
 * Waits until an ended activity is closed (its close's announcement slot, one past its last phase,
 * is done: summary, library entries, commitments handed over, My learning's copies). A scenario
 * measures its next activity only then: an instance still closing this one would slow the next
 * one's bursts, and not the floor's. False when it was not closed within `timeoutMs`.
 */
export async function waitForClose(
  repository: Pick<TablesActivityRepository, "announcementOf">,
  tenantId: string,
  activityId: string,
  phaseCount: number,
  timeoutMs = CLOSE_WAIT_MS,
): Promise<boolean> {
  const closedBy = performance.now() + timeoutMs;
  while (!(await repository.announcementOf(tenantId, activityId, phaseCount))?.done) {
    if (performance.now() > closedBy) return false;
    await sleep(250);
  }
  return true;
}
