import { freePort } from "../../scripts/lib/freePort.js";
import { SyncedLibrarySearch } from "../../src/search/memory/syncedLibrarySearch.js";
import { ConnectorRecorder } from "../../tests/support/connectorRecorder.js";
import { invokeActivity, postInvoke, teamsUser } from "../../tests/support/teamsActivities.js";
import { BIG_LIBRARY_PREFIX, bigLibrary } from "../lib/bigLibrary.js";
import { demo, org, tokenFor } from "../lib/fixtures.js";
import { GeneratedEntries } from "../lib/generatedEntries.js";
import { spawnServer } from "../lib/processes.js";
import type { ScenarioResult } from "../lib/report.js";
import { serverEnv, serverScript } from "../lib/servers.js";
import { untilComplete } from "./search.js";

/** The size; BENCH_SEARCH_ENTRIES runs a smaller one while iterating. */
const ENTRIES = Number(process.env.BENCH_SEARCH_ENTRIES ?? 50_000);
/** Cold starts measured per surface (a fresh server each). */
const ROUNDS = 3;

/**
 * The first search of a 50,000-entry community on a server that has just started (nothing
 * loaded): through the tab's search API and through the message extension's "Find insight"
 * (Teams gives that invoke 5 s). The first answer comes from what is loaded by then, marked
 * `incomplete`; the scenario also reports how many entries it covered and when a search first
 * answered from the whole library. A fresh server per measurement, three rounds each, median and
 * worst reported. Bar: first search ≤ 2 s (worst of the rounds).
 */
export async function firstSearch(): Promise<ScenarioResult> {
  if (process.env.BENCH_FIRST_SEARCH_STORAGE === "generated") return firstSearchGenerated();
  const { azurite, communityId } = await bigLibrary(ENTRIES, "first-search");
  const env = serverEnv(azurite, { TABLE_PREFIX: BIG_LIBRARY_PREFIX });
  const steward = demo[0];
  if (!steward) throw new Error("fixtures missing");
  const connector = await new ConnectorRecorder().start();
  const api: number[] = [];
  const invoke: number[] = [];
  const indexed: number[] = [];
  const whole: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const surface of ["api", "invoke"] as const) {
        const server = await spawnServer(serverScript, env, await freePort());
        try {
          const token = await tokenFor(server.url, steward.id);
          const headers = { authorization: `Bearer ${token}` };
          const base = `${server.url}/api/communities/${communityId}/entries`;
          await new Promise((r) => setTimeout(r, 1_000));
          const started = performance.now();
          if (surface === "api") {
            const res = await fetch(`${base}?q=pipeline`, { headers });
            if (!res.ok) throw new Error(`first search failed: ${res.status}`);
            const page = (await res.json()) as { incomplete?: { indexed: number } };
            api.push(performance.now() - started);
            indexed.push(page.incomplete?.indexed ?? ENTRIES);
          } else {
            const activity = invokeActivity(
              "composeExtension/query",
              {
                commandId: "findInsight",
                parameters: [{ name: "query", value: "pipeline" }],
                queryOptions: { count: 10, skip: 0 },
              },
              { serviceUrl: connector.serviceUrl, conversationType: "channel", from: teamsUser(steward) },
            );
            const res = await postInvoke(server.url, activity);
            if (res.status !== 200) throw new Error(`find insight failed: ${res.status}`);
            invoke.push(performance.now() - started);
          }
          await untilComplete(`${base}?q=pipeline`, headers);
          whole.push(performance.now() - started);
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await connector.stop();
    await azurite.stop();
  }
  return {
    scenario: "first-search",
    params: { entries: ENTRIES, rounds: ROUNDS },
    metrics: {
      first_search_ms_median: median(api),
      first_search_ms_worst: Math.max(...api),
      first_find_insight_ms_median: median(invoke),
      first_find_insight_ms_worst: Math.max(...invoke),
      first_answer_indexed_entries_median: median(indexed),
      whole_library_ms_median: median(whole),
    },
    bars: [
      { name: "first search at 50,000 entries", metric: "first_search_ms_worst", limit: 2_000, op: "<=" },
      {
        name: "first Find insight at 50,000 entries",
        metric: "first_find_insight_ms_worst",
        limit: 2_000,
        op: "<=",
      },
    ],
  };
}

/**
 * The same first search in-process, against generated storage with Tables' page latency (150 ms a
 * page of 1,000) instead of a server on Azurite: for machines where loading 50,000 entries into
 * Azurite (about 45 minutes) is out of reach. What the first answer's time depends on (the wait
 * for the load, and how long the load holds the event loop) is the same; HTTP and auth are not in it.
 */
async function firstSearchGenerated(): Promise<ScenarioResult> {
  const first: number[] = [];
  const indexed: number[] = [];
  const whole: number[] = [];
  const people = org.users.slice(0, 300);
  for (let round = 0; round < ROUNDS; round++) {
    const search = new SyncedLibrarySearch(new GeneratedEntries(ENTRIES, people, 150));
    const started = performance.now();
    const page = await search.search(org.tenantId, ["big"], { text: "pipeline" });
    first.push(performance.now() - started);
    indexed.push(page.incomplete?.indexed ?? ENTRIES);
    // The whole load once: on generated storage it mostly measures the generator.
    if (round === 0) {
      while (!search.holds(org.tenantId, "big")) await new Promise((r) => setTimeout(r, 100));
      whole.push(performance.now() - started);
    }
  }
  return {
    scenario: "first-search",
    params: { entries: ENTRIES, rounds: ROUNDS, storage: "generated, 150 ms a page of 1,000" },
    metrics: {
      first_search_ms_median: median(first),
      first_search_ms_worst: Math.max(...first),
      first_answer_indexed_entries_median: median(indexed),
      whole_library_ms_median: median(whole),
    },
    bars: [
      { name: "first search at 50,000 entries", metric: "first_search_ms_worst", limit: 2_000, op: "<=" },
    ],
  };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
}
