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
 * path carry per-source path counts (σ) forward and dependencies (δ) back, one addition each.
 * Learning networks are small worlds, so most people are at one of a few distances from any 32
 * sources: this reads each tie a few times per batch where one search per source reads it 32 times.
 *
 * Profiled (node --cpu-prof on the 10,000-person benchmark), the time goes to those per-source
 * additions, each a read of another person's 32 slots (the arrays are megabytes, past the core's
 * cache), and to reading ties. So the forward pass writes down the ties it found on a shortest
 * path (person, next person, sources) and the backward pass walks that list instead of reading
 * every tie again; a person's σ slots are overwritten by (1 + δ) / σ once done, the one value the
 * level before reads, so the backward pass touches one array at random instead of two; and the
 * arrays are cleared whole between batches (sequential, cheaper than slot by slot).
 * Everything is preallocated typed arrays, with no objects or closures in the loops.
 * (Typed-array reads are cast: in range by construction, which the checker cannot know.)
 */
export function betweennessCentrality(network: LearningNetwork): Float64Array {
  const n = network.ids.length;
  const { outStart, outTarget } = network;
  const centrality = new Float64Array(n);
  if (n === 0) return centrality;
  // Per person and source of the batch, at [v * BATCH + b]: shortest paths (σ), replaced by
  // (1 + δ) / σ when the backward pass is done with the person; and the gathered Σ (1 + δ(w)) / σ(w)
  // of their successors on shortest paths.
  const sigma = new Float64Array(n * BATCH);
  const gathered = new Float64Array(n * BATCH);
  // Sources of the batch that reached each person already, and those reaching them at the next level.
  const seen = new Int32Array(n);
  const next = new Int32Array(n);
  // Visits in order, level by level (a person once per level some source reaches them at), with
  // the sources reaching them there; `levelStart[l]` is where level l begins.
  const visits = new Int32Array(n * BATCH);
  const visitBits = new Int32Array(n * BATCH);
  const levelStart = new Int32Array(n + 2);
  // The ties on a shortest path, per level: from (v·BATCH), to (w·BATCH), which sources.
  let arcFrom = new Int32Array(1 << 16);
  let arcTo = new Int32Array(1 << 16);
  let arcBits = new Int32Array(1 << 16);
  const arcLevelStart = new Int32Array(n + 2);

  for (let first = 0; first < n; first += BATCH) {
    const count = Math.min(BATCH, n - first);
    // Level 0: each source reaches itself.
    for (let b = 0; b < count; b++) {
      const s = first + b;
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
    while ((levelStart[depth + 1] as number) > (levelStart[depth] as number)) {
      arcLevelStart[depth] = arcs;
      const end = levelStart[depth + 1] as number;
      let size = end;
      for (let i = levelStart[depth] as number; i < end; i++) {
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
          if (arcs === arcFrom.length) {
            arcFrom = grown(arcFrom);
            arcTo = grown(arcTo);
            arcBits = grown(arcBits);
          }
          const wBase = w * BATCH;
          arcFrom[arcs] = vBase;
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
    arcLevelStart[depth] = arcs;

    // Backward, from the farthest level in: first the people of level l + 1 are done (δ = σ · the
    // gathered sum; their slots get (1 + δ) / σ), then the ties from level l to them gather it.
    // Everyone but the source gains δ (level 0 is never finished).
    for (let l = depth - 1; l >= 0; l--) {
      const end = levelStart[l + 2] as number;
      for (let i = levelStart[l + 1] as number; i < end; i++) {
        const v = visits[i] as number;
        const vBase = v * BATCH;
        let bits = visitBits[i] as number;
        let sum = 0;
        while (bits !== 0) {
          const b = 31 - Math.clz32(bits);
          const at = vBase + b;
          const sv = sigma[at] as number;
          const dependency = sv * (gathered[at] as number);
          sum += dependency;
          sigma[at] = (1 + dependency) / sv;
          gathered[at] = 0;
          bits ^= 1 << b;
        }
        centrality[v] = (centrality[v] as number) + sum;
      }
      const arcEnd = arcLevelStart[l + 1] as number;
      for (let a = arcLevelStart[l] as number; a < arcEnd; a++) {
        const vBase = arcFrom[a] as number;
        const wBase = arcTo[a] as number;
        let bits = arcBits[a] as number;
        while (bits !== 0) {
          const b = 31 - Math.clz32(bits);
          gathered[vBase + b] = (gathered[vBase + b] as number) + (sigma[wBase + b] as number);
          bits ^= 1 << b;
        }
      }
    }

    // Cleared whole for the next batch; the sources' gathered sums (never finished) slot by slot.
    sigma.fill(0);
    seen.fill(0);
    for (let b = 0; b < count; b++) gathered[(first + b) * BATCH + b] = 0;
  }
  if (n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let v = 0; v < n; v++) centrality[v] = (centrality[v] as number) * scale;
  }
  return centrality;
}

/** The same values in an array twice as long. */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
