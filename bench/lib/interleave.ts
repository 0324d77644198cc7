import { runLoad } from "./load.js";

/**
 * Measures two targets A and B in alternating rounds (A B A B …) after a warm-up of each, so the
 * machine's noise falls on both alike. Returns every request's latency per target.
 */
export async function interleaved(
  rounds: number,
  perRound: number,
  concurrency: number,
  warmup: number,
  a: (i: number) => Promise<void>,
  b: (i: number) => Promise<void>,
): Promise<{ a: number[]; b: number[] }> {
  await runLoad(warmup, concurrency, a);
  await runLoad(warmup, concurrency, b);
  const result = { a: [] as number[], b: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    result.a.push(...(await runLoad(perRound, concurrency, a)));
    result.b.push(...(await runLoad(perRound, concurrency, b)));
  }
  return result;
}
