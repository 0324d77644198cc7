import type { TableEntity, TableEntityResult } from "@azure/data-tables";
import { EtaggedRepository } from "./etaggedRepository.js";
import { keys, type TableName } from "./keys.js";
import { rowsWithPrefix } from "./rowRanges.js";
import type { TableStore } from "./tableStore.js";

/** How a community's values of one kind are stored (see {@link CommunityKindRepository}). */
export interface CommunityKindSpec<Value, Row extends object> {
  table: TableName;
  /** Names the value in errors: "The session". */
  what: string;
  /** The kind that starts each row key: `session` (`session|{id}`). */
  kind: string;
  toRow: (value: Omit<Value, "etag">) => TableEntity<Row>;
  fromRow: (tenantId: string, communityId: string, row: TableEntityResult<Row>) => Value;
}

/**
 * Whole, ETag-guarded values of one kind that a community holds (its sessions, its playbooks): one
 * row each, `{kind}|{id}`, in the community's partition of their table (keys.ts), which may hold
 * other rows beside them.
 */
export abstract class CommunityKindRepository<
  Value extends { etag: string },
  Row extends object,
> extends EtaggedRepository<Value, Row> {
  constructor(
    store: TableStore,
    private readonly spec: CommunityKindSpec<Value, Row>,
  ) {
    super(store, spec.table, spec.what, spec.toRow);
  }

  async get(tenantId: string, communityId: string, id: string): Promise<Value | undefined> {
    return this.rows.read(keys.library(tenantId, communityId), keys.rowOfKind(this.spec.kind, id), (row) =>
      this.spec.fromRow(tenantId, communityId, row),
    );
  }

  /** Every value of the kind the community holds. */
  protected async listOfCommunity(tenantId: string, communityId: string): Promise<Value[]> {
    const partition = rowsWithPrefix(keys.library(tenantId, communityId), `${this.spec.kind}|`);
    const rows = await this.store.queryAll<Row>(this.spec.table, partition);
    return rows.map((row) => this.spec.fromRow(tenantId, communityId, row));
  }
}
