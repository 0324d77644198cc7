import type { RunningAzurite } from "../../scripts/lib/azurite.js";
import { freePort } from "../../scripts/lib/freePort.js";
import { rssMb, spawnServer } from "../lib/processes.js";
import { median, type ScenarioResult } from "../lib/report.js";
import { serverEnv, serverScript } from "../lib/servers.js";

const RUNS = 5;
const IDLE_SETTLE_MS = 3_000;

/**
 * Cold start to healthy with Azurite already up (each run creates its tables afresh), and the
 * server's resident memory once idle after start. Bars: ≤ 3 s, ≤ 200 MB.
 */
export async function startup(azurite: RunningAzurite): Promise<ScenarioResult> {
  const starts: number[] = [];
  let idleRss = Number.NaN;
  for (let run = 0; run < RUNS; run++) {
    const server = await spawnServer(serverScript, serverEnv(azurite), await freePort());
    starts.push(server.startMs);
    if (run === RUNS - 1) {
      await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS));
      idleRss = rssMb(server.child.pid);
    }
    await server.stop();
  }
  return {
    scenario: "startup",
    params: { runs: RUNS, idleSettleMs: IDLE_SETTLE_MS, azurite: "already running" },
    metrics: {
      cold_start_median_ms: median(starts),
      cold_start_max_ms: Math.max(...starts),
      idle_rss_mb: idleRss,
    },
    bars: [
      { name: "cold start to healthy", metric: "cold_start_median_ms", limit: 3000, op: "<=" },
      { name: "idle RSS", metric: "idle_rss_mb", limit: 200, op: "<=" },
    ],
  };
}
