/**
 * Runs `total` calls of `request` with `concurrency` in flight, returning each call's latency in
 * milliseconds. A failed call throws: a benchmark of errors measures nothing.
 */
export async function runLoad(
  total: number,
  concurrency: number,
  request: (i: number) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const t0 = performance.now();
      await request(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}
