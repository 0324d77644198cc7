import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningAzurite, startAzurite } from "../../scripts/lib/azurite.js";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import { FIXTURE_TENANT_ID, invokeActivity, postInvoke, teamsUser } from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

/** One call of the load and how it ended. */
interface Call {
  kind: "save" | "vote";
  /** The save's unique title, or `entryId|voterId`. */
  key: string;
  startedAt: number;
  endedAt: number;
  /** 0 when no HTTP answer came at all. */
  status: number;
  retryAfter: string | null;
  code?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Storage goes away and comes back while people work: this file's own Azurite (persisting to a
 * folder, so a SIGINT and a restart on the same port keep the data, as in `npm start`) under the
 * real server, the tab API and the bot.
 */
describe("storage outage: fail fast with 503, recover without restart, lose and duplicate nothing", () => {
  const location = mkdtempSync(path.join(tmpdir(), "pc-outage-"));
  const people = demoPeople(org);
  const steward = people[0];
  const connector = new ConnectorRecorder();
  const tokens = new Map<string, string>();
  let azurite: RunningAzurite;
  let server: TestServer;

  beforeAll(async () => {
    azurite = await startAzurite({ location });
    await connector.start();
    server = await startTestServer({
      demo: true,
      env: { TABLES_CONNECTION_STRING: azurite.connectionString },
    });
    for (const p of people) tokens.set(p.id, await tokenFor(server.baseUrl, p.id));
  });
  afterAll(async () => {
    // A test that failed while Azurite was paused must not leave it paused (or the server hanging).
    if (azurite?.pid) {
      try {
        process.kill(azurite.pid, "SIGCONT");
      } catch {
        // already gone
      }
    }
    await server?.close();
    await connector.stop();
    await azurite?.stop();
    rmSync(location, { recursive: true, force: true });
  });

  const community = () => `/api/communities/${server.demoCommunityId}`;

  async function call(
    userId: string,
    method: string,
    route: string,
    body?: unknown,
  ): Promise<{ status: number; retryAfter: string | null; code?: string; json?: { id?: string } }> {
    try {
      const res = await fetch(`${server.baseUrl}${route}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens.get(userId)}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(20_000),
      });
      const json = (await res.json().catch(() => undefined)) as
        | { id?: string; error?: { code?: string } }
        | undefined;
      return {
        status: res.status,
        retryAfter: res.headers.get("retry-after"),
        ...(json?.error?.code ? { code: json.error.code } : {}),
        ...(json ? { json } : {}),
      };
    } catch {
      return { status: 0, retryAfter: null };
    }
  }

  /**
   * A bounded load: four workers, each one call at a time with a short pause, alternating saves of
   * new entries and helpful votes (each person on each target entry once) until stopped.
   */
  function startLoad(targets: string[]) {
    const calls: Call[] = [];
    const votes = targets.flatMap((entryId) => people.map((p) => ({ entryId, voterId: p.id })));
    let stopped = false;
    let saves = 0;
    const worker = async (n: number) => {
      for (let i = 0; !stopped; i++) {
        const vote = (n + i) % 2 === 1 ? votes.shift() : undefined;
        const startedAt = Date.now();
        if (vote) {
          const answer = await call(vote.voterId, "PUT", `${community()}/entries/${vote.entryId}/vote`);
          calls.push({
            kind: "vote",
            key: `${vote.entryId}|${vote.voterId}`,
            startedAt,
            endedAt: Date.now(),
            ...answer,
          });
        } else {
          const title = `Outage load ${++saves} by worker ${n}`;
          const author = people[(n + i) % people.length]?.id ?? "";
          const answer = await call(author, "POST", `${community()}/entries`, {
            type: "insight",
            title,
            body: "Written while storage went away and came back.",
          });
          calls.push({ kind: "save", key: title, startedAt, endedAt: Date.now(), ...answer });
        }
        await sleep(20);
      }
    };
    const running = Promise.all([0, 1, 2, 3].map(worker));
    return {
      calls,
      stop: async () => {
        stopped = true;
        await running;
      },
    };
  }

  it("answers 503 with Retry-After within 3 s of Azurite stopping, serves again once it is back, and every acknowledged save and vote is there exactly once", {
    timeout: 120_000,
  }, async () => {
    const targets: string[] = [];
    for (let i = 0; i < 6; i++) {
      const created = await call(steward?.id ?? "", "POST", `${community()}/entries`, {
        type: "insight",
        title: `Vote target ${i}`,
        body: "Something worth a helpful vote.",
      });
      expect(created.status).toBe(201);
      targets.push(created.json?.id ?? "");
    }

    const load = startLoad(targets);
    // Load before the outage: at least 1.5 s and a dozen answers (a busy machine is slower).
    await sleep(1_500);
    for (let waited = 0; load.calls.length < 12 && waited < 20_000; waited += 100) await sleep(100);

    // SIGINT: the signal on which Azurite saves its data and closes (as Ctrl-C in `npm start`).
    const stoppedAt = Date.now();
    await azurite.stop();
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toMatch(/^\d+$/);
    await sleep(Math.max(0, stoppedAt + 3_500 - Date.now()));

    const firstUnavailable = load.calls
      .filter((c) => c.status === 503)
      .sort((a, b) => a.endedAt - b.endedAt)[0];
    expect(firstUnavailable, "no 503 while storage was away").toBeDefined();
    // The behavioural bar of the issue (the SDK's own retries took 9–13 s).
    expect((firstUnavailable?.endedAt ?? Number.POSITIVE_INFINITY) - stoppedAt).toBeLessThanOrEqual(3_000);

    // The same port and folder: the server's clients reconnect by themselves.
    const restartedAt = Date.now();
    azurite = await startAzurite({ location, port: azurite.port });
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - restartedAt < 20_000) {
      await sleep(100);
      recoveredAt = load.calls.find((c) => c.startedAt >= restartedAt && c.status < 300)?.endedAt ?? 0;
    }
    expect(recoveredAt, "the server did not serve again after storage came back").toBeGreaterThan(0);
    await sleep(1_500);
    await load.stop();
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);

    const { calls } = load;
    const failed = calls.filter((c) => c.status >= 300 || c.status === 0);
    expect(calls.filter((c) => c.endedAt < stoppedAt).length).toBeGreaterThan(10);
    expect(failed.length).toBeGreaterThan(0);
    // Every failure was a friendly 503 to retry, never a 500 or a hung call.
    for (const c of failed) {
      expect(c.status, `${c.kind} ${c.key}`).toBe(503);
      expect(c.code).toBe("storage_unavailable");
      expect(c.retryAfter).toMatch(/^\d+$/);
    }
    // After recovery everything works again.
    const afterRecovery = calls.filter((c) => c.startedAt > recoveredAt);
    expect(afterRecovery.length).toBeGreaterThan(5);
    for (const c of afterRecovery) expect(c.status, `${c.kind} ${c.key}`).toBeLessThan(300);

    // A vote that was not acknowledged is simply sent again (a vote is idempotent) and succeeds.
    for (const c of failed.filter((f) => f.kind === "vote")) {
      const [entryId, voterId] = c.key.split("|") as [string, string];
      expect((await call(voterId, "PUT", `${community()}/entries/${entryId}/vote`)).status).toBe(200);
    }

    // Reconcile against storage itself.
    const store = await TableStore.connect(server.config.storage);
    const entries = new TablesEntryRepository(store);
    const titles = new Map<string, number>();
    let page = await entries.list(FIXTURE_TENANT_ID, server.demoCommunityId, { pageSize: 1_000 });
    for (;;) {
      for (const e of page.items) titles.set(e.title, (titles.get(e.title) ?? 0) + 1);
      if (!page.continuationToken) break;
      page = await entries.list(FIXTURE_TENANT_ID, server.demoCommunityId, {
        pageSize: 1_000,
        continuationToken: page.continuationToken,
      });
    }
    const saves = calls.filter((c) => c.kind === "save");
    const acknowledged = saves.filter((c) => c.status === 201);
    expect(acknowledged.length).toBeGreaterThan(10);
    for (const c of acknowledged) expect(titles.get(c.key), `acknowledged save ${c.key}`).toBe(1);
    // Not one entry twice, acknowledged or not.
    for (const c of saves) expect(titles.get(c.key) ?? 0, `save ${c.key}`).toBeLessThanOrEqual(1);

    const votes = calls.filter((c) => c.kind === "vote");
    expect(votes.filter((c) => c.status === 200).length).toBeGreaterThan(5);
    for (const entryId of targets) {
      const voters = votes
        .filter((c) => c.key.startsWith(`${entryId}|`))
        .map((c) => c.key.split("|")[1] ?? "");
      for (const voterId of voters)
        expect(await entries.hasVoted(FIXTURE_TENANT_ID, server.demoCommunityId, entryId, voterId)).toBe(
          true,
        );
      // One row per person who voted: none lost, none twice.
      expect(await entries.countVotes(FIXTURE_TENANT_ID, server.demoCommunityId, entryId)).toBe(
        voters.length,
      );
    }
  });

  it("tells people in the bot that storage is not answering, and works again once it is back", {
    timeout: 60_000,
  }, async () => {
    const invoke = (name: string, value: unknown) => {
      const activity = invokeActivity(name, value, {
        serviceUrl: connector.serviceUrl,
        conversationType: "channel",
        from: teamsUser(steward ?? { id: "", displayName: "" }),
      });
      (activity.channelData as Record<string, unknown>).team = { id: DEMO_TEAM.teamId };
      return postInvoke(server.baseUrl, activity);
    };
    const saveInsight = {
      commandId: "saveInsight",
      messagePayload: {
        id: "1791216120001",
        body: { contentType: "html", content: "<p>Partition by tenant first.</p>" },
        from: { user: { id: steward?.id, displayName: steward?.displayName } },
        createdDateTime: new Date().toISOString(),
      },
    };
    await azurite.stop();
    try {
      const fetched = await invoke("composeExtension/fetchTask", saveInsight);
      expect(fetched.status).toBe(200);
      expect(fetched.body.task.type).toBe("message");
      expect(fetched.body.task.value).toBe("PeerCircle's storage is not answering; try again in a moment.");
      const found = await invoke("composeExtension/query", {
        commandId: "findInsight",
        parameters: [{ name: "query", value: "partition" }],
      });
      expect(found.body.composeExtension.text).toBe(
        "PeerCircle's storage is not answering; try again in a moment.",
      );
    } finally {
      azurite = await startAzurite({ location, port: azurite.port });
    }
    const again = await invoke("composeExtension/fetchTask", saveInsight);
    expect(again.body.task.type).toBe("continue");
    // The library index, never built while storage was away, is built now.
    const foundAgain = await invoke("composeExtension/query", {
      commandId: "findInsight",
      parameters: [{ name: "query", value: "outage load" }],
    });
    expect(foundAgain.body.composeExtension.type).toBe("result");
  });

  it("answers health and API calls when storage hangs (accepts, never answers), and recovers", {
    timeout: 60_000,
  }, async () => {
    process.kill(azurite.pid, "SIGSTOP");
    try {
      // Old behaviour: both waited for as long as storage hung.
      const health = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(3_000) });
      expect(health.status).toBe(503);
      const home = await call(steward?.id ?? "", "GET", `${community()}/home`);
      expect(home.status).toBe(503);
      expect(home.code).toBe("storage_unavailable");
    } finally {
      process.kill(azurite.pid, "SIGCONT");
    }
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    expect((await call(steward?.id ?? "", "GET", `${community()}/home`)).status).toBe(200);
  });
});
