import type { TableEntity } from "@azure/data-tables";
import { EtaggedRows } from "./etaggedRows.js";
import type { TableName } from "./keys.js";
import type { TableStore } from "./tableStore.js";

/**
 * What every repository of whole, ETag-guarded values does alike (communities, sessions,
 * playbooks, answers, question routes): create a value (one that exists is a ConflictError) and
 * update it only from its latest version (else a ConcurrencyError). Each repository adds how its
 * values are found and listed, reading through `rows`.
 */
export abstract class EtaggedRepository<Value extends { etag: string }, Row extends object> {
  protected readonly rows: EtaggedRows<Row>;

  constructor(
    protected readonly store: TableStore,
    private readonly tableName: TableName,
    what: string,
    private readonly toRow: (value: Omit<Value, "etag">) => TableEntity<Row>,
  ) {
    this.rows = new EtaggedRows(store, tableName, what);
  }

  /** The repository's table, for the writes that are its own (RSVPs, ticks, settings). */
  protected get table() {
    return this.store.table(this.tableName);
  }

  create(value: Omit<Value, "etag">): Promise<Value> {
    // The value as given, with the ETag storage gave it: a whole Value again.
    return this.rows.create(value, this.toRow(value)) as Promise<Value>;
  }

  update(value: Value): Promise<Value> {
    return this.rows.replace(value, this.toRow(value), value.etag);
  }
}
