import { odata } from "@azure/data-tables";
import type { RunningAzurite } from "../../scripts/lib/azurite.js";
import { freePort } from "../../scripts/lib/freePort.js";
import { keys, TABLES } from "../../src/storage/keys.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TokenIssuer } from "../../tests/support/tabTokenForgery.js";
import { org } from "../lib/fixtures.js";
import { spawnServer } from "../lib/processes.js";
import { percentile, type ScenarioResult } from "../lib/report.js";
import { serverEnv, serverScript } from "../lib/servers.js";

const JOINS = 300;
const VOTES = 400;
const CLIENT_ID = "00000000-0000-4000-8000-00000000c0de";

/**
 * Issue 14 item 2: 300 people join one community and 400 vote one entry helpful, all at the same
 * moment, through two server instances sharing one set of tables. Reports how long each crowd took
 * (next to the same crowd reading, the floor), each answer's latency; bars: every answer 2xx, counts
 * equal to the rows (the issue sets no time bar).
 */
export async function contention(azurite: RunningAzurite): Promise<ScenarioResult> {
  const issuer = await TokenIssuer.start({
    tenantId: org.tenantId,
    clientId: CLIENT_ID,
    otherTenantId: "99999999-0000-4000-8000-000000000009",
  });
  const env = serverEnv(azurite, {
    DEMO: "false",
    TAB_TOKEN_JWKS_URL: issuer.jwksUrl,
    AAD_APP_CLIENT_ID: CLIENT_ID,
  });
  const servers = [
    await spawnServer(serverScript, env, await freePort()),
    await spawnServer(serverScript, env, await freePort()),
  ];
  const store = await TableStore.connect({
    connectionString: azurite.connectionString,
    tablePrefix: env.TABLE_PREFIX ?? "",
  });
  const tokenOf = (userId: string) => issuer.token({ claims: { name: userId } }, userId);
  const call = async (n: number, token: string, method: string, route: string, body?: unknown) => {
    const t0 = performance.now();
    const res = await fetch(`${servers[n % 2]?.url}/api${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as { id?: string; memberCount?: number; helpfulCount?: number };
    return { status: res.status, ms: performance.now() - t0, json };
  };
  /** Everyone at once: tokens first, so the crowd's clock measures the server. */
  const crowd = async (count: number, label: string, method: string, route: string) => {
    const tokens = await Promise.all(Array.from({ length: count }, (_, i) => tokenOf(`${label}-${i}`)));
    const started = performance.now();
    const answers = await Promise.all(tokens.map((token, i) => call(i, token, method, route)));
    return { answers, wallMs: performance.now() - started };
  };
  const countRows = async (
    partitionKey: string,
    table: typeof TABLES.memberships | typeof TABLES.library,
  ) => {
    let n = 0;
    for await (const _ of store.table(table).listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ["RowKey"] },
    }))
      n++;
    return n;
  };
  try {
    const steward = await tokenOf("steward");
    const community = await call(0, steward, "POST", "/communities", {
      name: "Crowded",
      purpose: "Everyone at once",
      privacy: "open",
    });
    const communityId = community.json.id ?? "";
    const entry = await call(0, steward, "POST", `/communities/${communityId}/entries`, {
      type: "insight",
      title: "Popular",
      body: "Everyone finds this helpful.",
    });
    const entryId = entry.json.id ?? "";

    // The floor: the same crowds reading what they are about to change (the reads every write does
    // first), measured in the same run because the machine is shared and its speed varies.
    const readers = await crowd(JOINS, "joiner", "GET", `/communities/${communityId}`);
    const joins = await crowd(JOINS, "joiner", "POST", `/communities/${communityId}/join`);
    const entryPath = `/communities/${communityId}/entries/${entryId}`;
    const voteReaders = await crowd(VOTES, "voter", "GET", entryPath);
    const votes = await crowd(VOTES, "voter", "PUT", `${entryPath}/vote`);

    const members = await countRows(keys.membersOf(org.tenantId, communityId), TABLES.memberships);
    const voteRows = await countRows(keys.entryRows(org.tenantId, communityId, entryId), TABLES.library);
    const memberCount = (await call(1, steward, "GET", `/communities/${communityId}`)).json.memberCount ?? -1;
    const helpfulCount =
      (await call(1, steward, "GET", `/communities/${communityId}/entries/${entryId}`)).json.helpfulCount ??
      -1;
    const failed = (answers: { status: number }[]) => answers.filter((a) => a.status >= 300).length;
    const ms = (answers: { ms: number }[]) => answers.map((a) => a.ms);
    return {
      scenario: "contention",
      params: { instances: 2, joins: JOINS, votes: VOTES },
      metrics: {
        join_wall_ms: joins.wallMs,
        join_p50_ms: percentile(ms(joins.answers), 50),
        join_p95_ms: percentile(ms(joins.answers), 95),
        join_failed: failed(joins.answers),
        join_floor_wall_ms: readers.wallMs,
        join_ratio_wall: joins.wallMs / readers.wallMs,
        member_drift: Math.abs(memberCount - members),
        vote_wall_ms: votes.wallMs,
        vote_p50_ms: percentile(ms(votes.answers), 50),
        vote_p95_ms: percentile(ms(votes.answers), 95),
        vote_failed: failed(votes.answers),
        vote_floor_wall_ms: voteReaders.wallMs,
        vote_ratio_wall: votes.wallMs / voteReaders.wallMs,
        helpful_drift: Math.abs(helpfulCount - voteRows),
      },
      bars: [
        { name: "joins answered other than 2xx", metric: "join_failed", limit: 0, op: "<=" },
        { name: "memberCount minus membership rows", metric: "member_drift", limit: 0, op: "<=" },
        { name: "votes answered other than 2xx", metric: "vote_failed", limit: 0, op: "<=" },
        { name: "helpfulCount minus vote rows", metric: "helpful_drift", limit: 0, op: "<=" },
      ],
    };
  } finally {
    for (const server of servers) await server.stop();
    await issuer.close();
  }
}
