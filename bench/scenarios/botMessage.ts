import type { RunningAzurite } from "../../scripts/lib/azurite.js";
import { freePort } from "../../scripts/lib/freePort.js";
import { ConnectorRecorder } from "../../tests/support/connectorRecorder.js";
import { messageActivity } from "../../tests/support/teamsActivities.js";
import { interleaved } from "../lib/interleave.js";
import { type ServerProcess, spawnServer } from "../lib/processes.js";
import { percentile, type ScenarioResult } from "../lib/report.js";
import { floorScript, serverEnv, serverScript } from "../lib/servers.js";

const CONCURRENCY = 20;
const ROUNDS = 10;
const PER_ROUND = 200;
const WARMUP = 300;

/**
 * Bot `message` round trip (activity in, reply delivered to the connector, HTTP 200 back) at 20
 * concurrent, PeerCircle's server next to a bare teams-ai app on the same adapter (the floor),
 * interleaved A B A B in rounds so machine noise hits both alike. Bar: p95 ≤ 1.3 × floor.
 */
export async function botMessage(azurite: RunningAzurite): Promise<ScenarioResult> {
  const connector = await new ConnectorRecorder().start();
  const app = await spawnServer(serverScript, serverEnv(azurite), await freePort());
  const floor = await spawnServer(floorScript, {}, await freePort(), "/health");
  try {
    const send = (server: ServerProcess) => async () => {
      const res = await fetch(`${server.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(messageActivity("help", { serviceUrl: connector.serviceUrl })),
      });
      if (res.status !== 200) throw new Error(`bot answered ${res.status}`);
      await res.arrayBuffer();
      // The connector keeps every reply; the bench needs none of them.
      connector.clear();
    };
    const { a: appLatencies, b: floorLatencies } = await interleaved(
      ROUNDS,
      PER_ROUND,
      CONCURRENCY,
      WARMUP,
      send(app),
      send(floor),
    );
    const p = (values: number[], q: number) => percentile(values, q);
    return {
      scenario: "bot-message",
      params: { concurrency: CONCURRENCY, requests: ROUNDS * PER_ROUND, rounds: ROUNDS, warmup: WARMUP },
      metrics: {
        p50_ms: p(appLatencies, 50),
        p95_ms: p(appLatencies, 95),
        p99_ms: p(appLatencies, 99),
        floor_p50_ms: p(floorLatencies, 50),
        floor_p95_ms: p(floorLatencies, 95),
        floor_p99_ms: p(floorLatencies, 99),
        ratio_p95: p(appLatencies, 95) / p(floorLatencies, 95),
      },
      bars: [{ name: "p95 vs framework floor", metric: "ratio_p95", limit: 1.3, op: "<=" }],
    };
  } finally {
    await app.stop();
    await floor.stop();
    await connector.stop();
  }
}
