import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { vi } from "vitest";
import { TABLES } from "../../src/storage/keys.js";
import { TableStore } from "../../src/storage/tableStore.js";

/** One storage round trip as a server instance made it. */
export interface StorageCall {
  /** Which TableStore made it: the n-th connected while recording (one per server instance). */
  store: number;
  /** `GET`, `POST`, `PUT`, `MERGE`, `DELETE`… */
  method: string;
  table: string;
  /** What it asked for: `pk / rk` for a read or write by key, the filter of a query. */
  what: string;
  startedAt: number;
  endedAt: number;
}

/**
 * Records every storage round trip of the TableStores connected while it is installed (the
 * servers a test starts after it), in process, through a policy on each table client's pipeline:
 * what a request costs in storage, and how many of those round trips follow one another.
 */
export class StorageRecorder {
  readonly calls: StorageCall[] = [];
  private stores = 0;
  private readonly spy;

  constructor() {
    const connect = TableStore.connect.bind(TableStore);
    this.spy = vi.spyOn(TableStore, "connect").mockImplementation(async (options) => {
      const store = await connect(options);
      const index = this.stores++;
      for (const table of Object.values(TABLES)) store.table(table).pipeline.addPolicy(this.policy(index));
      return store;
    });
  }

  restore(): void {
    this.spy.mockRestore();
  }

  private policy(store: number): PipelinePolicy {
    return {
      name: "storageRecorder",
      sendRequest: async (request, next) => {
        const url = new URL(request.url);
        const path = decodeURIComponent(url.pathname);
        // A transaction goes to `$batch`, its table named inside the body.
        const table = path.endsWith("$batch")
          ? "$batch"
          : (/^\/[^/]+\/([A-Za-z0-9]+)/.exec(path)?.[1] ?? /^\/([A-Za-z0-9]+)/.exec(path)?.[1] ?? "?");
        const keys = /PartitionKey='([^']*)',RowKey='([^']*)'/.exec(path);
        const filter = url.searchParams.get("$filter");
        const what = keys ? `${keys[1]} / ${keys[2]}` : (filter ?? "");
        const call: StorageCall = {
          store,
          method: request.method,
          table: table.replace(/^t[0-9a-f]{12}/, ""),
          what,
          startedAt: performance.now(),
          endedAt: Number.POSITIVE_INFINITY,
        };
        this.calls.push(call);
        try {
          return await next(request);
        } finally {
          call.endedAt = performance.now();
        }
      },
    };
  }

  /** The round trips `work` makes (begun while it runs), with the depth of the longest chain of them. */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; calls: StorageCall[]; sequential: number }> {
    const from = this.calls.length;
    const result = await work();
    const calls = this.calls.slice(from);
    return { result, calls, sequential: sequentialOf(calls) };
  }
}

/**
 * The round trips that follow one another: each call's depth is one more than the deepest call
 * that had ended before it began (calls begun together, awaited together, share a depth).
 */
export function sequentialOf(calls: readonly StorageCall[]): number {
  const depth = new Map<StorageCall, number>();
  let deepest = 0;
  const byStart = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  for (const call of byStart) {
    let before = 0;
    for (const other of byStart) {
      if (other === call || other.endedAt > call.startedAt) continue;
      before = Math.max(before, depth.get(other) ?? 0);
    }
    depth.set(call, before + 1);
    deepest = Math.max(deepest, before + 1);
  }
  return deepest;
}

/** The calls as lines (`store method table what`), for a test's message or a document. */
export function describeCalls(calls: readonly StorageCall[]): string {
  return calls
    .map((c) => `#${c.store} ${c.method} ${c.table} ${c.what}`.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "…"))
    .join("\n");
}
