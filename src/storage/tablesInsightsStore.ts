import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { odata, type TableEntity, type TransactionAction } from "@azure/data-tables";
import type { InsightsStore, StoredHead, StoredInsights } from "../domain/insights/insightsService.js";
import type { PersonalTies } from "../domain/insights/personalTies.js";
import { keyPart, keys, TABLES } from "./keys.js";
import { takeRow } from "./rowClaim.js";
import { statusOf } from "./tableErrors.js";
import type { TableStore } from "./tableStore.js";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** A binary property holds at most 64 KiB (Azure Tables' data model); a little under it. */
const CHUNK_BYTES = 60_000;
/** A transaction's body may be 4 MiB: 50 chunks of 60 KB (base64 on the wire) stay under it. */
const CHUNKS_PER_BATCH = 50;

/** How many communities' last-read reports an instance keeps in memory. */
const MAX_CACHED_COMMUNITIES = 20;

type HeadRow = {
  version: string;
  chunks: number;
  computedAt: string;
  tenantId?: string;
  communityId?: string;
};
type LeaseRow = { instanceId: string; until: string };

/**
 * Stored network insights (Insights table, keys.ts): a community's reports as gzipped JSON cut in
 * chunks (a 10,000-member network is more than one row holds), written under a fresh version
 * before the `report` row points at it, so a reader never sees half of a new version; the
 * version before is removed after. The `lease` row says which instance computes them.
 */
export class TablesInsightsStore implements InsightsStore {
  /**
   * The last version read per community: a look at the page reads the small `report` row and, while
   * its version is the same, nothing more (a 10,000-member report is megabytes to fetch and parse).
   */
  private readonly lastRead = new Map<string, { version: string; insights: StoredInsights }>();

  constructor(private readonly store: TableStore) {}

  private get table() {
    return this.store.table(TABLES.insights);
  }

  async read(tenantId: string, communityId: string): Promise<StoredInsights | undefined> {
    const pk = keys.library(tenantId, communityId);
    const head = await this.store.getEntity<HeadRow>(TABLES.insights, pk, "report");
    if (!head) return undefined;
    const cached = this.lastRead.get(pk);
    if (cached?.version === head.version) return cached.insights;
    const rows = await this.store.queryAll<{ data: Uint8Array }>(
      TABLES.insights,
      odata`PartitionKey eq ${pk} and RowKey ge ${`chunk|${head.version}|`} and RowKey lt ${`chunk|${head.version}}`}`,
    );
    if (rows.length !== head.chunks) return undefined; // written over since the head was read
    const json = await gunzipAsync(Buffer.concat(rows.map((r) => Buffer.from(r.data))));
    const insights = JSON.parse(json.toString("utf8")) as StoredInsights;
    this.lastRead.delete(pk);
    this.lastRead.set(pk, { version: head.version, insights });
    // Kept for the communities looked at last: a Map iterates in insertion order, oldest first.
    for (const key of this.lastRead.keys()) {
      if (this.lastRead.size <= MAX_CACHED_COMMUNITIES) break;
      this.lastRead.delete(key);
    }
    return insights;
  }

  async write(tenantId: string, communityId: string, insights: StoredInsights): Promise<void> {
    const pk = keys.library(tenantId, communityId);
    const previous = await this.store.getEntity<HeadRow>(TABLES.insights, pk, "report");
    const bytes = await gzipAsync(Buffer.from(JSON.stringify(insights), "utf8"));
    const version = `${insights.computedAt}-${randomUUID().slice(0, 8)}`;
    const chunks: TransactionAction[] = [];
    for (let i = 0, n = 0; i < bytes.length; i += CHUNK_BYTES, n++)
      chunks.push([
        "create",
        {
          partitionKey: pk,
          rowKey: chunkKey(version, n),
          data: new Uint8Array(bytes.subarray(i, i + CHUNK_BYTES)),
        },
      ]);
    for (let i = 0; i < chunks.length; i += CHUNKS_PER_BATCH)
      await this.table.submitTransaction(chunks.slice(i, i + CHUNKS_PER_BATCH));
    await this.table.upsertEntity(
      {
        partitionKey: pk,
        rowKey: "report",
        version,
        chunks: chunks.length,
        computedAt: insights.computedAt,
        tenantId,
        communityId,
      },
      "Replace",
    );
    if (previous) {
      const old = await this.store.queryAll(
        TABLES.insights,
        odata`PartitionKey eq ${pk} and RowKey ge ${`chunk|${previous.version}|`} and RowKey lt ${`chunk|${previous.version}}`}`,
      );
      await this.store.submitBatches(
        TABLES.insights,
        old.map((r) => ["delete", { partitionKey: pk, rowKey: r.rowKey ?? "" }] as TransactionAction),
      );
    }
  }

  /**
   * One `ties|{userId}` row per person (a member reads only their own), written before the reports.
   * Rows of people in neither this computation nor the community any more keep their older time,
   * which the read takes as "no ties now".
   */
  async writePersonalTies(
    tenantId: string,
    communityId: string,
    computedAt: string,
    ties: ReadonlyMap<string, PersonalTies>,
  ): Promise<void> {
    const pk = keys.library(tenantId, communityId);
    await this.store.submitBatches(
      TABLES.insights,
      [...ties].map(
        ([userId, own]) =>
          [
            "upsert",
            { partitionKey: pk, rowKey: tiesKey(userId), computedAt, json: JSON.stringify(own) },
            "Replace",
          ] as TransactionAction,
      ),
    );
  }

  async readPersonalTies(
    tenantId: string,
    communityId: string,
    userId: string,
  ): Promise<{ computedAt: string; ties: PersonalTies } | undefined> {
    const pk = keys.library(tenantId, communityId);
    const [head, row] = await Promise.all([
      this.store.getEntity<HeadRow>(TABLES.insights, pk, "report"),
      this.store.getEntity<{ computedAt: string; json: string }>(TABLES.insights, pk, tiesKey(userId)),
    ]);
    if (!head) return undefined;
    if (row && row.computedAt >= head.computedAt)
      return { computedAt: row.computedAt, ties: JSON.parse(row.json) as PersonalTies };
    // Rows are written before the reports' pointer moves: an older row is someone without ties now.
    const none = { people: 0, kinds: {}, partners: [] };
    return { computedAt: head.computedAt, ties: { learnedFrom: none, learnersFrom: { ...none } } };
  }

  async storedAt(tenantId: string, communityId: string): Promise<string | undefined> {
    const head = await this.store.getEntity<HeadRow>(
      TABLES.insights,
      keys.library(tenantId, communityId),
      "report",
    );
    return head?.computedAt;
  }

  /**
   * Every community's `report` row: one query over the table (a few rows per community), for the
   * scheduled job's pass. Rows of every tenant: the job serves them all.
   */
  async listStored(): Promise<StoredHead[]> {
    const heads = await this.store.queryAll<HeadRow>(TABLES.insights, odata`RowKey eq ${"report"}`);
    return heads.flatMap((head) => {
      const ids = head.tenantId && head.communityId ? head : idsOf(head.partitionKey ?? "");
      return ids?.tenantId && ids.communityId
        ? [{ tenantId: ids.tenantId, communityId: ids.communityId, computedAt: head.computedAt }]
        : [];
    });
  }

  async claimLease(
    tenantId: string,
    communityId: string,
    instanceId: string,
    now: Date,
    leaseMs: number,
  ): Promise<boolean> {
    const entity: TableEntity<LeaseRow> = {
      partitionKey: keys.library(tenantId, communityId),
      rowKey: "lease",
      instanceId,
      until: new Date(now.getTime() + leaseMs).toISOString(),
    };
    // A released lease (no instance) or one run out is free.
    const free = (existing: LeaseRow) =>
      existing.instanceId === "" || Date.parse(existing.until) <= now.getTime();
    return takeRow(this.store, TABLES.insights, entity, free);
  }

  async releaseLease(tenantId: string, communityId: string, instanceId: string): Promise<void> {
    const pk = keys.library(tenantId, communityId);
    const existing = await this.store.getEntity<LeaseRow>(TABLES.insights, pk, "lease");
    if (!existing || existing.instanceId !== instanceId) return;
    try {
      await this.table.updateEntity(
        { partitionKey: pk, rowKey: "lease", instanceId: "", until: new Date(0).toISOString() },
        "Replace",
        { etag: existing.etag },
      );
    } catch (error) {
      // Taken over meanwhile (our lease had run out): it is theirs now.
      if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
    }
  }
}

function tiesKey(userId: string): string {
  return `ties|${keyPart(userId, "user id")}`;
}

function chunkKey(version: string, n: number): string {
  return `chunk|${version}|${String(n).padStart(5, "0")}`;
}

/** A head written before it named its community: the ids from its key (keys.library). */
function idsOf(partitionKey: string): { tenantId: string; communityId: string } | undefined {
  const at = partitionKey.indexOf("|community|");
  if (at < 0) return undefined;
  return { tenantId: partitionKey.slice(0, at), communityId: partitionKey.slice(at + "|community|".length) };
}
