import { freePort } from "../../scripts/lib/freePort.js";
import { random, searchTerms } from "../../src/local/generatedLibrary.js";
import { ConnectorRecorder } from "../../tests/support/connectorRecorder.js";
import { invokeActivity, postInvoke, teamsUser } from "../../tests/support/teamsActivities.js";
import { BIG_LIBRARY_PREFIX, bigLibrary } from "../lib/bigLibrary.js";
import { demo, tokenFor } from "../lib/fixtures.js";
import { LightClient } from "../lib/lightClient.js";
import { runLoad } from "../lib/load.js";
import { rssMb, spawnServer } from "../lib/processes.js";
import { percentile, type ScenarioResult } from "../lib/report.js";
import { serverEnv, serverScript } from "../lib/servers.js";

/** The size; BENCH_SEARCH_ENTRIES runs a smaller one while iterating. */
const ENTRIES = Number(process.env.BENCH_SEARCH_ENTRIES ?? 50_000);
const CONCURRENCY = 10;
const REQUESTS = 1_000;
const WARMUP = 200;
/** Idle time after the build before the index's memory is read (V8's idle GC runs within it). */
const SETTLE_MS = 30_000;

/**
 * A community of 50,000 generated entries in Tables, with realistic lengths, tags and word
 * distribution (`realisticWords.ts`); the queries are the library's topic words, whole, as
 * prefixes while typing, with typos, and in pairs. Measures the server's index build from
 * Tables (time of the first search, and the memory it adds), then the search API and the
 * "Find insight" invoke at 10 concurrent. Memory is the server's RSS growth once it has been idle
 * for 30 s after the build (reported right after the build too). Bars: search p95 ≤ 30 ms, Find insight p95 ≤ 100 ms,
 * rebuild ≤ 10 s and ≤ 300 MB.
 */
export async function search(): Promise<ScenarioResult> {
  const { azurite, communityId, importMs } = await bigLibrary(ENTRIES, "search");
  const env = serverEnv(azurite, { TABLE_PREFIX: BIG_LIBRARY_PREFIX });
  const steward = demo[0];
  if (!steward) throw new Error("fixtures missing");
  const connector = await new ConnectorRecorder().start();
  const server = await spawnServer(serverScript, env, await freePort());
  try {
    const token = await tokenFor(server.url, steward.id);
    const headers = { authorization: `Bearer ${token}` };
    const base = `${server.url}/api/communities/${communityId}/entries`;
    await new Promise((r) => setTimeout(r, 1_000));
    const rssBefore = rssMb(server.child.pid);
    const buildStarted = performance.now();
    // The first search answers from what is loaded so far (see first-search); the build is done
    // when a search answers without `incomplete`.
    const { firstMs: firstSearchMs, total } = await untilComplete(`${base}?q=pipeline`, headers);
    const rebuildMs = performance.now() - buildStarted;
    const rssAfter = rssMb(server.child.pid);
    process.stderr.write(`search: index built from Tables in ${Math.round(rebuildMs)} ms\n`);
    // What the index keeps costing: right after the build the heap still holds the build's
    // garbage (pages read from Tables, tokens); V8 gives it back once the process is idle.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const rssSettled = rssMb(server.child.pid);

    const terms = searchTerms(random(7), REQUESTS);
    // Warm-up (BENCH.md) with other queries than the counted ones, so no counted query is cached by it.
    const warmUpTerms = searchTerms(random(3), WARMUP);
    // The tab's searches, sent by a lean client (see LightClient) over kept-alive connections.
    const client = new LightClient(CONCURRENCY);
    const searchOnce = (list: string[]) => async (i: number) => {
      const res = await client.get(`${base}?q=${encodeURIComponent(list[i] ?? "data")}&limit=20`, headers);
      if (res.status !== 200) throw new Error(`search failed: ${res.status}`);
    };
    await runLoad(WARMUP, CONCURRENCY, searchOnce(warmUpTerms));
    const searchApi = await runLoad(REQUESTS, CONCURRENCY, searchOnce(terms));
    client.close();
    const findOnce = (list: string[]) => async (i: number) => {
      const activity = invokeActivity(
        "composeExtension/query",
        {
          commandId: "findInsight",
          parameters: [{ name: "query", value: list[i] ?? "data" }],
          queryOptions: { count: 10, skip: 0 },
        },
        { serviceUrl: connector.serviceUrl, conversationType: "channel", from: teamsUser(steward) },
      );
      const res = await postInvoke(server.url, activity);
      if (res.status !== 200) throw new Error(`find insight failed: ${res.status}`);
    };
    await runLoad(WARMUP, CONCURRENCY, findOnce(warmUpTerms));
    // Other queries than the search API's, which are in the result cache by now.
    const findInsight = await runLoad(REQUESTS, CONCURRENCY, findOnce(searchTerms(random(11), REQUESTS)));
    return {
      scenario: "search",
      params: { entries: ENTRIES, concurrency: CONCURRENCY, requests: REQUESTS, warmup: WARMUP },
      metrics: {
        import_ms_if_loaded_now: importMs,
        first_search_total: total,
        first_search_ms: firstSearchMs,
        rebuild_ms: rebuildMs,
        index_rss_mb: rssSettled - rssBefore,
        index_rss_right_after_build_mb: rssAfter - rssBefore,
        server_rss_mb: rssSettled,
        search_p50_ms: percentile(searchApi, 50),
        search_p95_ms: percentile(searchApi, 95),
        search_p99_ms: percentile(searchApi, 99),
        find_insight_p50_ms: percentile(findInsight, 50),
        find_insight_p95_ms: percentile(findInsight, 95),
        find_insight_p99_ms: percentile(findInsight, 99),
      },
      bars: [
        { name: "search API p95", metric: "search_p95_ms", limit: 30, op: "<=" },
        { name: "Find insight invoke p95", metric: "find_insight_p95_ms", limit: 100, op: "<=" },
        { name: "index rebuild time", metric: "rebuild_ms", limit: 10_000, op: "<=" },
        { name: "index rebuild memory", metric: "index_rss_mb", limit: 300, op: "<=" },
      ],
    };
  } finally {
    await server.stop();
    await connector.stop();
    await azurite.stop();
  }
}

/** Searches until an answer comes from the whole library: the first answer's time and the full total. */
export async function untilComplete(
  url: string,
  headers: Record<string, string>,
): Promise<{ firstMs: number; total: number }> {
  const started = performance.now();
  let firstMs = Number.NaN;
  for (;;) {
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(`search failed: ${res.status}`);
    const page = (await res.json()) as { total: number; incomplete?: { indexed: number } };
    if (Number.isNaN(firstMs)) firstMs = performance.now() - started;
    if (!page.incomplete) return { firstMs, total: page.total };
    await new Promise((r) => setTimeout(r, 100));
  }
}
