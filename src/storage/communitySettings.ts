import { keys, type TableName } from "./keys.js";
import type { TableStore } from "./tableStore.js";

/**
 * A community's settings of one kind (reminders, question routing): one row in the community's
 * partition, named `rowKey`; the defaults until a steward sets them.
 */
export class CommunitySettings<Settings extends object> {
  constructor(
    private readonly store: TableStore,
    private readonly table: TableName,
    private readonly rowKey: string,
    private readonly defaults: Settings,
  ) {}

  async read(tenantId: string, communityId: string): Promise<Settings> {
    const row = await this.store.getEntity<Settings>(
      this.table,
      keys.library(tenantId, communityId),
      this.rowKey,
    );
    if (!row) return this.defaults;
    // The settings' own fields only: the row also carries its keys, ETag and timestamp.
    const fields = Object.keys(this.defaults) as (keyof Settings)[];
    return Object.fromEntries(fields.map((field) => [field, row[field]])) as Settings;
  }

  async write(tenantId: string, communityId: string, settings: Settings): Promise<void> {
    await this.store
      .table(this.table)
      .upsertEntity(
        { partitionKey: keys.library(tenantId, communityId), rowKey: this.rowKey, ...settings },
        "Replace",
      );
  }
}
