import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createTcpServer, type Socket, type Server as TcpServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { azuriteConnectionString } from "../../scripts/lib/azurite.js";
import { freePort } from "../../scripts/lib/freePort.js";
import { ConflictError, StorageUnavailableError } from "../../src/domain/errors.js";
import { TABLES } from "../../src/storage/keys.js";
import { translateTableErrors } from "../../src/storage/tableErrors.js";
import { TableStore } from "../../src/storage/tableStore.js";
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
      // A few quick retries, not the SDK's default of up to four.
      expect(requests - before, what).toBe(3);
    }
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
