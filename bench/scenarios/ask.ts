import { freePort } from "../../scripts/lib/freePort.js";
import { random, searchTerms } from "../../src/local/generatedLibrary.js";
import { ConnectorRecorder } from "../../tests/support/connectorRecorder.js";
import { messageActivity, teamsUser } from "../../tests/support/teamsActivities.js";
import { BIG_LIBRARY_PREFIX, bigLibrary } from "../lib/bigLibrary.js";
import { demo, tokenFor } from "../lib/fixtures.js";
import { interleaved } from "../lib/interleave.js";
import { type ServerProcess, spawnServer } from "../lib/processes.js";
import { percentile, type ScenarioResult } from "../lib/report.js";
import { floorScript, serverEnv, serverScript } from "../lib/servers.js";
import { StorageCounter } from "../lib/storageCounter.js";
import { untilComplete } from "./search.js";

/** The size; BENCH_ASK_ENTRIES runs a smaller one while iterating. */
const ENTRIES = Number(process.env.BENCH_ASK_ENTRIES ?? 50_000);
const CONCURRENCY = 20;
const ROUNDS = 10;
const PER_ROUND = 200;
const WARMUP = 300;

/**
 * Asking the community in personal chat (question in, retrieval over the asker's library, the
 * extractive answer with citations delivered to the connector, HTTP 200 back) at 20 concurrent,
 * over a generated library of 50,000 entries, interleaved A B A B with a bare teams-ai app
 * answering a message (the floor, as in `bot-message`). The library is `bigLibrary`'s: loaded once
 * into `.data/bench` and reused (the same one as the `search` scenario's). Bar: p95 ≤ 1.5 × floor.
 */
export async function ask(): Promise<ScenarioResult> {
  const steward = demo[0];
  if (!steward) throw new Error("fixtures missing");
  const { azurite, communityId } = await bigLibrary(ENTRIES, "ask");
  // BENCH_COUNT_STORAGE=1 (or =shapes, by request shape): the server reaches Azurite through a counting proxy (which adds a hop
  // to every storage request: the latencies of such a run are not the scenario's figures).
  const counter = process.env.BENCH_COUNT_STORAGE ? new StorageCounter(azurite) : undefined;
  const storage = counter ? await counter.start() : azurite;
  const connector = await new ConnectorRecorder().start();
  const app = await spawnServer(
    serverScript,
    serverEnv(storage, { TABLE_PREFIX: BIG_LIBRARY_PREFIX }),
    await freePort(),
  );
  const floor = await spawnServer(floorScript, {}, await freePort(), "/health");
  try {
    const words = searchTerms(random(5), 2 * (ROUNDS * PER_ROUND + WARMUP));
    const question = (i: number) =>
      `How do we handle ${words[2 * i] ?? "data"} with ${words[2 * i + 1] ?? "pipelines"}?`;
    const send =
      (server: ServerProcess, text: (i: number) => string) =>
      async (i: number): Promise<void> => {
        const activity = messageActivity(text(i), {
          serviceUrl: connector.serviceUrl,
          from: teamsUser(steward),
        });
        const res = await fetch(`${server.url}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(activity),
        });
        if (res.status !== 200) throw new Error(`bot answered ${res.status}`);
        await res.arrayBuffer();
        connector.clear();
      };
    // The first question starts building the community's index from Tables, and questions answer
    // from what is loaded meanwhile: the round trip is measured once the whole library is indexed.
    const started = performance.now();
    await send(app, () => "How do we backfill a partitioned table?")(0);
    const firstAskMs = performance.now() - started;
    const headers = { authorization: `Bearer ${await tokenFor(app.url, steward.id)}` };
    await untilComplete(`${app.url}/api/communities/${communityId}/entries?q=pipeline`, headers);
    const indexedMs = performance.now() - started;
    counter?.reset();
    const { a: askLatencies, b: floorLatencies } = await interleaved(
      ROUNDS,
      PER_ROUND,
      CONCURRENCY,
      WARMUP,
      send(app, question),
      send(floor, () => "help"),
    );
    const p = (values: number[], q: number) => percentile(values, q);
    if (counter) {
      const asked = askLatencies.length + WARMUP;
      process.stderr.write(
        `ask: ${counter.total()} storage requests over ${asked} questions: ${JSON.stringify(counter.snapshot())}\n`,
      );
    }
    return {
      scenario: "ask",
      params: { entries: ENTRIES, concurrency: CONCURRENCY, requests: ROUNDS * PER_ROUND, warmup: WARMUP },
      metrics: {
        first_ask_ms: firstAskMs,
        whole_library_indexed_ms: indexedMs,
        p50_ms: p(askLatencies, 50),
        p95_ms: p(askLatencies, 95),
        p99_ms: p(askLatencies, 99),
        floor_p50_ms: p(floorLatencies, 50),
        floor_p95_ms: p(floorLatencies, 95),
        floor_p99_ms: p(floorLatencies, 99),
        ratio_p95: p(askLatencies, 95) / p(floorLatencies, 95),
        ...(counter
          ? { storage_requests_per_question: counter.total() / (askLatencies.length + WARMUP) }
          : {}),
      },
      bars: [{ name: "p95 vs bot-message floor", metric: "ratio_p95", limit: 1.5, op: "<=" }],
    };
  } finally {
    await app.stop();
    await floor.stop();
    await connector.stop();
    await counter?.stop();
    await azurite.stop();
  }
}
