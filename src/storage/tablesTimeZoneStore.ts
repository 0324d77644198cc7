import { forEachLimited } from "../domain/concurrency.js";
import type { TimeZoneStore } from "../domain/people/personTimeZones.js";
import { orgContextKeys, TABLES } from "./keys.js";
import type { TableStore } from "./tableStore.js";

interface ZoneRow {
  timeZone: string;
  reportedAt: string;
}

/** Point reads in flight at once: routing asks for a handful of people. */
const READ_CONCURRENCY = 8;

/**
 * People's own time zones in the OrgContext table (the tenant's `zones` partition, a `user|{id}`
 * row each, so a person's export and erasure find theirs).
 */
export class TablesTimeZoneStore implements TimeZoneStore {
  constructor(private readonly store: TableStore) {}

  async zonesOf(tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
    const partition = orgContextKeys.zones(tenantId);
    const zones = new Map<string, string>();
    await forEachLimited([...new Set(ids)], READ_CONCURRENCY, async (id) => {
      const row = await this.store.getEntity<ZoneRow>(
        TABLES.orgContext,
        partition,
        orgContextKeys.person(id),
      );
      if (row?.timeZone) zones.set(id, row.timeZone);
    });
    return zones;
  }

  async put(tenantId: string, userId: string, timeZone: string, at: string): Promise<void> {
    await this.store.table(TABLES.orgContext).upsertEntity(
      {
        partitionKey: orgContextKeys.zones(tenantId),
        rowKey: orgContextKeys.person(userId),
        timeZone,
        reportedAt: at,
      } satisfies ZoneRow & { partitionKey: string; rowKey: string },
      "Replace",
    );
  }
}
