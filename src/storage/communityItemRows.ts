import { EtaggedRows } from "./etaggedRows.js";
import { TABLES } from "./keys.js";
import { rowsWithPrefix } from "./rowRanges.js";
import type { TableStore } from "./tableStore.js";

/** How one kind of a community's items is stored (see {@link CommunityItemRows}). */
export interface CommunityItemSpec<Item, Row> {
  /** Names the item in errors: "The module". */
  what: string;
  /** The community's partition of these items. */
  partition: (tenantId: string, communityId: string) => string;
  /** An item's row key; every one starts with `rowPrefix` (the partition may hold other rows). */
  rowKey: (id: string) => string;
  rowPrefix: string;
  toRow: (item: Omit<Item, "etag">) => Row;
  fromRow: (communityId: string, row: Row, etag: string) => Item;
}

/**
 * A community's items of one kind (its modules, its micro-teach topics) in the Activities table:
 * one small partition per community, one row per item, written whole and guarded by its ETag.
 */
export class CommunityItemRows<
  Item extends { id: string; communityId: string; etag: string },
  Row extends object,
> {
  private readonly rows: EtaggedRows<Row>;

  constructor(
    protected readonly store: TableStore,
    private readonly spec: CommunityItemSpec<Item, Row>,
  ) {
    this.rows = new EtaggedRows(store, TABLES.activities, spec.what);
  }

  async list(tenantId: string, communityId: string): Promise<Item[]> {
    const rows = await this.store.queryAll<Row>(
      TABLES.activities,
      rowsWithPrefix(this.spec.partition(tenantId, communityId), this.spec.rowPrefix),
    );
    return rows.map((row) => this.spec.fromRow(communityId, row, row.etag));
  }

  get(tenantId: string, communityId: string, id: string): Promise<Item | undefined> {
    return this.rows.read(this.spec.partition(tenantId, communityId), this.spec.rowKey(id), (row) =>
      this.spec.fromRow(communityId, row, row.etag),
    );
  }

  create(tenantId: string, item: Omit<Item, "etag">): Promise<Item> {
    return this.rows.create(item, this.entity(tenantId, item)) as Promise<Item>;
  }

  update(tenantId: string, item: Item): Promise<Item> {
    return this.rows.replace(item, this.entity(tenantId, item), item.etag);
  }

  private entity(tenantId: string, item: Omit<Item, "etag">) {
    return {
      partitionKey: this.spec.partition(tenantId, item.communityId),
      rowKey: this.spec.rowKey(item.id),
      ...this.spec.toRow(item),
    };
  }
}
