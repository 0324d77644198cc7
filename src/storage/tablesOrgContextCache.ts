import { odata, type TransactionAction } from "@azure/data-tables";
import { forEachLimited } from "../domain/concurrency.js";
import type { CachedPerson, DeltaState, OrgContextCache } from "../domain/people/orgContextCache.js";
import type { OrgPerson } from "../domain/people/peopleDirectory.js";
import { orgContextKeys, TABLES } from "./keys.js";
import type { TableStore } from "./tableStore.js";

/** A cached person: their fields as Graph gave them (the id is in the row key), and when. */
type PersonRow = Omit<OrgPerson, "id"> & { partitionKey: string; rowKey: string; fetchedAt: number };

/** The fields a person may lack (left out of the row when empty, as Graph leaves them out). */
const OPTIONAL_FIELDS = [
  "mail",
  "jobTitle",
  "department",
  "officeLocation",
  "preferredLanguage",
  "managerId",
] as const satisfies readonly (keyof OrgPerson)[];

/** The person's optional fields that have a value. */
function presentFields(from: Partial<Pick<OrgPerson, (typeof OPTIONAL_FIELDS)[number]>>) {
  const present: Partial<Pick<OrgPerson, (typeof OPTIONAL_FIELDS)[number]>> = {};
  for (const field of OPTIONAL_FIELDS) if (from[field]) present[field] = from[field];
  return present;
}

/** Row keys per query: Azure Tables allows ≤ 15 comparisons in a filter, one is the partition. */
const KEYS_PER_QUERY = 14;
/** Up to this many people are read by key, side by side, rather than queried. */
const POINT_READS_UP_TO = 4;
const QUERY_CONCURRENCY = 8;
/** Parallel deletes in one partition; Azure Tables answers ~2,000 entities/s per partition. */
const WRITE_CONCURRENCY = 16;

/**
 * The org context cache in Azure Tables (table OrgContext, one partition per tenant). Shared by
 * every server instance and kept across restarts, so a cold instance asks Graph only for people
 * nobody has looked up within the time to live.
 */
export class TablesOrgContextCache implements OrgContextCache {
  constructor(private readonly store: TableStore) {}

  /**
   * Reads cached people: queries of up to 14 row keys each (Azure Tables allows at most 15
   * comparisons in a `$filter`, one is the partition), a few in flight. Far cheaper than a point
   * read per person when a meeting asks for hundreds.
   */
  async getMany(tenantId: string, ids: string[]): Promise<Map<string, CachedPerson>> {
    const partition = orgContextKeys.partition(tenantId);
    const found = new Map<string, CachedPerson>();
    // A few people (a late joiner's partners) are read by key: a point read is the cheapest
    // lookup Tables has, where a filter on row keys scans the tenant's partition.
    if (ids.length <= POINT_READS_UP_TO) {
      const rows = await Promise.all(
        ids.map((id) =>
          this.store.getEntity<PersonRow>(TABLES.orgContext, partition, orgContextKeys.person(id)),
        ),
      );
      for (const [i, row] of rows.entries()) {
        const id = ids[i] as string;
        if (row) found.set(id, { person: personOf(id, row), fetchedAt: Number(row.fetchedAt) || 0 });
      }
      return found;
    }
    const groups: string[][] = [];
    for (let i = 0; i < ids.length; i += KEYS_PER_QUERY) groups.push(ids.slice(i, i + KEYS_PER_QUERY));
    await forEachLimited(groups, QUERY_CONCURRENCY, async (group) => {
      const rowKeys = group.map((id) => odata`RowKey eq ${orgContextKeys.person(id)}`).join(" or ");
      const rows = await this.store.queryAll<PersonRow>(
        TABLES.orgContext,
        `${odata`PartitionKey eq ${partition}`} and (${rowKeys})`,
      );
      for (const row of rows) {
        const id = row.rowKey.slice("user|".length);
        found.set(id, { person: personOf(id, row), fetchedAt: Number(row.fetchedAt) || 0 });
      }
    });
    return found;
  }

  /** Writes people (transactions of ≤ 100 in the tenant's partition). */
  async putMany(tenantId: string, people: CachedPerson[]): Promise<void> {
    if (people.length === 0) return;
    const partitionKey = orgContextKeys.partition(tenantId);
    const actions: TransactionAction[] = people.map(({ person, fetchedAt }) => [
      "upsert",
      {
        partitionKey,
        rowKey: orgContextKeys.person(person.id),
        displayName: person.displayName,
        ...presentFields(person),
        fetchedAt,
      },
      "Replace",
    ]);
    await this.store.submitBatches(TABLES.orgContext, actions);
  }

  async removeMany(tenantId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const partitionKey = orgContextKeys.partition(tenantId);
    await forEachLimited(ids, WRITE_CONCURRENCY, async (id) => {
      await this.store.deleteIfExists(TABLES.orgContext, partitionKey, orgContextKeys.person(id));
    });
  }

  async getDelta(tenantId: string): Promise<DeltaState | undefined> {
    const row = await this.store.getEntity<{ deltaLink: string; syncedAt: number }>(
      TABLES.orgContext,
      orgContextKeys.partition(tenantId),
      orgContextKeys.delta,
    );
    return row ? { deltaLink: row.deltaLink, syncedAt: Number(row.syncedAt) || 0 } : undefined;
  }

  async putDelta(tenantId: string, state: DeltaState | undefined): Promise<void> {
    const partitionKey = orgContextKeys.partition(tenantId);
    if (!state) {
      await this.store.deleteIfExists(TABLES.orgContext, partitionKey, orgContextKeys.delta);
      return;
    }
    await this.store
      .table(TABLES.orgContext)
      .upsertEntity({ partitionKey, rowKey: orgContextKeys.delta, ...state }, "Replace");
  }
}

function personOf(id: string, row: PersonRow): OrgPerson {
  return {
    id,
    displayName: row.displayName,
    ...presentFields(row),
  };
}
