/**
 * Runs `total` calls of `request` with `concurrency` in flight, returning each call's latency in
 * milliseconds. With `spreadMs`, call i does not start before i × spreadMs / total after the
 * first (people arriving over a few seconds rather than in the same millisecond); its latency
 * counts from its own start. A failed call throws: a benchmark of errors measures nothing.
 */
export async function runLoad(
  total: number,
  concurrency: number,
  request: (i: number) => Promise<void>,
  options: { spreadMs?: number } = {},
): Promise<number[]> {
  const latencies: number[] = [];
  const spread = options.spreadMs ?? 0;
  const begin = performance.now();
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const wait = begin + (i * spread) / total - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const t0 = performance.now();
      await request(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}
