import { type RunningAzurite, startAzurite } from "../scripts/lib/azurite.js";
import { preloaded } from "./lib/processes.js";
import { report, type ScenarioResult } from "./lib/report.js";
import { root } from "./lib/servers.js";
import { activity300 } from "./scenarios/activity300.js";
import { ask } from "./scenarios/ask.js";
import { botMessage } from "./scenarios/botMessage.js";
import { contention } from "./scenarios/contention.js";
import { firstSearch } from "./scenarios/firstSearch.js";
import { grouping } from "./scenarios/grouping.js";
import { hostileRequests } from "./scenarios/hostileRequests.js";
import { networkMetrics } from "./scenarios/networkMetrics.js";
import { orgContext300 } from "./scenarios/orgContext300.js";
import { pairing } from "./scenarios/pairing.js";
import { saveInsight } from "./scenarios/saveInsight.js";
import { scaleCommunities } from "./scenarios/scaleCommunities.js";
import { search } from "./scenarios/search.js";
import { startup } from "./scenarios/startup.js";
import { storageOutage } from "./scenarios/storageOutage.js";
import { tabLoad } from "./scenarios/tabLoad.js";
import { tps300, tps1000 } from "./scenarios/tps300.js";

/**
 * `npm run bench [-- <scenario> ...]`: runs the named scenarios (all by default), each printing a
 * table and writing bench/results/<scenario>.json. Azurite is started here and shared.
 */
const scenarios: Record<string, (azurite: RunningAzurite) => Promise<ScenarioResult>> = {
  startup,
  "bot-message": botMessage,
  "save-insight": saveInsight,
  search,
  "first-search": firstSearch,
  "scale-communities": () => scaleCommunities(),
  "tab-load": tabLoad,
  pairing,
  grouping,
  "tps-300": tps300,
  "activity-300": activity300,
  "tps-1000": tps1000,
  "org-context-300": orgContext300,
  contention,
  // Its own Azurite: it stops and restarts it.
  "storage-outage": () => storageOutage(),
  "hostile-requests": hostileRequests,
  "network-metrics": networkMetrics,
  // Its own Azurite, with the search scenario's stored library.
  ask: () => ask(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in scenarios));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown scenario(s): ${unknown.join(", ")}. Known: ${Object.keys(scenarios).join(", ")}\n`,
  );
  process.exit(2);
}

// BENCH_PROFILE_DIR: Azurite's CPU profile too, beside the servers' (where storage's time goes).
const azurite = await startAzurite(
  process.env.BENCH_PROFILE_DIR
    ? {
        nodeArgs: [
          ...preloaded(),
          "--cpu-prof",
          `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`,
          "--cpu-prof-name=azurite.cpuprofile",
        ],
      }
    : { nodeArgs: preloaded() },
);
let failed = false;
try {
  for (const name of wanted.length > 0 ? wanted : Object.keys(scenarios)) {
    const scenario = scenarios[name];
    if (!scenario) continue;
    try {
      report(await scenario(azurite), root);
    } catch (error) {
      failed = true;
      process.stderr.write(
        `scenario ${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
    }
  }
} finally {
  await azurite.stop();
}
process.exit(failed ? 1 : 0);
