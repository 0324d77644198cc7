/**
 * BENCH_MARKS=1: a measured burst's start and end on the monotonic clock (µs), printed to stderr,
 * to cut the servers' CPU profiles (BENCH_PROFILE_DIR) by.
 */
export function mark(key: string, edge: "start" | "end"): void {
  if (process.env.BENCH_MARKS === "1")
    process.stderr.write(`mark ${key} ${edge} ${process.hrtime.bigint() / 1000n}\n`);
}
