import { rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import type { RunningAzurite } from "../../scripts/lib/azurite.js";
import { freePort } from "../../scripts/lib/freePort.js";
import { DEMO_COMMUNITY_ID } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesActivityRepository } from "../../src/storage/tablesActivityRepository.js";
import { ConnectorRecorder } from "../../tests/support/connectorRecorder.js";
import { invokeActivity, postInvoke, teamsUser } from "../../tests/support/teamsActivities.js";
import { CLOSE_WAIT_MS, waitForClose } from "../lib/closeWait.js";
import { demo, org, tokenFor } from "../lib/fixtures.js";
import { largeOrgFixtures } from "../lib/largeOrg.js";
import { runLoad } from "../lib/load.js";
import { mark } from "../lib/marks.js";
import { cpuMs, type ServerProcess, spawnServer } from "../lib/processes.js";
import { percentile, type ScenarioResult } from "../lib/report.js";
import { serverEnv, serverScript, spawnFloors } from "../lib/servers.js";
import { StorageCounter } from "../lib/storageCounter.js";

/** Activities run one after another; each phase's latencies are pooled over them. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Invokes Teams delivers twice (a retry after a slow answer): must change nothing. */
const RETRIES = 30;
/**
 * What a run leaves to do after its answers (commitments handed over and My learning's copies
 * written 2 s after the last, memberships once joins pause; its close is waited for first) settles
 * before the next run's bursts, as activity-300's runs do: each run is measured on its own, its
 * floor on a quiet machine too.
 */
const SETTLE_BETWEEN_RUNS_MS = 8_000;
/**
 * A meeting's phases are minutes apart; the bench's follow each other within seconds. What a burst
 * leaves to do once writing pauses (My learning's copies of 1,000 reflections 2 s later) is done
 * inside its own phase in a meeting, so it settles before the next burst (and its floor) is
 * measured: each phase on its own, as each run is. BENCH_PHASE_SETTLE_MS=0 runs them back to back.
 */
const SETTLE_BEFORE_BURST_MS = Number(process.env.BENCH_PHASE_SETTLE_MS ?? 4_000);
/** People in the untimed warm-up run: the first requests of a cold instance (and of the floor) compile the code they run. */
const WARM_UP = 100;

type Person = { id: string; displayName: string };
const PHASES = ["join", "reflect", "share", "commit"] as const;
type Phase = (typeof PHASES)[number];

/** `tps-300`: 300 people through two instances. */
export function tps300(azurite: RunningAzurite): Promise<ScenarioResult> {
  return thinkPairShareInMeeting(azurite, { scenario: "tps-300", participants: 300, instances: 2 });
}

/** `tps-1000`: a Teams meeting's most interactive people (1,000) through three instances. */
export function tps1000(azurite: RunningAzurite): Promise<ScenarioResult> {
  // BENCH_ARRIVAL_MS=0 sends all 1,000 at once (on two shared cores, one Azurite process then
  // queues a single insert for 10–15 s, floor included, and PeerCircle's 5 s storage budget
  // answers "try again"); by default the presses come within 2 s, as a meeting's people do.
  const arrivalMs = Number(process.env.BENCH_ARRIVAL_MS ?? 2_000);
  return thinkPairShareInMeeting(azurite, {
    scenario: "tps-1000",
    participants: 1000,
    instances: Number(process.env.BENCH_INSTANCES ?? 3),
    arrivalMs,
  });
}

/**
 * A think-pair-share with `participants` simulated people through `instances` server instances
 * on one Azurite, over the Bot Framework protocol. Every phase's invokes (Join as Action.Execute;
 * reflection, pair share and commitment as dialog submits; a retried copy of some) are sent at
 * once, spread over the instances in turn; the framework floor (a bare teams-ai invoke doing one
 * Tables write) takes the same burst in the same run. Afterwards the tab API counts what was
 * stored: lost (an answer said "saved", the count misses it) and duplicated (more stored than
 * sent) must be 0; answers that were not "saved" are counted apart. A small untimed run warms up
 * both first. Bar: p99 ≤ 2 × floor p99, per phase. Beyond the
 * fixture's 600 people, the organisation is extended in its image (largeOrg.ts).
 */
async function thinkPairShareInMeeting(
  azurite: RunningAzurite,
  options: {
    scenario: string;
    participants: number;
    instances: number;
    /** People press over this many milliseconds (each timed from its own press); 0: all at once. */
    arrivalMs?: number;
  },
): Promise<ScenarioResult> {
  const PARTICIPANTS = options.participants;
  /** Everyone at once: all of them pressing the same button in the same second. */
  const CONCURRENCY = PARTICIPANTS;
  const connector = await new ConnectorRecorder().start();
  const large = PARTICIPANTS >= org.users.length ? largeOrgFixtures(PARTICIPANTS + 1) : undefined;
  // BENCH_COUNT_STORAGE=1 (or =shapes, by request shape): the instances reach Azurite through a counting proxy (which adds a hop
  // to every storage request: count with it, time without it).
  const counter = process.env.BENCH_COUNT_STORAGE ? new StorageCounter(azurite) : undefined;
  const env: Record<string, string> = {
    ...serverEnv(counter ? await counter.start() : azurite),
    ...(large ? { FIXTURES_DIR: large.dir } : {}),
  };
  const servers = [await spawnServer(serverScript, { ...env, DEMO: "community" }, await freePort())];
  for (let i = 1; i < options.instances; i++)
    servers.push(await spawnServer(serverScript, { ...env, DEMO: "false" }, await freePort()));
  const a = servers[0] as ServerProcess;
  const b = servers[1] ?? a;
  const floors = await spawnFloors(azurite, options.instances);
  // Read directly (not through an instance): whether a run's activity is closed.
  const repository = new TablesActivityRepository(
    await TableStore.connect({
      connectionString: azurite.connectionString,
      tablePrefix: env.TABLE_PREFIX as string,
    }),
  );
  const tenantId = org.tenantId.toLowerCase();
  /** Runs whose close did not finish in time (a problem worth reading, and a run not measured alone). */
  let notClosed = 0;
  const facilitator = demo[0] as Person;
  const people = (large?.users ?? org.users)
    .filter((u) => u.department && u.id !== facilitator.id)
    .slice(0, PARTICIPANTS) as Person[];
  if (people.length < PARTICIPANTS) throw new Error(`only ${people.length} people in the organisation`);
  const instances = servers.map((s) => s.url);
  let sequence = 0;
  const app: Record<Phase, number[]> = { join: [], reflect: [], share: [], commit: [] };
  const base: Record<Phase, number[]> = { join: [], reflect: [], share: [], commit: [] };
  let lost = 0;
  let duplicated = 0;
  let failures = 0;
  /** Writes whose answer was not "saved" (storage not answering): the person was told to try again. */
  let unacknowledged = 0;
  /** Unexpected answers by what they said (printed: a failure is worth reading). */
  const answersSeen = new Map<string, number>();

  const invoke = async (url: string, chat: string, name: string, value: unknown, as: Person, id?: string) => {
    const activity = invokeActivity(name, value, {
      serviceUrl: connector.serviceUrl,
      conversationType: "groupChat",
      conversationId: chat,
      from: teamsUser(as),
      activityId: id ?? `tps-${process.pid}-${sequence++}`,
    });
    (activity.channelData as Record<string, unknown>).meeting = { id: `meeting-${chat}` };
    const res = await postOnce(url, activity, name);
    if (res.status !== 200) throw new Error(`${name} answered ${res.status}`);
    return res.body;
  };
  const submit = (url: string, chat: string, verb: string, data: object, as: Person, id?: string) =>
    invoke(url, chat, "task/submit", { data: { verb, ...data } }, as, id);
  const execute = (url: string, chat: string, verb: string, data: object, as: Person, id?: string) =>
    invoke(
      url,
      chat,
      "adaptiveCard/action",
      { action: { type: "Action.Execute", verb, data: { verb, ...data } } },
      as,
      id,
    );
  const floorInvoke = (i: number) => async () => {
    const activity = invokeActivity(
      "composeExtension/submitAction",
      { commandId: "saveInsight", commandContext: "message", data: { title: "t", body: `floor ${i}` } },
      {
        serviceUrl: connector.serviceUrl,
        conversationType: "groupChat",
        from: teamsUser(people[i % people.length] as Person),
      },
    );
    const res = await postOnce((floors[i % floors.length] as ServerProcess).url, activity, "floor");
    if (res.status !== 200) throw new Error(`floor answered ${res.status}`);
  };
  let warmingUp = false;
  /** One burst: the floor first, then the app, each with everyone at once (untimed while warming up). */
  const burst = async (phase: Phase, count: number, request: (i: number) => Promise<void>) => {
    const spread = { spreadMs: options.arrivalMs ?? 0 };
    await sleep(SETTLE_BEFORE_BURST_MS);
    const cpu = () => ({
      app: servers.reduce((sum, s) => sum + cpuMs(s.child.pid), 0),
      floor: floors.reduce((sum, f) => sum + cpuMs(f.child.pid), 0),
      azurite: cpuMs(azurite.pid),
      bench: process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000,
    });
    const before = cpu();
    const floorTimes = await runLoad(count, CONCURRENCY, (i) => floorInvoke(i)(), spread);
    const between = cpu();
    counter?.reset();
    mark(phase, "start");
    const begun = performance.now();
    const timed: [number, number, number][] = [];
    const appTimes = await runLoad(
      count,
      CONCURRENCY,
      async (i) => {
        const t0 = performance.now();
        await request(i);
        timed.push([i, t0 - begun, performance.now() - t0]);
      },
      spread,
    );
    mark(phase, "end");
    // BENCH_SERIES=1: the slowest answers of a burst, with when they were sent and the instance.
    if (process.env.BENCH_SERIES === "1" && !warmingUp)
      process.stderr.write(
        `series ${phase}: ${timed
          .sort((x, y) => y[2] - x[2])
          .slice(0, 25)
          .map(([i, at, ms]) => `${ms.toFixed(0)}ms@${at.toFixed(0)}/i${i % instances.length}`)
          .join(" ")}\n`,
      );
    // BENCH_CPU=1: CPU milliseconds per request, the app's instances against the floor's process.
    if (process.env.BENCH_CPU === "1" && !warmingUp) {
      const after = cpu();
      const per = (
        from: ReturnType<typeof cpu>,
        to: ReturnType<typeof cpu>,
        key: keyof ReturnType<typeof cpu>,
      ) => ((to[key] - from[key]) / count).toFixed(2);
      process.stderr.write(
        `${options.scenario} ${phase} cpu ms per request: app ${per(between, after, "app")} (azurite ${per(between, after, "azurite")}, bench ${per(between, after, "bench")}) · floor ${per(before, between, "floor")} (azurite ${per(before, between, "azurite")}, bench ${per(before, between, "bench")})\n`,
      );
    }
    if (counter && !warmingUp)
      process.stderr.write(
        `${options.scenario} ${phase}: ${(counter.total() / count).toFixed(2)} storage requests per request ${JSON.stringify(counter.snapshot())}\n`,
      );
    if (warmingUp) return;
    base[phase].push(...floorTimes);
    app[phase].push(...appTimes);
  };
  const expectText = (body: { task?: { type: string; value: unknown } }, pattern: RegExp): boolean => {
    if (body?.task?.type === "message" && pattern.test(String(body.task.value))) return true;
    failures++;
    const said = String(body?.task?.value ?? JSON.stringify(body)).slice(0, 160);
    answersSeen.set(said, (answersSeen.get(said) ?? 0) + 1);
    return false;
  };

  try {
    // Run -1 warms up (untimed, its stored rows still counted).
    for (let run = -1; run < RUNS; run++) {
      warmingUp = run < 0;
      const crowd = warmingUp ? Math.min(WARM_UP, PARTICIPANTS) : PARTICIPANTS;
      if (run >= 0) await sleep(SETTLE_BETWEEN_RUNS_MS);
      const chat = `19:meeting_bench${process.pid}run${run}@thread.v2`;
      await submit(
        a.url,
        chat,
        "tps.create",
        {
          prompt: `Bench prompt ${run}`,
          think: 2,
          pair: 5,
          share: 5,
          pairingRule: "cross-department",
          communityId: DEMO_COMMUNITY_ID,
        },
        facilitator,
      );
      const token = await tokenFor(b.url, facilitator.id);
      const current = await fetch(`${b.url}/api/activities?conversationId=${encodeURIComponent(chat)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const activityId = ((await current.json()) as { activity: { id: string } }).activity.id;
      const at = (i: number) => instances[i % instances.length] as string;
      // Who was told their write was saved: a lost write is one of these missing from the counts.
      const acknowledged = {
        participants: new Set<number>(),
        reflections: new Set<number>(),
        shares: new Set<string>(),
        commitments: new Set<number>(),
      };

      await burst("join", crowd, async (i) => {
        const body = await execute(at(i), chat, "tps.join", { activityId }, people[i] as Person);
        if (body?.type === "application/vnd.microsoft.card.adaptive") {
          acknowledged.participants.add(i);
          return;
        }
        failures++;
        const said = JSON.stringify(body).slice(0, 160);
        answersSeen.set(said, (answersSeen.get(said) ?? 0) + 1);
      });
      const reflectIds = people.map((_, i) => `reflect-${run}-${i}`);
      await burst("reflect", crowd + RETRIES, async (i) => {
        const who = i % crowd;
        const body = await submit(
          at(i),
          chat,
          "tps.saveReflection",
          { activityId, text: `Reflection ${who}` },
          people[who] as Person,
          reflectIds[who],
        );
        if (expectText(body, /reflection is saved/)) acknowledged.reflections.add(who);
      });
      await execute(a.url, chat, "tps.control", { activityId, kind: "next", phaseIndex: 0 }, facilitator);
      const view = await fetch(`${b.url}/api/activities/${activityId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const groups = ((await view.json()) as { activity: { groups: { id: string; members: Person[] }[] } })
        .activity.groups;
      // One writer per group, plus a retried copy of some of them.
      await burst("share", groups.length + RETRIES, async (i) => {
        const g = groups[i % groups.length];
        const writer = g?.members[0] as Person;
        const body = await submit(
          at(i),
          chat,
          "tps.saveShare",
          { activityId, text: `Insight of ${g?.id}` },
          writer,
          `share-${run}-${g?.id}`,
        );
        if (expectText(body, /insight is saved/)) acknowledged.shares.add(g?.id as string);
      });
      await execute(a.url, chat, "tps.control", { activityId, kind: "next", phaseIndex: 1 }, facilitator);
      await execute(a.url, chat, "tps.control", { activityId, kind: "next", phaseIndex: 2 }, facilitator);
      await burst("commit", crowd + RETRIES, async (i) => {
        const who = i % crowd;
        const body = await submit(
          at(i),
          chat,
          "tps.saveCommitment",
          { activityId, text: `Commitment ${who}` },
          people[who] as Person,
          `commit-${run}-${who}`,
        );
        if (expectText(body, /commitment is saved/)) acknowledged.commitments.add(who);
      });

      // Counted on the other instance (each local instance issues its own tab tokens).
      const tokenA = await tokenFor(a.url, facilitator.id);
      const final = await fetch(`${a.url}/api/activities/${activityId}`, {
        headers: { authorization: `Bearer ${tokenA}` },
      });
      if (!final.ok) throw new Error(`counting answered ${final.status}`);
      const counts = (
        (await final.json()) as {
          activity: {
            participantCount: number;
            reflectedCount: number;
            commitmentCount: number;
            wall: unknown[];
            groups: unknown[];
            phases: unknown[];
          };
        }
      ).activity;
      const attempted = {
        participants: crowd,
        reflections: crowd,
        shares: groups.length,
        commitments: crowd,
      };
      const actual = {
        participants: counts.participantCount,
        reflections: counts.reflectedCount,
        shares: counts.wall.length,
        commitments: counts.commitmentCount,
      };
      for (const key of Object.keys(attempted) as (keyof typeof attempted)[]) {
        // An answer that failed ("try again") may still have been stored: never more than tried.
        lost += Math.max(0, acknowledged[key].size - actual[key]);
        duplicated += Math.max(0, actual[key] - attempted[key]);
        unacknowledged += attempted[key] - acknowledged[key].size;
      }
      await execute(b.url, chat, "tps.control", { activityId, kind: "end" }, facilitator);
      // The close (summary, library entries, commitments handed over again) is done before the
      // next run is measured: an instance still closing this one would slow the next one's bursts.
      if (!(await waitForClose(repository, tenantId, activityId, counts.phases.length))) {
        notClosed++;
        process.stderr.write(
          `${options.scenario} run ${run}: not closed ${CLOSE_WAIT_MS / 1000} s after its end\n`,
        );
      }
    }

    for (const [said, n] of answersSeen) process.stderr.write(`${options.scenario}: ${n} × ${said}\n`);
    const metrics: Record<string, number> = {
      lost,
      duplicated,
      failed_answers: failures,
      unacknowledged_writes: unacknowledged,
      not_closed: notClosed,
    };
    const bars: ScenarioResult["bars"] = [
      { name: "lost submissions", metric: "lost", limit: 0, op: "<=" },
      { name: "duplicated submissions", metric: "duplicated", limit: 0, op: "<=" },
      { name: "unexpected answers", metric: "failed_answers", limit: 0, op: "<=" },
      { name: "runs closed in time", metric: "not_closed", limit: 0, op: "<=" },
    ];
    for (const phase of PHASES) {
      for (const p of [50, 95, 99]) {
        metrics[`${phase}_p${p}_ms`] = percentile(app[phase], p);
        metrics[`${phase}_floor_p${p}_ms`] = percentile(base[phase], p);
      }
      metrics[`${phase}_ratio_p99`] = percentile(app[phase], 99) / percentile(base[phase], 99);
      bars.push({
        name: `${phase} p99 vs framework floor`,
        metric: `${phase}_ratio_p99`,
        limit: 2,
        op: "<=",
      });
    }
    return {
      scenario: options.scenario,
      params: {
        participants: PARTICIPANTS,
        instances: instances.length,
        runs: RUNS,
        concurrency: CONCURRENCY,
        arrival_ms: options.arrivalMs ?? 0,
        retried_per_phase: RETRIES,
        warm_up_people: WARM_UP,
        settle_before_burst_ms: SETTLE_BEFORE_BURST_MS,
      },
      metrics,
      bars,
    };
  } finally {
    for (const server of servers) await server.stop();
    for (const f of floors) await f.stop();
    await counter?.stop();
    if (large) rmSync(large.dir, { recursive: true, force: true });
    await connector.stop();
  }
}

/**
 * Posts an invoke. A kept-alive connection the server closed just as it was reused (its idle
 * timeout, while the other server took its burst) is reset: the invoke is sent again (twice at
 * most), as Teams retries one (the same activity id).
 */
async function postOnce(url: string, activity: Parameters<typeof postInvoke>[1], name: string) {
  const reset = (error: Error) => (error.cause as NodeJS.ErrnoException)?.code === "ECONNRESET";
  const send = (left: number): ReturnType<typeof postInvoke> =>
    postInvoke(url, activity).catch((error: Error) => {
      if (left > 0 && reset(error)) return send(left - 1);
      throw error;
    });
  return send(2).catch((error: Error) => {
    throw new Error(`${name} to ${url}: ${error.message} (${String((error.cause as Error)?.message)})`);
  });
}
