import { randomBytes } from "node:crypto";
import type { RunningAzurite } from "../../scripts/lib/azurite.js";
import type { OrgPerson } from "../../src/domain/people/peopleDirectory.js";
import { GraphClients } from "../../src/graph/graphClient.js";
import { StaticTokenSource } from "../../src/graph/graphCredentials.js";
import { GraphDirectory } from "../../src/graph/graphDirectory.js";
import { GraphStandIn } from "../../src/local/graphStandIn.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesOrgContextCache } from "../../src/storage/tablesOrgContextCache.js";
import { org } from "../lib/fixtures.js";
import { percentile, type ScenarioResult } from "../lib/report.js";

const PARTICIPANTS = 300;
const LATENCY_MS = 50;
const COLD_RUNS = 5;
const WARM_RUNS = 200;
const THROTTLE_RATE = 0.3;
const RETRY_AFTER_S = 1;

/** Whether every participant came back with the fixture's context (fields and manager). */
function correct(people: Map<string, OrgPerson>, ids: string[]): boolean {
  return ids.every((id) => {
    const user = org.users.find((u) => u.id === id);
    const p = people.get(id);
    return (
      !!user &&
      !!p &&
      p.displayName === user.displayName &&
      p.department === (user.department ?? undefined) &&
      p.jobTitle === (user.jobTitle ?? undefined) &&
      p.officeLocation === (user.officeLocation ?? undefined) &&
      p.managerId === (user.managerId ?? undefined)
    );
  });
}

/**
 * Org context for 300 meeting participants through the real Graph client against the stand-in
 * with 50 ms latency per request. Cold: empty memory and an empty Tables cache (15 `$batch`es of
 * 20, 4 in flight, plus the Tables reads and writes). Warm: the same call again (memory); also a
 * new instance reading Tables only. Storm: 30 % of outer and inner requests answer 429 with
 * Retry-After 1 s. Bars (issue 6): cold ≤ 2 s, warm ≤ 50 ms; the storm must complete correctly.
 */
export async function orgContext300(azurite: RunningAzurite): Promise<ScenarioResult> {
  const ids = org.users.slice(0, PARTICIPANTS).map((u) => u.id);
  const standIn = await GraphStandIn.start({ org, latencyMs: LATENCY_MS });
  const clients = new GraphClients({ baseUrl: standIn.url, tokens: new StaticTokenSource("bench") });
  const stores: TableStore[] = [];
  const freshStore = async () => {
    const store = await TableStore.connect({
      connectionString: azurite.connectionString,
      tablePrefix: `b${randomBytes(5).toString("hex")}`,
    });
    await store.ensureTables();
    stores.push(store);
    return store;
  };
  const directories: GraphDirectory[] = [];
  const directoryOn = (store: TableStore) => {
    const d = new GraphDirectory({ clients, cache: new TablesOrgContextCache(store), waitMs: 120_000 });
    directories.push(d);
    return d;
  };

  try {
    const cold: number[] = [];
    let coldRequests = 0;
    let coldCorrect = true;
    let warmDirectory: GraphDirectory | undefined;
    let warmStore: TableStore | undefined;
    for (let run = 0; run < COLD_RUNS; run++) {
      const store = await freshStore();
      const directory = directoryOn(store);
      standIn.clearSeen();
      const t0 = performance.now();
      const answer = await directory.getMany(org.tenantId, ids);
      cold.push(performance.now() - t0);
      coldRequests = standIn.seen.filter((r) => !r.inner).length;
      coldCorrect &&= !answer.degraded && correct(answer.people, ids);
      warmDirectory = directory;
      warmStore = store;
    }
    if (!warmDirectory || !warmStore) throw new Error("no cold run");

    standIn.clearSeen();
    const warm: number[] = [];
    for (let run = 0; run < WARM_RUNS; run++) {
      const t0 = performance.now();
      await warmDirectory.getMany(org.tenantId, ids);
      warm.push(performance.now() - t0);
    }
    const tablesOnly: number[] = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      const t0 = performance.now();
      await directoryOn(warmStore).getMany(org.tenantId, ids);
      tablesOnly.push(performance.now() - t0);
    }
    const warmGraphRequests = standIn.seen.length;

    standIn.setSwitches({ throttleRate: THROTTLE_RATE, retryAfterSeconds: RETRY_AFTER_S });
    standIn.clearSeen();
    const stormDirectory = directoryOn(await freshStore());
    const t0 = performance.now();
    const storm = await stormDirectory.getMany(org.tenantId, ids);
    const stormMs = performance.now() - t0;
    const stormCorrect = !storm.degraded && storm.people.size === PARTICIPANTS && correct(storm.people, ids);

    return {
      scenario: "org-context-300",
      params: {
        participants: PARTICIPANTS,
        latencyMs: LATENCY_MS,
        batchSize: 20,
        batchesInFlight: 4,
        coldRuns: COLD_RUNS,
        warmRuns: WARM_RUNS,
        stormThrottleRate: THROTTLE_RATE,
        stormRetryAfterSeconds: RETRY_AFTER_S,
      },
      metrics: {
        cold_p50_ms: percentile(cold, 50),
        cold_max_ms: Math.max(...cold),
        cold_graph_requests: coldRequests,
        cold_correct: coldCorrect ? 1 : 0,
        warm_p50_ms: percentile(warm, 50),
        warm_p95_ms: percentile(warm, 95),
        warm_graph_requests: warmGraphRequests,
        tables_only_p50_ms: percentile(tablesOnly, 50),
        storm_ms: stormMs,
        storm_correct: stormCorrect ? 1 : 0,
        storm_outer_requests: standIn.seen.filter((r) => !r.inner).length,
        storm_inner_requests: standIn.seen.filter((r) => r.inner).length,
        storm_429s: standIn.seen.filter((r) => r.status === 429).length,
      },
      bars: [
        {
          name: "cold context for 300 (50 ms Graph latency), worst run",
          metric: "cold_max_ms",
          limit: 2_000,
          op: "<=",
        },
        { name: "cold answers complete and correct", metric: "cold_correct", limit: 1, op: ">=" },
        { name: "warm context for 300 (cache) p95", metric: "warm_p95_ms", limit: 50, op: "<=" },
        { name: "warm path makes no Graph request", metric: "warm_graph_requests", limit: 0, op: "<=" },
        { name: "30 % 429 storm completes correctly", metric: "storm_correct", limit: 1, op: ">=" },
      ],
    };
  } finally {
    await Promise.all(directories.map((d) => d.stop()));
    await standIn.stop();
  }
}
