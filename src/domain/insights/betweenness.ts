import type { LearningNetwork } from "./learningNetwork.js";

/** Sources searched together: one bit each in a 32-bit word. */
const BATCH = 32;

/**
 * Exact betweenness centrality of every person (Brandes 2001, unweighted shortest paths, arcs
 * followed in their direction): the share of shortest learning paths between two others that
 * pass through them, which makes them a knowledge broker. Normalised by (n − 1)(n − 2) as
 * graphology-metrics does, so the two agree.
 *
 * Brandes' searches run 32 sources at a time, level by level, with a bit per source (multi-source
 * BFS, Then et al., VLDB 2014): a person reached at the same distance from several of the sources
 * has their ties read once for all of them instead of once each, and only the ties on a shortest
 * path carry per-source path counts (σ) forward and dependencies (δ) back, one addition each. Learning networks are
 * small worlds, so most people are at one of a few distances from any 32 sources: this reads each
 * tie a few times per batch where one search per source reads it 32 times.
 * (Typed-array reads are cast: in range by construction, which the checker cannot know.)
 */
export function betweennessCentrality(network: LearningNetwork): Float64Array {
  const n = network.ids.length;
  const { outStart, outTarget } = network;
  const centrality = new Float64Array(n);
  if (n === 0) return centrality;
  // Per person and source of the batch, at [v * BATCH + b]: shortest paths (σ), and in the
  // backward pass first the gathered Σ (1 + δ(w)) / σ(w) of the successors, then (1 + δ) / σ.
  const sigma = new Float64Array(n * BATCH);
  const gathered = new Float64Array(n * BATCH);
  // Sources of the batch that reached each person already, and per level who they reached there.
  const seen = new Int32Array(n);
  const levelBits: Int32Array[] = [];
  const levelNodes: Int32Array[] = [];
  const levelSize: number[] = [];
  const level = (l: number) => {
    if (!levelBits[l]) {
      levelBits[l] = new Int32Array(n);
      levelNodes[l] = new Int32Array(n);
    }
    levelSize[l] = 0;
    return levelBits[l] as Int32Array;
  };

  for (let first = 0; first < n; first += BATCH) {
    const count = Math.min(BATCH, n - first);
    // Level 0: each source reaches itself.
    const start = level(0);
    const startNodes = levelNodes[0] as Int32Array;
    for (let b = 0; b < count; b++) {
      const s = first + b;
      start[s] = 1 << b;
      seen[s] = 1 << b;
      sigma[s * BATCH + b] = 1;
      startNodes[b] = s;
    }
    levelSize[0] = count;

    // Forward: level by level; a tie v → w is on a shortest path for the sources that reached v at
    // this level and had not reached w before it.
    let depth = 0;
    while ((levelSize[depth] as number) > 0) {
      const here = levelBits[depth] as Int32Array;
      const nodes = levelNodes[depth] as Int32Array;
      const size = levelSize[depth] as number;
      const next = level(depth + 1);
      const nextNodes = levelNodes[depth + 1] as Int32Array;
      let nextSize = 0;
      for (let i = 0; i < size; i++) {
        const v = nodes[i] as number;
        const reached = here[v] as number;
        const vBase = v * BATCH;
        const end = outStart[v + 1] as number;
        for (let e = outStart[v] as number; e < end; e++) {
          const w = outTarget[e] as number;
          let bits = reached & ~(seen[w] as number);
          if (bits === 0) continue;
          if (next[w] === 0) nextNodes[nextSize++] = w;
          next[w] = (next[w] as number) | bits;
          const wBase = w * BATCH;
          while (bits !== 0) {
            const low = bits & -bits;
            const b = 31 - Math.clz32(low);
            sigma[wBase + b] = (sigma[wBase + b] as number) + (sigma[vBase + b] as number);
            bits ^= low;
          }
        }
      }
      for (let i = 0; i < nextSize; i++) {
        const w = nextNodes[i] as number;
        seen[w] = (seen[w] as number) | (next[w] as number);
      }
      levelSize[depth + 1] = nextSize;
      depth++;
    }

    // Backward: from the farthest level in. δ(v) = σ(v) · Σ (1 + δ(w)) / σ(w) over the ties v → w
    // on a shortest path, per source: the sum is gathered first, and once v is done its own
    // (1 + δ) / σ replaces it, ready for the level before. Everyone but the source gains δ.
    for (let l = depth - 1; l >= 0; l--) {
      const here = levelBits[l] as Int32Array;
      const farther = levelBits[l + 1] as Int32Array;
      const nodes = levelNodes[l] as Int32Array;
      const size = levelSize[l] as number;
      for (let i = 0; i < size; i++) {
        const v = nodes[i] as number;
        const reached = here[v] as number;
        const vBase = v * BATCH;
        const end = outStart[v + 1] as number;
        for (let e = outStart[v] as number; e < end; e++) {
          const w = outTarget[e] as number;
          let bits = reached & (farther[w] as number);
          if (bits === 0) continue;
          const wBase = w * BATCH;
          while (bits !== 0) {
            const low = bits & -bits;
            const b = 31 - Math.clz32(low);
            gathered[vBase + b] = (gathered[vBase + b] as number) + (gathered[wBase + b] as number);
            bits ^= low;
          }
        }
        let bits = reached;
        let sum = 0;
        while (bits !== 0) {
          const low = bits & -bits;
          const at = vBase + 31 - Math.clz32(low);
          const sv = sigma[at] as number;
          const dependency = sv * (gathered[at] as number);
          sum += dependency;
          gathered[at] = (1 + dependency) / sv;
          bits ^= low;
        }
        if (l > 0) centrality[v] = (centrality[v] as number) + sum;
      }
    }

    // Reset only what this batch touched.
    for (let l = 0; l <= depth; l++) {
      const bitsAt = levelBits[l] as Int32Array;
      const nodes = levelNodes[l] as Int32Array;
      const size = levelSize[l] as number;
      for (let i = 0; i < size; i++) {
        const v = nodes[i] as number;
        let bits = bitsAt[v] as number;
        const vBase = v * BATCH;
        while (bits !== 0) {
          const low = bits & -bits;
          const b = 31 - Math.clz32(low);
          sigma[vBase + b] = 0;
          gathered[vBase + b] = 0;
          bits ^= low;
        }
        bitsAt[v] = 0;
        seen[v] = 0;
      }
      levelSize[l] = 0;
    }
  }
  if (n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let v = 0; v < n; v++) centrality[v] = (centrality[v] as number) * scale;
  }
  return centrality;
}
