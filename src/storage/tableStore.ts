import {
  odata,
  TableClient,
  type TableEntity,
  type TableEntityResult,
  type TableServiceClientOptions,
  type TransactionAction,
} from "@azure/data-tables";
import type { Page, PageRequest } from "../domain/paging.js";
import { TABLES, type TableName } from "./keys.js";
import {
  DEFAULT_STORAGE_TIMEOUTS,
  STORAGE_RETRY_OPTIONS,
  type StorageTimeouts,
  statusOf,
  storageFaultPolicy,
  translateTableErrors,
} from "./tableErrors.js";

/** Where the tables live: a connection string (Azurite, or a key), or an endpoint reached with a managed identity. */
export interface TableStoreOptions {
  connectionString?: string | undefined;
  endpoint?: string | undefined;
  tablePrefix: string;
  /** When storage counts as not answering (defaults: DEFAULT_STORAGE_TIMEOUTS). */
  timeouts?: StorageTimeouts | undefined;
}

/** Azure Tables allows at most 100 operations in one transaction, all in one partition. */
export const MAX_BATCH_OPERATIONS = 100;
/** A query page holds at most 1,000 entities. */
export const MAX_PAGE_SIZE = 1000;

/** One TableClient per table, created once and shared; tables are created at start. */
export class TableStore {
  private constructor(private readonly clients: Map<TableName, TableClient>) {}

  /**
   * Creates the clients. With a connection string (Azurite locally) it uses the key in it; with an
   * endpoint only, the managed identity through `DefaultAzureCredential`, loaded only then because
   * `@azure/identity` is heavy and local starts should not pay for it.
   */
  static async connect(options: TableStoreOptions): Promise<TableStore> {
    const clientOptions: TableServiceClientOptions = {
      allowInsecureConnection: isLocalEndpoint(options),
      retryOptions: STORAGE_RETRY_OPTIONS,
    };
    const makeClient = await clientFactory(options, clientOptions);
    const clients = new Map<TableName, TableClient>();
    for (const table of Object.values(TABLES)) {
      const client = makeClient(`${options.tablePrefix}${table}`);
      // Every call, transactions included, fails fast as a StorageUnavailableError when storage is away.
      client.pipeline.addPolicy(storageFaultPolicy(options.timeouts ?? DEFAULT_STORAGE_TIMEOUTS));
      clients.set(table, client);
    }
    return new TableStore(clients);
  }

  table(name: TableName): TableClient {
    const client = this.clients.get(name);
    if (!client) throw new Error(`Unknown table ${name}`);
    return client;
  }

  /** Creates every table that does not exist yet (idempotent). */
  async ensureTables(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.createTable()));
  }

  /** A cheap round trip to prove the store answers (used by the health endpoint, with its own budget). */
  async ping(abortSignal?: AbortSignal): Promise<void> {
    const iterator = this.table(TABLES.communities).listEntities({
      queryOptions: { select: ["RowKey"] },
      ...(abortSignal ? { abortSignal } : {}),
    });
    await iterator.byPage({ maxPageSize: 1 }).next();
  }

  /** The row at `key` made into a value by `map`, or undefined when there is none. */
  async readAs<T extends object, Value>(
    name: TableName,
    key: { partitionKey: string; rowKey: string },
    map: (row: TableEntityResult<T>) => Value,
  ): Promise<Value | undefined> {
    const row = await this.getEntity<T>(name, key.partitionKey, key.rowKey);
    return row ? map(row) : undefined;
  }

  /** Reads one entity, or undefined when there is none. */
  async getEntity<T extends object>(
    name: TableName,
    partitionKey: string,
    rowKey: string,
  ): Promise<TableEntityResult<T> | undefined> {
    try {
      return await this.table(name).getEntity<T>(partitionKey, rowKey);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Creates a row that must not exist yet and answers its ETag; one that exists is a ConflictError
   * naming `what` ("The playbook").
   */
  async insert<T extends object>(name: TableName, what: string, row: TableEntity<T>): Promise<string> {
    const result = await translateTableErrors(what, () => this.table(name).createEntity(row));
    return result.etag ?? "";
  }

  /** Creates a row unless one with its keys exists (a request already made): true when created. */
  insertIfAbsent<T extends object>(name: TableName, row: TableEntity<T>): Promise<boolean> {
    return doneUnless(409, () => this.table(name).createEntity(row));
  }

  /**
   * Replaces a row only while it is as its reader saw it (`etag`) and answers the new ETag;
   * otherwise a ConcurrencyError naming `what`, so nobody overwrites a change they have not seen.
   */
  async replaceIfUnchanged<T extends object>(
    name: TableName,
    what: string,
    row: TableEntity<T>,
    etag: string,
  ): Promise<string> {
    const result = await translateTableErrors(what, () =>
      this.table(name).updateEntity(row, "Replace", { etag }),
    );
    return result.etag ?? "";
  }

  /** Deletes a row; one already gone is no error (deleting is idempotent). True when it was there. */
  deleteIfExists(name: TableName, partitionKey: string, rowKey: string): Promise<boolean> {
    return doneUnless(404, () => this.table(name).deleteEntity(partitionKey, rowKey));
  }

  /** One page of a query, with the continuation token for the next (Tables pages hold ≤ 1,000). */
  async queryPage<T extends object>(
    name: TableName,
    filter: string,
    page: PageRequest = {},
  ): Promise<Page<TableEntityResult<T>>> {
    const pageSize = Math.min(Math.max(page.pageSize ?? 100, 1), MAX_PAGE_SIZE);
    const iterator = this.table(name)
      .listEntities<T>({ queryOptions: { filter } })
      .byPage({
        maxPageSize: pageSize,
        ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
      });
    const result = await iterator.next();
    if (result.done || !result.value) return { items: [] };
    const items = [...result.value];
    const token = result.value.continuationToken;
    return token ? { items, continuationToken: token } : { items };
  }

  /** One page of a query with each row made into a value by `map` (the continuation token kept). */
  async queryPageOf<T extends object, Value>(
    name: TableName,
    filter: string,
    page: PageRequest | undefined,
    map: (row: TableEntityResult<T>) => Value,
  ): Promise<Page<Value>> {
    const result = await this.queryPage<T>(name, filter, page);
    return { ...result, items: result.items.map(map) };
  }

  /** One page of a partition's rows, each made into a value by `map`. */
  partitionPageOf<T extends object, Value>(
    name: TableName,
    partitionKey: string,
    page: PageRequest | undefined,
    map: (row: TableEntityResult<T>) => Value,
  ): Promise<Page<Value>> {
    return this.queryPageOf(name, odata`PartitionKey eq ${partitionKey}`, page, map);
  }

  /** Every row of one partition, following continuation tokens. */
  partitionRows<T extends object>(name: TableName, partitionKey: string): Promise<TableEntityResult<T>[]> {
    return this.queryAll<T>(name, odata`PartitionKey eq ${partitionKey}`);
  }

  /**
   * A partition's rows, or only those changed at or after `changedSince` (Azure Tables'
   * `Timestamp`): the query a KeptPartitions (keptPartitions.ts) refreshes a kept partition with.
   */
  changedRows<T extends object>(
    name: TableName,
    partitionKey: string,
    changedSince?: Date,
    select?: readonly string[],
  ): Promise<TableEntityResult<T>[]> {
    const filter = changedSince
      ? odata`PartitionKey eq ${partitionKey} and Timestamp ge ${changedSince}`
      : odata`PartitionKey eq ${partitionKey}`;
    return this.queryAll<T>(name, filter, select);
  }

  /** Every entity of a query, following continuation tokens (only the `select`ed properties, when given). */
  async queryAll<T extends object>(
    name: TableName,
    filter: string,
    select?: readonly string[],
  ): Promise<TableEntityResult<T>[]> {
    const all: TableEntityResult<T>[] = [];
    const queryOptions = select ? { filter, select: [...select] } : { filter };
    for await (const entity of this.table(name).listEntities<T>({ queryOptions })) all.push(entity);
    return all;
  }

  /**
   * Submits actions as transactions, grouped by partition and chunked to ≤ 100 operations
   * (the Tables limit). Each chunk is atomic; chunks are not atomic with each other.
   */
  async submitBatches(name: TableName, actions: TransactionAction[]): Promise<void> {
    const byPartition = new Map<string, TransactionAction[]>();
    for (const action of actions) {
      const pk = (action[1] as TableEntity).partitionKey;
      const list = byPartition.get(pk) ?? [];
      list.push(action);
      byPartition.set(pk, list);
    }
    for (const list of byPartition.values()) {
      for (let i = 0; i < list.length; i += MAX_BATCH_OPERATIONS) {
        await this.table(name).submitTransaction(list.slice(i, i + MAX_BATCH_OPERATIONS));
      }
    }
  }
}

/**
 * Runs a write that may find its work done already: false when Tables answers `status` (409: the
 * row exists, 404: it is gone), true when the write went through; other failures are thrown.
 */
async function doneUnless(status: number, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (statusOf(error) === status) return false;
    throw error;
  }
}

function isLocalEndpoint(options: TableStoreOptions): boolean {
  const text = options.connectionString ?? options.endpoint ?? "";
  return /UseDevelopmentStorage=true|https?:\/\/(127\.0\.0\.1|localhost)[:/]/i.test(text);
}

async function clientFactory(
  options: TableStoreOptions,
  clientOptions: TableServiceClientOptions,
): Promise<(table: string) => TableClient> {
  const { connectionString, endpoint } = options;
  if (connectionString)
    return (table) => TableClient.fromConnectionString(connectionString, table, clientOptions);
  if (!endpoint) throw new Error("TABLES_CONNECTION_STRING or TABLES_ENDPOINT is required.");
  const { DefaultAzureCredential } = await import("@azure/identity");
  const credential = new DefaultAzureCredential();
  return (table) => new TableClient(endpoint, table, credential, clientOptions);
}
