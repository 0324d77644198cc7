/**
 * mulberry32 (a public-domain generator by Tommy Ettinger): a small seeded random source exact in
 * 32-bit integer arithmetic, so a seed gives the same numbers on every machine and run — Louvain's
 * tie-breaking, generated demo libraries, the Graph stand-in's storms. Not for secrets.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
