import type { LearningNetwork } from "./learningNetwork.js";

/** Sources searched together: one bit each in a 32-bit word. */
const BATCH = 32;

/** The arcs Brandes' searches follow (a part of {@link LearningNetwork}, what a worker thread receives). */
export type ArcsOut = Pick<LearningNetwork, "outStart" | "outTarget">;

/**
 * Exact betweenness centrality of every person (Brandes 2001, unweighted shortest paths, arcs
 * followed in their direction): the share of shortest learning paths between two others that
 * pass through them, which makes them a knowledge broker. Normalised by (n − 1)(n − 2) as
 * graphology-metrics does, so the two agree. One thread; `src/compute/betweennessThreads.ts`
 * spreads the same searches over worker threads for large networks.
 */
export function betweennessCentrality(network: LearningNetwork): Float64Array {
  const n = network.ids.length;
  const dependencies = new Float64Array(n);
  addDependencies(network, n, 0, n, dependencies);
  return normalisedBetweenness(dependencies);
}

/** Dependencies summed over every source, scaled to betweenness (in place). */
export function normalisedBetweenness(dependencies: Float64Array): Float64Array {
  const n = dependencies.length;
  if (n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let v = 0; v < n; v++) dependencies[v] = (dependencies[v] as number) * scale;
  }
  return dependencies;
}

/**
 * The arrays Brandes' searches reuse from one batch of sources to the next (about 1.3 KB per
 * person): allocated once per thread, not per batch.
 */
export class BetweennessWorkspace {
  /**
   * Per person and source of the batch, at [v * BATCH + b]: shortest paths (σ), replaced by
   * (1 + δ) / σ once the backward pass is done with the person (the one value the level before reads).
   */
  readonly sigma: Float64Array;
  /** Σ (1 + δ(w)) / σ(w) over the successors of the visit being finished, per source. */
  readonly gathered = new Float64Array(BATCH);
  /** Sources of the batch that reached each person already, and those reaching them at the next level. */
  readonly seen: Int32Array;
  readonly next: Int32Array;
  /**
   * Visits in order, level by level (a person once per level some source reaches them at), with
   * the sources reaching them there, and where their ties on a shortest path begin in the arc list.
   */
  readonly visits: Int32Array;
  readonly visitBits: Int32Array;
  readonly visitArcs: Int32Array;
  readonly levelStart: Int32Array;
  /** The ties on a shortest path, visit by visit: to whom (w · BATCH) and for which sources. */
  arcTo = new Int32Array(1 << 16);
  arcBits = new Int32Array(1 << 16);

  constructor(readonly size: number) {
    this.sigma = new Float64Array(size * BATCH);
    this.seen = new Int32Array(size);
    this.next = new Int32Array(size);
    this.visits = new Int32Array(size * BATCH);
    this.visitBits = new Int32Array(size * BATCH);
    this.visitArcs = new Int32Array(size * BATCH + 1);
    this.levelStart = new Int32Array(size + 2);
  }

  /** Room for twice as many arcs, keeping those found. */
  growArcs(): void {
    const to = new Int32Array(this.arcTo.length * 2);
    const bits = new Int32Array(this.arcBits.length * 2);
    to.set(this.arcTo);
    bits.set(this.arcBits);
    this.arcTo = to;
    this.arcBits = bits;
  }
}

/**
 * Adds to `dependencies[v]` the dependency δ_s(v) of every source s in [first, last) (Brandes'
 * sum before normalising), so threads can each take a share of the sources and add up.
 *
 * The searches run 32 sources at a time, level by level, with a bit per source (multi-source BFS,
 * Then et al., VLDB 2014): a person reached at the same distance from several of the sources has
 * their ties read once for all of them instead of once each, and only the ties on a shortest path
 * carry per-source path counts (σ) forward and dependencies (δ) back, one addition each. Learning
 * networks are small worlds, so most people are at one of a few distances from any 32 sources:
 * this reads each tie a few times per batch where one search per source reads it 32 times.
 *
 * Profiled (node --cpu-prof on the 10,000-person benchmark), the time goes to those per-source
 * additions, each a read of another person's slots in megabyte arrays, past the core's cache. So
 * the forward pass writes down, visit by visit, the ties it found on a shortest path; the backward
 * pass then finishes one visit at a time, gathering its successors' (1 + δ) / σ into 32 slots that
 * stay in cache and writing the person's own slots once, instead of scattering additions into a
 * second megabyte array. Everything is preallocated typed arrays, with no objects or closures in
 * the loops. (Typed-array reads are cast: in range by construction, which the checker cannot know.)
 */
export function addDependencies(
  network: ArcsOut,
  n: number,
  first: number,
  last: number,
  dependencies: Float64Array,
  workspace = new BetweennessWorkspace(n),
): void {
  const { outStart, outTarget } = network;
  const { sigma, gathered, seen, next, visits, visitBits, visitArcs, levelStart } = workspace;
  for (let batchStart = first; batchStart < last; batchStart += BATCH) {
    const count = Math.min(BATCH, last - batchStart);
    // Level 0: each source reaches itself.
    for (let b = 0; b < count; b++) {
      const s = batchStart + b;
      seen[s] = 1 << b;
      sigma[s * BATCH + b] = 1;
      visits[b] = s;
      visitBits[b] = 1 << b;
    }
    levelStart[0] = 0;
    levelStart[1] = count;

    // Forward, level by level: a tie v → w is on a shortest path for the sources that reached v at
    // this level and had not reached w before.
    let depth = 0;
    let arcs = 0;
    let arcTo = workspace.arcTo;
    let arcBits = workspace.arcBits;
    while ((levelStart[depth + 1] as number) > (levelStart[depth] as number)) {
      const end = levelStart[depth + 1] as number;
      let size = end;
      for (let i = levelStart[depth] as number; i < end; i++) {
        visitArcs[i] = arcs;
        const v = visits[i] as number;
        const reached = visitBits[i] as number;
        const vBase = v * BATCH;
        const tieEnd = outStart[v + 1] as number;
        for (let e = outStart[v] as number; e < tieEnd; e++) {
          const w = outTarget[e] as number;
          let bits = reached & ~(seen[w] as number);
          if (bits === 0) continue;
          if (next[w] === 0) visits[size++] = w;
          next[w] = (next[w] as number) | bits;
          if (arcs === arcTo.length) {
            workspace.growArcs();
            arcTo = workspace.arcTo;
            arcBits = workspace.arcBits;
          }
          const wBase = w * BATCH;
          arcTo[arcs] = wBase;
          arcBits[arcs] = bits;
          arcs++;
          while (bits !== 0) {
            const b = 31 - Math.clz32(bits);
            sigma[wBase + b] = (sigma[wBase + b] as number) + (sigma[vBase + b] as number);
            bits ^= 1 << b;
          }
        }
      }
      for (let i = end; i < size; i++) {
        const w = visits[i] as number;
        const bits = next[w] as number;
        visitBits[i] = bits;
        seen[w] = (seen[w] as number) | bits;
        next[w] = 0;
      }
      depth++;
      levelStart[depth + 1] = size;
    }
    // The deepest level was searched too (it found no one): every visit has its arcs' start.
    const visited = levelStart[depth] as number;
    visitArcs[visited] = arcs;

    // Backward, from the last visit to the first past the sources: a visit's ties lead to the next
    // level, whose visits are all finished by then. δ = σ · Σ (1 + δ(w)) / σ(w), and the slot
    // gets (1 + δ) / σ for the level before. The sources themselves gain nothing.
    for (let i = visited - 1; i >= count; i--) {
      const v = visits[i] as number;
      const arcEnd = visitArcs[i + 1] as number;
      for (let a = visitArcs[i] as number; a < arcEnd; a++) {
        const wBase = arcTo[a] as number;
        let bits = arcBits[a] as number;
        while (bits !== 0) {
          const b = 31 - Math.clz32(bits);
          gathered[b] = (gathered[b] as number) + (sigma[wBase + b] as number);
          bits ^= 1 << b;
        }
      }
      const vBase = v * BATCH;
      let bits = visitBits[i] as number;
      let sum = 0;
      while (bits !== 0) {
        const b = 31 - Math.clz32(bits);
        const at = vBase + b;
        const sv = sigma[at] as number;
        const dependency = sv * (gathered[b] as number);
        sum += dependency;
        sigma[at] = (1 + dependency) / sv;
        gathered[b] = 0;
        bits ^= 1 << b;
      }
      dependencies[v] = (dependencies[v] as number) + sum;
    }

    // Cleared whole for the next batch (sequential, cheaper than slot by slot).
    sigma.fill(0);
    seen.fill(0);
  }
}
