import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first healthy answer. */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * The Node options production runs the server with (infra/azure.bicep's `NODE_OPTIONS` app
 * setting; a unit test keeps the two equal). Every server a benchmark starts runs with them, the
 * app to be measured as deployed, and the floor since it is deployed as the app is.
 */
export const PRODUCTION_NODE_OPTIONS = "--max-semi-space-size=64";

/**
 * Spawns a Node server script and polls `healthPath` until it answers 200. The time from spawn
 * to that answer is the cold start.
 */
export async function spawnServer(
  script: string,
  env: Record<string, string | undefined>,
  port: number,
  healthPath = "/api/health",
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const started = performance.now();
  // BENCH_PROFILE_DIR=… writes each server's CPU profile there when it stops (where a burst's time goes).
  const profile = process.env.BENCH_PROFILE_DIR
    ? [
        "--cpu-prof",
        `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`,
        // BENCH_PROFILE_INTERVAL_US=100: finer samples, for bursts of a few milliseconds.
        ...(process.env.BENCH_PROFILE_INTERVAL_US
          ? [`--cpu-prof-interval=${process.env.BENCH_PROFILE_INTERVAL_US}`]
          : []),
      ]
    : [];
  const child = spawn(process.execPath, [...preloaded(), ...profile, script], {
    env: { PATH: process.env.PATH, NODE_OPTIONS: PRODUCTION_NODE_OPTIONS, ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
    // BENCH_SERVER_STDERR=1 shows what the servers say while a scenario runs (for debugging it).
    if (process.env.BENCH_SERVER_STDERR === "1") process.stderr.write(c);
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${stderr}`);
    if (performance.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new Error(`${script} not healthy after ${timeoutMs} ms:\n${stderr}`);
    }
    try {
      const res = await fetch(`${url}${healthPath}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const startMs = performance.now() - started;
  return {
    child,
    url,
    startMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Peak resident set size (VmHWM) of a process in MB. */
export function peakRssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** CPU time (user + system) a process has used so far in ms, from /proc (Linux). */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/**
 * Resolves once the processes have used no CPU for `quietMs` (as /proc counts it, in 10 ms ticks),
 * or after `maxMs` whatever they do; answers how long it waited. A burst ends when its last answer
 * arrives, but the processes that served it may go on working for a while (most likely the
 * runtime, compiling what ran hot and collecting what was allocated): a burst sent straight after
 * shares the two cores with that work.
 */
export async function untilQuiet(
  pids: readonly (number | undefined)[],
  { quietMs = 100, maxMs = 2_000 }: { quietMs?: number; maxMs?: number } = {},
): Promise<number> {
  const start = performance.now();
  const used = () => pids.reduce((sum: number, pid) => sum + cpuMs(pid), 0);
  let last = used();
  let lastChange = performance.now();
  for (;;) {
    await sleep(20);
    const now = performance.now();
    const current = used();
    if (current !== last) {
      last = current;
      lastChange = now;
    }
    if (now - lastChange >= quietMs || now - start >= maxMs) return now - start;
  }
}

/**
 * BENCH_REQUIRE=/path/to/module.cjs: a module every server (and Azurite) loads first, to watch each
 * process from inside during a scenario (say, `process.cpuUsage()` every few milliseconds against
 * the `BENCH_MARKS` clock, or its GC pauses). Nothing by default.
 */
export function preloaded(): string[] {
  return process.env.BENCH_REQUIRE ? ["--require", process.env.BENCH_REQUIRE] : [];
}
