import type { LearningNetwork } from "./learningNetwork.js";

/**
 * Exact betweenness centrality of every person (Brandes 2001, unweighted shortest paths, arcs
 * followed in their direction): the share of shortest learning paths between two others that
 * pass through them, which makes them a knowledge broker. Normalised by (n − 1)(n − 2) as
 * graphology-metrics does, so the two agree.
 *
 * Every buffer is allocated once and reset only where the last search reached, and predecessors
 * are not stored: in the backward pass each node sums over its successors one step farther.
 * This is what keeps 10,000 people and 100,000 ties to seconds (bench/scenarios/networkMetrics.ts).
 * (Typed-array reads are cast: they are in range by construction, and the checker cannot know.)
 */
export function betweennessCentrality(network: LearningNetwork): Float64Array {
  const n = network.ids.length;
  const { outStart, outTarget } = network;
  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  // (1 + δ(w)) / σ(w) of each node once its dependency δ is known.
  const coefficient = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  // The breadth-first queue is also the stack of the backward pass: nodes in order of distance.
  const order = new Int32Array(n);

  for (let s = 0; s < n; s++) {
    if (outStart[s + 1] === outStart[s]) continue; // nobody is reached from s
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    distance[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++] as number;
      const dv = (distance[v] as number) + 1;
      const sv = sigma[v] as number;
      const end = outStart[v + 1] as number;
      for (let e = outStart[v] as number; e < end; e++) {
        const w = outTarget[e] as number;
        const dw = distance[w] as number;
        if (dw < 0) {
          distance[w] = dv;
          sigma[w] = sv;
          order[tail++] = w;
        } else if (dw === dv) {
          sigma[w] = (sigma[w] as number) + sv;
        }
      }
    }
    // Backward, farthest first: each node pulls from its successors on shortest paths, whose
    // (1 + δ) / σ is final by then, so δ builds up in a local and is written once.
    for (let i = tail - 1; i >= 0; i--) {
      const v = order[i] as number;
      const next = (distance[v] as number) + 1;
      let sum = 0;
      const end = outStart[v + 1] as number;
      for (let e = outStart[v] as number; e < end; e++) {
        const w = outTarget[e] as number;
        if (distance[w] === next) sum += coefficient[w] as number;
      }
      const sv = sigma[v] as number;
      const deltaV = sv * sum;
      coefficient[v] = (1 + deltaV) / sv;
      if (v !== s) centrality[v] = (centrality[v] as number) + deltaV;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i] as number;
      distance[v] = -1;
      sigma[v] = 0;
    }
  }
  if (n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let v = 0; v < n; v++) centrality[v] = (centrality[v] as number) * scale;
  }
  return centrality;
}
