import type { CommunityModule, ModuleRepository } from "../domain/activities/modules/moduleService.js";
import type { PersonRef } from "../domain/identity.js";
import { CommunityItemRows } from "./communityItemRows.js";
import { circleKeys, TABLES } from "./keys.js";
import { rowsWithPrefix } from "./rowRanges.js";
import { statusOf, translateTableErrors } from "./tableErrors.js";
import type { TableStore } from "./tableStore.js";

type ModuleRow = { moduleId: string; markdown: string; authorJson: string; updatedAt: string };

/**
 * A community's modules in the Activities table, one small partition per community
 * (`{tenant}|community|{community}|modules`, keys.ts): the markdown of each (`module|{id}`) and
 * which activities were set up from it (`use|{module}|{activity}`). The author is in a `…Json`
 * column, so erasing a person replaces them there like everywhere else.
 */
export class TablesModules extends CommunityItemRows<CommunityModule, ModuleRow> implements ModuleRepository {
  constructor(store: TableStore) {
    super(store, {
      what: "The module",
      partition: circleKeys.modules,
      rowKey: circleKeys.module,
      rowPrefix: "module|",
      toRow,
      fromRow,
    });
  }

  private get table() {
    return this.store.table(TABLES.activities);
  }

  async recordUse(
    tenantId: string,
    communityId: string,
    moduleId: string,
    activityId: string,
  ): Promise<void> {
    await translateTableErrors("The module's use", () =>
      this.table.upsertEntity(
        {
          partitionKey: circleKeys.modules(tenantId, communityId),
          rowKey: circleKeys.moduleUse(moduleId, activityId),
          activityId,
        },
        "Replace",
      ),
    );
  }

  async remove(tenantId: string, communityId: string, moduleId: string, etag?: string): Promise<void> {
    const pk = circleKeys.modules(tenantId, communityId);
    await translateTableErrors("The module", async () => {
      try {
        await this.table.deleteEntity(pk, circleKeys.module(moduleId), etag ? { etag } : {});
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    });
    const prefix = circleKeys.moduleUse(moduleId, "");
    const uses = await this.store.queryAll(TABLES.activities, rowsWithPrefix(pk, prefix));
    await this.store.submitBatches(
      TABLES.activities,
      uses.map((row) => ["delete", { partitionKey: pk, rowKey: row.rowKey ?? "" }] as const),
    );
  }

  async usesOf(tenantId: string, communityId: string, moduleId: string): Promise<string[]> {
    const pk = circleKeys.modules(tenantId, communityId);
    const prefix = circleKeys.moduleUse(moduleId, "");
    const rows = await this.store.queryAll<{ activityId: string }>(
      TABLES.activities,
      rowsWithPrefix(pk, prefix),
    );
    return rows.map((row) => row.activityId);
  }
}

function toRow(m: Omit<CommunityModule, "etag">): ModuleRow {
  return {
    moduleId: m.id,
    markdown: m.markdown,
    authorJson: JSON.stringify(m.author),
    updatedAt: m.updatedAt,
  };
}

function fromRow(communityId: string, row: ModuleRow, etag: string): CommunityModule {
  return {
    id: row.moduleId,
    communityId,
    markdown: row.markdown,
    author: JSON.parse(row.authorJson) as PersonRef,
    updatedAt: row.updatedAt,
    etag,
  };
}
