import type { RunningAzurite } from "../../scripts/lib/azurite.js";
import { freePort } from "../../scripts/lib/freePort.js";
import { DEMO_COMMUNITY_ID, DEMO_TEAM } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder } from "../../tests/support/connectorRecorder.js";
import { invokeActivity, postInvoke, teamsUser } from "../../tests/support/teamsActivities.js";
import { demo, messages } from "../lib/fixtures.js";
import { interleaved } from "../lib/interleave.js";
import { spawnServer } from "../lib/processes.js";
import { percentile, type ScenarioResult } from "../lib/report.js";
import { floorScript, serverEnv, serverScript } from "../lib/servers.js";

const CONCURRENCY = 20;
const ROUNDS = 10;
const PER_ROUND = 200;
const WARMUP = 200;

/**
 * "Save as insight" submitAction at 20 concurrent — the real path: parse and sanitise the message,
 * check membership, write entry + change log + interaction atomically — next to the framework floor
 * (a bare teams-ai submitAction doing one Tables insert), interleaved. Bar: p95 ≤ 1.5 × floor.
 */
export async function saveInsight(azurite: RunningAzurite): Promise<ScenarioResult> {
  const connector = await new ConnectorRecorder().start();
  const app = await spawnServer(serverScript, serverEnv(azurite, { DEMO: "community" }), await freePort());
  const floor = await spawnServer(
    floorScript,
    { TABLES_CONNECTION_STRING: azurite.connectionString },
    await freePort(),
    "/health",
  );
  const saver = demo[0];
  const message = messages.find((m) => m.name === "list-and-link");
  if (!saver || !message) throw new Error("fixtures missing");
  let sequence = 0;
  const submit = (url: string) => async () => {
    const id = `bench-${process.pid}-${sequence++}`;
    const activity = invokeActivity(
      "composeExtension/submitAction",
      {
        commandId: "saveInsight",
        commandContext: "message",
        messagePayload: { ...message.messagePayload, id },
        data: {
          communityId: DEMO_COMMUNITY_ID,
          type: "howto",
          title: "How we onboard new analysts in two weeks",
          body: "Day 1: pair with a buddy on a real ticket. Week 1: read the data dictionary. Week 2: present one dashboard.",
          summary: "",
          tags: "",
          newTags: "onboarding",
          share: "false",
          action: "saveInsight",
        },
      },
      {
        serviceUrl: connector.serviceUrl,
        conversationType: "channel",
        conversationId: "19:bench@thread.tacv2",
        from: teamsUser(saver),
      },
    );
    (activity.channelData as Record<string, unknown>).team = { id: DEMO_TEAM.teamId };
    const res = await postInvoke(url, activity);
    if (res.status !== 200 || !String(res.body?.task?.value ?? "").startsWith("Saved")) {
      throw new Error(`save failed: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    }
  };
  try {
    const { a, b } = await interleaved(
      ROUNDS,
      PER_ROUND,
      CONCURRENCY,
      WARMUP,
      submit(app.url),
      submit(floor.url),
    );
    return {
      scenario: "save-insight",
      params: { concurrency: CONCURRENCY, requests: ROUNDS * PER_ROUND, rounds: ROUNDS, warmup: WARMUP },
      metrics: {
        p50_ms: percentile(a, 50),
        p95_ms: percentile(a, 95),
        p99_ms: percentile(a, 99),
        floor_p50_ms: percentile(b, 50),
        floor_p95_ms: percentile(b, 95),
        floor_p99_ms: percentile(b, 99),
        ratio_p95: percentile(a, 95) / percentile(b, 95),
      },
      bars: [{ name: "p95 vs framework floor", metric: "ratio_p95", limit: 1.5, op: "<=" }],
    };
  } finally {
    await app.stop();
    await floor.stop();
    await connector.stop();
  }
}
