import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { random, searchTerms } from "../../src/local/generatedLibrary.js";
import { SyncedLibrarySearch } from "../../src/search/memory/syncedLibrarySearch.js";
import { org } from "../lib/fixtures.js";
import { GeneratedEntries } from "../lib/generatedEntries.js";
import { runLoad } from "../lib/load.js";
import { percentile, type ScenarioResult } from "../lib/report.js";

const COMMUNITIES = Number(process.env.BENCH_SCALE_COMMUNITIES ?? 500);
const ENTRIES = 2_000;
const SEARCHES = Number(process.env.BENCH_SCALE_SEARCHES ?? 1_500);
const WARMUP = 300;
const CONCURRENCY = 4;
/** Zipf's exponent: community k of the popularity order gets searched in proportion to 1 / k^s. */
const ZIPF_S = 1;
/** The indexes' byte budget (their own estimate); RSS is what the bars hold to. */
const BUDGET_MB = Number(process.env.BENCH_SCALE_BUDGET_MB ?? 1024);
/** The heap limit of the run is the budget plus this (code, the loads in flight and their garbage). */
const HEAP_HEADROOM_MB = 512;
/** What reading a page of 1,000 entries from Tables takes (Azurite here: about 150 ms; see search). */
const PAGE_LATENCY_MS = 150;

/**
 * One instance serving 500 communities of 2,000 entries each (a million entries, far more than
 * its byte budget holds), searched Zipf-like: a few communities often, most rarely. Searches run
 * in-process against the search adapter the server uses, its storage standing in for Tables with
 * generated entries and Tables' page latency (Azurite cannot hold a million rows; see
 * GeneratedEntries). Reports warm searches (community held) and cold ones (loaded first), how
 * many indexes are held, their estimated bytes and the process's peak RSS. Bars: warm p95 ≤ 30 ms,
 * cold first search p95 ≤ 1 s, peak RSS ≤ budget + 712 MB (the heap limit's headroom of 512 MB,
 * and what Node holds outside the heap). Runs in a child process with a heap limit (see below).
 */
export async function scaleCommunities(): Promise<ScenarioResult> {
  // In a process of its own with a heap limit above the budget, as a server is run (docs/scale.md):
  // the limit makes V8 collect instead of growing, and an index set that outgrew the budget
  // would end the run rather than pass unseen.
  const heapLimitMb = BUDGET_MB + HEAP_HEADROOM_MB;
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${heapLimitMb}`, fileURLToPath(import.meta.url)],
    {
      env: { ...process.env, BENCH_SCALE_CHILD: "1" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`scale-communities ended with ${code} (heap limit ${heapLimitMb} MB)`);
  const result = JSON.parse(out) as ScenarioResult;
  result.params.heap_limit_mb = heapLimitMb;
  return result;
}

async function measure(): Promise<ScenarioResult> {
  const people = org.users.slice(0, 300);
  const storage = new GeneratedEntries(ENTRIES, people, PAGE_LATENCY_MS);
  const search = new SyncedLibrarySearch(storage, { maxBytes: BUDGET_MB * 1024 * 1024 });
  const tenantId = org.tenantId;
  const pick = zipf(COMMUNITIES, ZIPF_S, random(5));
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let heapPeak = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    rssPeak = Math.max(rssPeak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapUsed);
  }, 100);
  const warm: number[] = [];
  const cold: number[] = [];
  const loading: number[] = [];
  let incomplete = 0;
  const once = (terms: string[], record: boolean) => async (i: number) => {
    const communityId = `community-${pick()}`;
    // Warm: loaded; cold: not held at all (this search starts its load); else still loading.
    const kind = search.holds(tenantId, communityId)
      ? warm
      : search.holdsAny(tenantId, communityId)
        ? loading
        : cold;
    const started = performance.now();
    const page = await search.search(tenantId, [communityId], { text: terms[i] ?? "data", limit: 20 });
    const ms = performance.now() - started;
    if (!record) return;
    if (page.incomplete) incomplete++;
    kind.push(ms);
  };
  const started = performance.now();
  try {
    await runLoad(WARMUP, CONCURRENCY, once(searchTerms(random(3), WARMUP), false));
    await runLoad(SEARCHES, CONCURRENCY, once(searchTerms(random(7), SEARCHES), true));
  } finally {
    clearInterval(sampler);
  }
  const elapsedMs = performance.now() - started;
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return {
    scenario: "scale-communities",
    params: {
      communities: COMMUNITIES,
      entries_per_community: ENTRIES,
      searches: SEARCHES,
      warmup: WARMUP,
      concurrency: CONCURRENCY,
      zipf_s: ZIPF_S,
      budget_mb: BUDGET_MB,
      page_latency_ms: PAGE_LATENCY_MS,
    },
    metrics: {
      warm_searches: warm.length,
      warm_p50_ms: percentile(warm, 50),
      warm_p95_ms: percentile(warm, 95),
      warm_p99_ms: percentile(warm, 99),
      cold_searches: cold.length,
      cold_p50_ms: percentile(cold, 50),
      cold_p95_ms: percentile(cold, 95),
      cold_max_ms: Math.max(...cold),
      loading_searches: loading.length,
      loading_p95_ms: percentile(loading, 95),
      incomplete_answers: incomplete,
      held_indexes: search.heldIndexes,
      held_estimate_mb: mb(search.heldBytes),
      rss_start_mb: mb(rssBefore),
      rss_peak_mb: mb(rssPeak),
      heap_used_peak_mb: mb(heapPeak),
      elapsed_s: elapsedMs / 1000,
    },
    bars: [
      { name: "warm search p95", metric: "warm_p95_ms", limit: 30, op: "<=" },
      { name: "cold community first search p95", metric: "cold_p95_ms", limit: 1_000, op: "<=" },
      {
        name: "peak RSS within budget and headroom",
        metric: "rss_peak_mb",
        limit: BUDGET_MB + HEAP_HEADROOM_MB + 200,
        op: "<=",
      },
    ],
  };
}

/** A sampler of 0…n-1 with P(k) ∝ 1 / (k + 1)^s. */
function zipf(n: number, s: number, rand: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** s;
    cumulative[k] = sum;
  }
  return () => {
    const target = rand() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

if (process.env.BENCH_SCALE_CHILD === "1") process.stdout.write(JSON.stringify(await measure()));
