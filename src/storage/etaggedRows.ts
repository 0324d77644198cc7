import type { TableEntity, TableEntityResult } from "@azure/data-tables";
import type { TableName } from "./keys.js";
import type { TableStore } from "./tableStore.js";

/**
 * The rows of one kind of thing that is written whole and guarded by its ETag (a playbook, a
 * session, an answer…): created once, read, and replaced only by someone who saw the latest
 * version. Each method hands back the value with the ETag storage gave it, which the next
 * replace must carry.
 */
export class EtaggedRows<Row extends object> {
  /** `what` names the thing in errors: "The playbook" (already exists, changed meanwhile). */
  constructor(
    private readonly store: TableStore,
    private readonly table: TableName,
    private readonly what: string,
  ) {}

  async create<Value extends object>(value: Value, row: TableEntity<Row>): Promise<Value & { etag: string }> {
    return { ...value, etag: await this.store.insert(this.table, this.what, row) };
  }

  /** Replaces the row only while its ETag is still `etag`: else a ConcurrencyError. */
  async replace<Value extends object>(
    value: Value,
    row: TableEntity<Row>,
    etag: string,
  ): Promise<Value & { etag: string }> {
    return { ...value, etag: await this.store.replaceIfUnchanged(this.table, this.what, row, etag) };
  }

  /** The row as `fromRow` makes it, or undefined when there is none. */
  read<Value>(
    partitionKey: string,
    rowKey: string,
    fromRow: (row: TableEntityResult<Row>) => Value,
  ): Promise<Value | undefined> {
    return this.store.readAs(this.table, { partitionKey, rowKey }, fromRow);
  }
}
