import { odata } from "@azure/data-tables";
import { personRef } from "../domain/identity.js";
import { keys, TABLES } from "./keys.js";
import type { TableStore } from "./tableStore.js";
import type { TablesEntryRepository } from "./tablesEntryRepository.js";

/** The row that says a community's library was repaired; its presence makes the repair run once. */
export const HELPFUL_VOTE_FACTS_MARKER = "migration|helpful-vote-facts";

/** How many communities are repaired at once at start (each is a few small queries). */
const PARALLEL_COMMUNITIES = 4;

/** What the repair did, for the start-up log. */
export interface HelpfulVoteFactsReport {
  communities: number;
  repaired: number;
  /** Unkeyed "helpful" rows removed (every one, collapsed into a keyed fact or dropped). */
  removedRows: number;
  /** Keyed facts written: one per vote that still exists. */
  facts: number;
}

type LegacyInteractionRow = {
  rowKey: string;
  kind: string;
  fromJson: string;
  toJson: string;
  entryId?: string;
  at: string;
};

/**
 * One-off repair, run at start: helpful votes used to append a learning interaction with a random
 * key (`interaction|{at}|{nonce}`) on every vote, and an unvote never removed it, so toggling a vote
 * inflated "natural teachers". Now a vote's fact is keyed by the vote
 * ({@link keys.helpfulVoteFact}). For each community not yet marked, the unkeyed "helpful" rows are
 * collapsed to one keyed fact per voter and entry where the vote still exists (at the vote's time),
 * and removed where it does not; then the community is marked.
 *
 * Safe on many instances at once and after an interruption: the fact is keyed (writing it twice
 * changes nothing, and it is checked against the vote like every vote's fact), deleting a row that
 * is gone is no error, and the marker is written last, so an interrupted run is simply done again.
 */
export async function repairHelpfulVoteFacts(
  store: TableStore,
  entries: TablesEntryRepository,
): Promise<HelpfulVoteFactsReport> {
  const report: HelpfulVoteFactsReport = { communities: 0, repaired: 0, removedRows: 0, facts: 0 };
  const communities: { tenantId: string; communityId: string }[] = [];
  const rows = store
    .table(TABLES.communities)
    .listEntities({ queryOptions: { select: ["PartitionKey", "RowKey"] } });
  for await (const row of rows)
    communities.push({ tenantId: row.partitionKey ?? "", communityId: row.rowKey ?? "" });
  report.communities = communities.length;

  let next = 0;
  const worker = async () => {
    while (next < communities.length) {
      const community = communities[next++];
      if (community) await repairCommunity(store, entries, community.tenantId, community.communityId, report);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_COMMUNITIES }, worker));
  return report;
}

async function repairCommunity(
  store: TableStore,
  entries: TablesEntryRepository,
  tenantId: string,
  communityId: string,
  report: HelpfulVoteFactsReport,
): Promise<void> {
  const pk = keys.library(tenantId, communityId);
  if (await store.getEntity(TABLES.library, pk, HELPFUL_VOTE_FACTS_MARKER)) return;

  const legacy = (
    await store.queryAll<Omit<LegacyInteractionRow, "rowKey">>(
      TABLES.library,
      odata`PartitionKey eq ${pk} and RowKey ge ${"interaction|"} and RowKey lt ${"interaction}"} and kind eq ${"helpful"}`,
    )
  )
    .map((row): LegacyInteractionRow => ({ ...row, rowKey: row.rowKey ?? "" }))
    .filter((row) => row.rowKey.split("|").length === 3 && row.entryId); // `interaction|{at}|{nonce}`

  // One group per voter and entry; the newest row names the people as they were last recorded.
  const groups = new Map<string, LegacyInteractionRow[]>();
  for (const row of legacy) {
    const voterId = personRef(JSON.parse(row.fromJson)).id;
    const key = JSON.stringify([voterId, row.entryId]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const newest = group[group.length - 1];
    if (!newest?.entryId) continue;
    const from = personRef(JSON.parse(newest.fromJson));
    const vote = await store.getEntity<{ at: string }>(
      TABLES.library,
      keys.entryRows(tenantId, communityId, newest.entryId),
      `vote|${from.id}`,
    );
    if (vote) {
      await entries.recordHelpfulVoteFact({
        tenantId,
        communityId,
        kind: "helpful",
        from,
        to: personRef(JSON.parse(newest.toJson)),
        entryId: newest.entryId,
        at: vote.at,
      });
      report.facts++;
    }
    for (const row of group) {
      await store.deleteIfExists(TABLES.library, pk, row.rowKey);
      report.removedRows++;
    }
  }
  // Not created when another instance finished first.
  await store.insertIfAbsent(TABLES.library, {
    partitionKey: pk,
    rowKey: HELPFUL_VOTE_FACTS_MARKER,
    at: new Date().toISOString(),
  });
  report.repaired++;
}
