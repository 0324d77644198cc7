import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

/**
 * The benchmarks' server entry (`localServer.ts`: the real server with local mode) with its event loop watched, for benchmarks
 * that bound how long one request may hold the loop. Forked with an IPC channel: the parent sends
 * "reset" before the measured phase and "read" after it, and gets the loop's delays back. Node's
 * own histogram (`monitorEventLoopDelay`) samples how late a 10 ms timer fires; its maximum is the
 * longest time the loop was blocked. Beside it: the longest garbage-collection pause, and for the
 * longest stall a timer saw, how much CPU the process used during it (on a shared machine a stall
 * can be time the process waited for a core, not time it worked). With WATCH_ONLY=1 it runs no
 * server: the stalls of an idle process on the same machine at the same time, the floor.
 */
const delays = monitorEventLoopDelay({ resolution: 10 });
delays.enable();

let longestGcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longestGcMs = Math.max(longestGcMs, entry.duration);
}).observe({ entryTypes: ["gc"] });

const TICK_MS = 10;
let longestTick = { wallMs: 0, cpuMs: 0 };
let lastAt = performance.now();
let lastCpu = process.cpuUsage();
setInterval(() => {
  const at = performance.now();
  const cpu = process.cpuUsage();
  const wallMs = at - lastAt - TICK_MS;
  if (wallMs > longestTick.wallMs)
    longestTick = { wallMs, cpuMs: (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1000 };
  lastAt = at;
  lastCpu = cpu;
}, TICK_MS).unref();

process.on("message", (message) => {
  if (message === "reset") {
    delays.reset();
    longestGcMs = 0;
    longestTick = { wallMs: 0, cpuMs: 0 };
  } else if (message === "read")
    process.send?.({
      maxMs: delays.max / 1e6,
      p99Ms: delays.percentile(99) / 1e6,
      meanMs: delays.mean / 1e6,
      longestGcMs,
      longestTickWallMs: longestTick.wallMs,
      longestTickCpuMs: longestTick.cpuMs,
    });
});
// The channel alone must not keep the server running once it is told to stop.
process.channel?.unref();

// WATCH_ONLY=1: no server, only the watch, as a floor (what the shared machine alone stalls).
if (process.env.WATCH_ONLY === "1") setInterval(() => undefined, 1_000);
else await import("./localServer.js");
