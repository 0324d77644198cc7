import { type ChildProcess, fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RunningAzurite } from "../../scripts/lib/azurite.js";
import { freePort } from "../../scripts/lib/freePort.js";
import { DEMO_COMMUNITY_ID, DEMO_TEAM } from "../../src/local/demoCommunity.js";
import { invokeActivity, teamsUser } from "../../tests/support/teamsActivities.js";
import { demo, tokenFor } from "../lib/fixtures.js";
import { runLoad } from "../lib/load.js";
import { peakRssMb, rssMb } from "../lib/processes.js";
import { percentile, type ScenarioResult } from "../lib/report.js";
import { root, serverEnv } from "../lib/servers.js";

/** BENCH_HOSTILE_SCALE=0.2 runs a fifth of the requests while iterating. */
const SCALE = Number(process.env.BENCH_HOSTILE_SCALE ?? 1);
/** BENCH_HOSTILE_KINDS="minutely,Find insight" sends only the hostile kinds whose names contain one of these. */
const ONLY = (process.env.BENCH_HOSTILE_KINDS ?? "")
  .split(",")
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
const NORMAL_REQUESTS = Math.round(1_500 * SCALE);
const NORMAL_CONCURRENCY = 4;
const HOSTILE_REQUESTS = Math.round(450 * SCALE);
const HOSTILE_CONCURRENCY = 4;
const WARMUP = 150;
/** Series of the worst kind the rules still allow: four a day, every day, for ever. */
const WORST_SERIES = 10;
const DAY_MS = 86_400_000;

const watchedScript = path.join(root, "dist", "bench", "lib", "watchedServer.js");

interface LoopDelays {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  longestGcMs: number;
  longestTickWallMs: number;
  longestTickCpuMs: number;
}

/** A hostile request: what it sends and the statuses that say the server handled it as designed. */
interface Hostile {
  name: string;
  expect: number[];
  send: () => Promise<Response>;
}

/**
 * Issue 14: the worst requests a member or steward can send, at the same time as ordinary use,
 * against one server instance on Azurite (the full demo community, plus ten endless series of four
 * sessions a day, the densest the rules allow). Ordinary traffic: the community home, library
 * searches and a month of the calendar. Hostile traffic: the issue's every-second RRULE and other
 * refused rules, the widest calendar ranges (refused, and allowed but in the year 9000), the longest
 * search text of distinct typo-prone words, the deepest page, ten maximal tags, a Find insight
 * query of 900 KB through the bot (its '900 KB' query used to be ~200 KB) and a 1.2 MB one it refuses, bodies over the API's limit, the whole calendar as `.ics`.
 * Reports the server's longest event-loop stall (Node's own delay histogram, in the server
 * process) and its peak RSS; beside them the longest stall of an idle process watched the same way
 * at the same time (the floor: on a shared machine, time spent waiting for a core). Bars: longest stall ≤ 100 ms, peak RSS ≤ 400 MB.
 */
export async function hostileRequests(azurite: RunningAzurite): Promise<ScenarioResult> {
  const port = await freePort();
  const server = await forkWatched(serverEnv(azurite, { DEMO: "full", PORT: String(port) }), port);
  const url = `http://127.0.0.1:${port}`;
  const rssSamples: number[] = [];
  let sampler: NodeJS.Timeout | undefined;
  let floor: ChildProcess | undefined;
  try {
    const [steward, member] = demo;
    if (!steward || !member) throw new Error("fixtures missing");
    const [stewardToken, memberToken] = await Promise.all([
      tokenFor(url, steward.id),
      tokenFor(url, member.id),
    ]);
    const api = (token: string, method: string, route: string, body?: string, type = "application/json") =>
      fetch(`${url}/api${route}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": type },
        ...(body === undefined ? {} : { body }),
      });
    const community = `/communities/${DEMO_COMMUNITY_ID}`;
    const plan = (rule: string, title = "Stand-up") =>
      api(
        stewardToken,
        "POST",
        `${community}/sessions`,
        JSON.stringify({
          title,
          format: "think-pair-share",
          startsAt: new Date(Date.now() - 30 * DAY_MS).toISOString(),
          timeZone: "Europe/Berlin",
          recurrence: { rule },
        }),
      );
    for (let i = 0; i < WORST_SERIES; i++) {
      const res = await plan("FREQ=DAILY;BYHOUR=9,10,11,12", `Four a day ${i + 1}`);
      if (res.status !== 201) throw new Error(`planning a series: ${res.status} ${await res.text()}`);
    }

    const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
    const normal = [
      () => api(memberToken, "GET", `${community}/home`),
      () => api(memberToken, "GET", `${community}/entries?q=pipeline`),
      () => api(memberToken, "GET", `${community}/entries?q=onboard`),
      () => api(memberToken, "GET", `${community}/sessions?from=${day(-3)}&to=${day(39)}`),
    ];
    const typoWords = Array.from({ length: 40 }, (_, i) => `q${String.fromCharCode(97 + (i % 26))}x${i}`);
    const longText = encodeURIComponent(typoWords.join(" ").slice(0, 200));
    const maxTags = Array.from({ length: 10 }, (_, i) => `${String(i)}${"t".repeat(39)}`).join(",");
    const every = (n: number) => Array.from({ length: n }, (_, i) => i).join(",");
    const words = `${typoWords.join(" ")} `;
    const findInsightOf = (bytes: number) =>
      JSON.stringify(
        invokeActivity(
          "composeExtension/query",
          {
            commandId: "findInsight",
            parameters: [
              { name: "query", value: words.repeat(Math.ceil(bytes / words.length)).slice(0, bytes) },
            ],
            queryOptions: { count: 10, skip: 0 },
          },
          {
            serviceUrl: "http://127.0.0.1:9/",
            conversationType: "channel",
            conversationId: DEMO_TEAM.channelId,
            from: teamsUser(member),
          },
        ),
      );
    const findInsight = findInsightOf(900_000);
    const findInsightTooBig = findInsightOf(1_200_000);
    const allHostile: Hostile[] = [
      {
        name: "every-second RRULE",
        expect: [400],
        send: () => plan(`FREQ=DAILY;BYHOUR=${every(24)};BYMINUTE=${every(60)};BYSECOND=${every(60)}`),
      },
      { name: "impossible RRULE", expect: [400], send: () => plan("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30") },
      { name: "minutely RRULE", expect: [400], send: () => plan("FREQ=MINUTELY") },
      {
        name: "range to 9999",
        expect: [400],
        send: () => api(memberToken, "GET", `${community}/sessions?from=${day(0)}&to=9999-12-31`),
      },
      {
        name: "400 days in the year 9000",
        expect: [200],
        send: () => api(memberToken, "GET", `${community}/sessions?from=9000-01-01&to=9001-02-04`),
      },
      {
        name: "widest range now",
        expect: [200],
        send: () => api(memberToken, "GET", `${community}/sessions?from=${day(-31)}&to=${day(369)}`),
      },
      {
        name: "longest search text",
        expect: [200],
        send: () => api(memberToken, "GET", `${community}/entries?q=${longText}&sort=newest`),
      },
      {
        name: "longest search everywhere",
        expect: [200],
        send: () => api(memberToken, "GET", `/entries/search?q=${longText}`),
      },
      {
        name: "deepest page",
        expect: [200],
        send: () => api(memberToken, "GET", `${community}/entries?q=data&sort=newest&offset=1000&limit=100`),
      },
      {
        name: "too deep a page",
        expect: [400],
        send: () => api(memberToken, "GET", `${community}/entries?q=data&offset=10000`),
      },
      {
        name: "ten longest tags",
        expect: [200],
        send: () => api(memberToken, "GET", `${community}/entries?tag=${maxTags}&sort=newest`),
      },
      {
        name: "Find insight, 900 KB query",
        expect: [200],
        send: () =>
          fetch(`${url}/api/messages`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: findInsight,
          }),
      },
      {
        name: "Find insight, 1.2 MB body",
        expect: [413],
        send: () =>
          fetch(`${url}/api/messages`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: findInsightTooBig,
          }),
      },
      {
        name: "body over the limit",
        expect: [413],
        send: () =>
          api(
            memberToken,
            "POST",
            `${community}/entries`,
            JSON.stringify({ type: "insight", title: "Big", body: "x".repeat(400_000) }),
          ),
      },
      {
        name: "calendar .ics",
        expect: [200],
        send: () => api(memberToken, "GET", `${community}/sessions/calendar.ics`, undefined, "text/calendar"),
      },
      {
        name: "longest people search",
        expect: [200],
        send: () => api(memberToken, "GET", `/people?q=${"a".repeat(100)}`),
      },
    ];

    const hostile = allHostile.filter(
      (h) => ONLY.length === 0 || ONLY.some((part) => h.name.toLowerCase().includes(part)),
    );
    const read = async (res: Response) => {
      await res.arrayBuffer();
      return res.status;
    };
    await runLoad(WARMUP, NORMAL_CONCURRENCY, async (i) => {
      const status = await read(await (normal[i % normal.length] as () => Promise<Response>)());
      if (status !== 200) throw new Error(`ordinary request answered ${status}`);
    });
    // Each hostile request once, alone: it answers as designed, and what it costs on its own.
    const solo: string[] = [];
    for (const h of [...hostile, ...hostile]) {
      const t0 = performance.now();
      const res = await h.send();
      const size = (await res.arrayBuffer()).byteLength;
      if (!h.expect.includes(res.status))
        throw new Error(`${h.name}: answered ${res.status}, expected ${h.expect}`);
      solo.push(`${h.name} ${(performance.now() - t0).toFixed(1)} ms ${Math.round(size / 1024)} KB`);
    }
    for (const [i, f] of normal.entries()) {
      const t0 = performance.now();
      const size = (await (await f()).arrayBuffer()).byteLength;
      solo.push(`ordinary ${i} ${(performance.now() - t0).toFixed(1)} ms ${Math.round(size / 1024)} KB`);
    }
    process.stderr.write(`hostile-requests: alone: ${solo.slice(hostile.length).join(", ")}\n`);

    // The measured phase: ordinary and hostile traffic at once, and an idle watched process beside.
    floor = fork(watchedScript, [], {
      env: { PATH: process.env.PATH, WATCH_ONLY: "1" },
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await ask(floor, "reset");
    await ask(server, "reset");
    const startRss = rssMb(server.pid);
    const peakFromHere = resetPeakRss(server.pid);
    sampler = setInterval(() => rssSamples.push(rssMb(server.pid)), 50);
    const unexpected: string[] = [];
    const hostileLatency = new Map<string, number[]>();
    const started = performance.now();
    const [normalLatencies] = await Promise.all([
      runLoad(NORMAL_REQUESTS, NORMAL_CONCURRENCY, async (i) => {
        const status = await read(await (normal[i % normal.length] as () => Promise<Response>)());
        if (status !== 200) unexpected.push(`ordinary ${i % normal.length}: ${status}`);
      }),
      runLoad(HOSTILE_REQUESTS, HOSTILE_CONCURRENCY, async (i) => {
        const h = hostile[i % hostile.length] as Hostile;
        const t0 = performance.now();
        const status = await read(await h.send());
        const list = hostileLatency.get(h.name) ?? [];
        list.push(performance.now() - t0);
        hostileLatency.set(h.name, list);
        if (!h.expect.includes(status)) unexpected.push(`${h.name}: ${status}`);
      }),
    ]);
    const wallMs = performance.now() - started;
    clearInterval(sampler);
    sampler = undefined;
    const loop = (await ask(server, "read")) as LoopDelays;
    const idle = (await ask(floor, "read")) as LoopDelays;
    // The kernel's own peak (VmHWM) when it could be reset for this phase, else the sampled one.
    const peak = Math.max(peakFromHere ? peakRssMb(server.pid) : 0, ...rssSamples);
    if (unexpected.length > 0) throw new Error(`unexpected answers: ${[...new Set(unexpected)].join("; ")}`);

    const slowest = [...hostileLatency.entries()]
      .map(([name, values]) => ({ name, p95: percentile(values, 95) }))
      .sort((a, b) => b.p95 - a.p95)
      .slice(0, 3);
    process.stderr.write(
      `hostile-requests: slowest hostile requests (p95): ${slowest.map((s) => `${s.name} ${s.p95.toFixed(1)} ms`).join(", ")}\n`,
    );
    const hostileTimes = [...hostileLatency.values()].flat();
    return {
      scenario: "hostile-requests",
      params: {
        normal_requests: NORMAL_REQUESTS,
        normal_concurrency: NORMAL_CONCURRENCY,
        hostile_requests: HOSTILE_REQUESTS,
        hostile_concurrency: HOSTILE_CONCURRENCY,
        hostile_kinds: hostile.map((h) => h.name),
        worst_series: WORST_SERIES,
        demo: "full",
      },
      metrics: {
        longest_stall_ms: loop.maxMs,
        stall_p99_ms: loop.p99Ms,
        floor_longest_stall_ms: idle.maxMs,
        longest_gc_pause_ms: loop.longestGcMs,
        // CPU of all the process's threads (GC helpers included) while the longest timer tick waited.
        longest_stall_cpu_ms: loop.longestTickCpuMs,
        load_average_1m: os.loadavg()[0] ?? Number.NaN,
        peak_rss_mb: peak,
        rss_before_mb: startRss,
        normal_p50_ms: percentile(normalLatencies, 50),
        normal_p95_ms: percentile(normalLatencies, 95),
        hostile_p50_ms: percentile(hostileTimes, 50),
        hostile_p95_ms: percentile(hostileTimes, 95),
        slowest_hostile_p95_ms: slowest[0]?.p95 ?? Number.NaN,
        wall_s: wallMs / 1000,
      },
      bars: [
        { name: "longest event-loop stall", metric: "longest_stall_ms", limit: 100, op: "<=" },
        { name: "peak RSS", metric: "peak_rss_mb", limit: 400, op: "<=" },
      ],
    };
  } finally {
    if (sampler) clearInterval(sampler);
    if (floor) await stop(floor);
    await stop(server);
  }
}

/**
 * Resets the process's peak RSS (VmHWM) so it covers the measured phase only, not the demo's
 * seeding at start: writing 5 to /proc/<pid>/clear_refs does that (Linux). False where it cannot.
 */
function resetPeakRss(pid: number | undefined): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

/** Forks the watched server and waits until it answers its health check. */
async function forkWatched(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = fork(watchedScript, [], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    // BENCH_CPU_PROF=<dir> writes the server's CPU profile there, to see what a stall is made of.
    execArgv: process.env.BENCH_CPU_PROF
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : [],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${stderr}`);
    if (performance.now() - started > 60_000) {
      child.kill("SIGKILL");
      throw new Error(`the server was not healthy after 60 s:\n${stderr}`);
    }
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function ask(child: ChildProcess, message: "reset" | "read"): Promise<unknown> {
  if (message === "reset") {
    child.send(message);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    child.once("message", resolve);
    child.send(message);
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
