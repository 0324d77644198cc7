import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createTcpServer, type Socket, type Server as TcpServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { azuriteConnectionString } from "../../scripts/lib/azurite.js";
import { freePort } from "../../scripts/lib/freePort.js";
import { ConflictError, StorageUnavailableError } from "../../src/domain/errors.js";
import type { Entry } from "../../src/domain/library/entry.js";
import type { EntryRevision } from "../../src/domain/library/entryRepository.js";
import { generateLibrary } from "../../src/local/generatedLibrary.js";
import { TABLES } from "../../src/storage/keys.js";
import { STORAGE_RETRY_OPTIONS, translateTableErrors } from "../../src/storage/tableErrors.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { freshTableStore } from "../support/testServer.js";

/** A TableStore whose table endpoint is 127.0.0.1:port (Azurite's account and key, whatever listens). */
function storeOn(port: number, timeouts?: { attemptMs: number; callMs: number }): Promise<TableStore> {
  return TableStore.connect({
    connectionString: azuriteConnectionString(port),
    tablePrefix: "faults",
    ...(timeouts ? { timeouts } : {}),
  });
}

const row = (rowKey: string) => ({ partitionKey: "tenant|faults", rowKey, n: 1 });

/** Each storage call the app makes: a point read, a write, a query page, and a transaction ($batch). */
function everyKindOfCall(store: TableStore): [string, () => Promise<unknown>][] {
  return [
    ["point read", () => store.getEntity(TABLES.library, "tenant|faults", "a")],
    ["write", () => store.table(TABLES.library).createEntity(row("b"))],
    ["query", () => store.queryPage(TABLES.library, "PartitionKey eq 'tenant|faults'")],
    ["transaction", () => store.submitBatches(TABLES.library, [["create", row("c")]])],
  ];
}

async function rejection(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded");
}

describe("storage that does not answer becomes one StorageUnavailableError", () => {
  const servers: (HttpServer | TcpServer)[] = [];
  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it("when nothing listens on the port (connection refused), for every kind of call", async () => {
    const store = await storeOn(await freePort());
    for (const [what, call] of everyKindOfCall(store)) {
      const error = await rejection(call);
      expect(error, what).toBeInstanceOf(StorageUnavailableError);
      expect((error as StorageUnavailableError).code).toBe("storage_unavailable");
    }
  });

  it("when the service answers 503 (busy) or 500, after the retries, transactions included", async () => {
    let requests = 0;
    const busy = createHttpServer((req, res) => {
      requests++;
      req.resume();
      res.writeHead(requests % 2 ? 503 : 500, { "content-type": "application/json" });
      res.end('{"odata.error":{"code":"ServerBusy","message":{"value":"busy"}}}');
    });
    servers.push(busy);
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const store = await storeOn((busy.address() as { port: number }).port);
    for (const [what, call] of everyKindOfCall(store)) {
      const before = requests;
      expect(await rejection(call), what).toBeInstanceOf(StorageUnavailableError);
      // The first try and three quick retries (STORAGE_RETRY_OPTIONS), then the person is told.
      expect(requests - before, what).toBe(1 + STORAGE_RETRY_OPTIONS.maxRetries);
    }
  });

  it("when the service asks to come back much later (Retry-After: 30): the call's deadline ends the wait", async () => {
    const throttling = createHttpServer((req, res) => {
      req.resume();
      res.writeHead(503, { "content-type": "application/json", "retry-after": "30" });
      res.end('{"odata.error":{"code":"ServerBusy","message":{"value":"busy"}}}');
    });
    servers.push(throttling);
    await new Promise<void>((resolve) => throttling.listen(0, "127.0.0.1", resolve));
    const store = await storeOn((throttling.address() as { port: number }).port, {
      attemptMs: 2_000,
      callMs: 500,
    });
    for (const [what, call] of everyKindOfCall(store))
      expect(await rejection(call), what).toBeInstanceOf(StorageUnavailableError);
  });

  it("when the service accepts connections but never answers (the attempt times out)", async () => {
    const silent = createTcpServer((socket) => {
      sockets.push(socket);
      socket.resume();
    });
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const store = await storeOn((silent.address() as { port: number }).port, {
      attemptMs: 300,
      callMs: 2_000,
    });
    for (const [what, call] of everyKindOfCall(store))
      expect(await rejection(call), what).toBeInstanceOf(StorageUnavailableError);
  });
});

describe("storage that answers keeps its answers", () => {
  let store: TableStore;
  beforeAll(async () => {
    store = await freshTableStore();
  });

  it("a missing row is still undefined and a duplicate still a ConflictError, not an outage", async () => {
    expect(await store.getEntity(TABLES.library, "tenant|faults", "missing")).toBeUndefined();
    await store.table(TABLES.library).createEntity(row("once"));
    const duplicate = await rejection(() =>
      translateTableErrors("The row", () => store.table(TABLES.library).createEntity(row("once"))),
    );
    expect(duplicate).toBeInstanceOf(ConflictError);
  });
});

describe("an entry edit and its history when storage fails between the two writes", () => {
  const tenantId = "aaaaaaaa-0000-4000-8000-0000000000f1";
  const editor = { id: "editor", displayName: "Editor" };
  let store: TableStore;
  let entries: TablesEntryRepository;
  beforeAll(async () => {
    store = await freshTableStore();
    entries = new TablesEntryRepository(store);
  });
  afterEach(() => vi.restoreAllMocks());

  async function anEntry(id: string): Promise<Entry> {
    const [generated] = generateLibrary(tenantId, "history", 1, [editor], 7);
    if (!generated) throw new Error("no entry generated");
    await entries.create({ ...generated, id, title: "First version" });
    const stored = await entries.get(tenantId, "history", id);
    if (!stored) throw new Error("entry not stored");
    return stored;
  }
  const previousOf = (entry: Entry): EntryRevision => ({
    entryId: entry.id,
    at: new Date().toISOString(),
    editedBy: editor,
    title: entry.title,
    body: entry.body,
    summary: entry.summary,
    tags: entry.tags,
  });
  const away = () => new StorageUnavailableError();

  it("never keeps an edit without the previous version in the history (the history write fails)", async () => {
    const entry = await anEntry("history-first");
    const library = store.table(TABLES.library);
    vi.spyOn(library, "createEntity").mockRejectedValueOnce(away());
    await expect(entries.update({ ...entry, title: "Second version" }, previousOf(entry))).rejects.toThrow(
      StorageUnavailableError,
    );
    const after = await entries.get(tenantId, "history", entry.id);
    const history = await entries.listRevisions(tenantId, "history", entry.id);
    // Either nothing happened, or the edit landed with its history (before: the edit without it).
    if (after?.title === "Second version") expect(history.map((r) => r.title)).toEqual(["First version"]);
    else expect(history).toEqual([]);
  });

  it("shows no history for an edit that never landed, and one row once it is repeated and lands", async () => {
    const entry = await anEntry("history-second");
    const library = store.table(TABLES.library);
    // Storage goes away after the history row: the edit and the tidying-up both fail.
    vi.spyOn(library, "submitTransaction").mockRejectedValueOnce(away());
    vi.spyOn(library, "deleteEntity").mockRejectedValueOnce(away());
    await expect(entries.update({ ...entry, title: "Second version" }, previousOf(entry))).rejects.toThrow(
      StorageUnavailableError,
    );
    expect((await entries.get(tenantId, "history", entry.id))?.title).toBe("First version");
    expect(await entries.listRevisions(tenantId, "history", entry.id)).toEqual([]);

    vi.restoreAllMocks();
    await entries.update({ ...entry, title: "Second version" }, previousOf(entry));
    expect((await entries.listRevisions(tenantId, "history", entry.id)).map((r) => r.title)).toEqual([
      "First version",
    ]);
  });
});
