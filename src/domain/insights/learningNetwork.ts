/**
 * The community's learning network in compressed sparse rows: people are numbered 0..n-1 and
 * every tie `from → to` ("from learned from to") is one arc with a weight (how many facts say so).
 * Flat typed arrays keep the graph algorithms (betweenness over 10,000 people) in cache and free
 * of per-node objects.
 */
export interface LearningNetwork {
  /** Person ids by node number. */
  ids: string[];
  /** Arcs out of node v are `outTarget[outStart[v] .. outStart[v + 1])`, with `outWeight`. */
  outStart: Int32Array;
  outTarget: Int32Array;
  outWeight: Float64Array;
  /** The same arcs read backwards: arcs into v come from `inSource[inStart[v] .. inStart[v + 1])`. */
  inStart: Int32Array;
  inSource: Int32Array;
}

/** One directed tie as it goes into the network: `from` learned from `to`. */
export interface Tie {
  from: string;
  to: string;
  weight?: number;
}

/**
 * Builds the network from ties and the people who must appear even without a tie (members).
 * Parallel ties add their weights; a tie of someone with themselves is dropped.
 */
export function buildLearningNetwork(people: Iterable<string>, ties: Iterable<Tie>): LearningNetwork {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const nodeOf = (id: string) => {
    let v = index.get(id);
    if (v === undefined) {
      v = ids.length;
      index.set(id, v);
      ids.push(id);
    }
    return v;
  };
  for (const id of people) nodeOf(id);
  // Parallel ties merge on a numeric key (from * 2^26 + to stays exact in a double below 2^53).
  const weights = new Map<number, number>();
  const SHIFT = 2 ** 26;
  for (const tie of ties) {
    if (tie.from === tie.to) continue;
    const key = nodeOf(tie.from) * SHIFT + nodeOf(tie.to);
    weights.set(key, (weights.get(key) ?? 0) + (tie.weight ?? 1));
  }
  const n = ids.length;
  const m = weights.size;
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const w = new Float64Array(m);
  let e = 0;
  for (const [key, weight] of weights) {
    const a = Math.floor(key / SHIFT);
    const b = key % SHIFT;
    from[e] = a;
    to[e] = b;
    w[e] = weight;
    outStart[a + 1] = (outStart[a + 1] as number) + 1;
    inStart[b + 1] = (inStart[b + 1] as number) + 1;
    e++;
  }
  for (let v = 0; v < n; v++) {
    outStart[v + 1] = (outStart[v + 1] as number) + (outStart[v] as number);
    inStart[v + 1] = (inStart[v + 1] as number) + (inStart[v] as number);
  }
  const outTarget = new Int32Array(m);
  const outWeight = new Float64Array(m);
  const inSource = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let i = 0; i < m; i++) {
    const a = from[i] as number;
    const b = to[i] as number;
    const o = outFill[a] as number;
    outFill[a] = o + 1;
    outTarget[o] = b;
    outWeight[o] = w[i] as number;
    const j = inFill[b] as number;
    inFill[b] = j + 1;
    inSource[j] = a;
  }
  return { ids, outStart, outTarget, outWeight, inStart, inSource };
}

/** How many arcs the network has. */
export function tieCount(network: LearningNetwork): number {
  return network.outTarget.length;
}

/**
 * The network with directions forgotten (a tie either way is one undirected edge, counted once
 * per side): what "whose absence cuts the network" and clusters are about.
 */
export interface UndirectedNetwork {
  start: Int32Array;
  neighbour: Int32Array;
  /** The summed weight of both directions. */
  weight: Float64Array;
}

export function undirectedOf(network: LearningNetwork): UndirectedNetwork {
  const n = network.ids.length;
  const merged = new Map<number, number>();
  const SHIFT = 2 ** 26;
  for (let v = 0; v < n; v++)
    for (let e = network.outStart[v] as number; e < (network.outStart[v + 1] as number); e++) {
      const u = network.outTarget[e] as number;
      const key = Math.min(u, v) * SHIFT + Math.max(u, v);
      merged.set(key, (merged.get(key) ?? 0) + (network.outWeight[e] as number));
    }
  const start = new Int32Array(n + 1);
  for (const key of merged.keys()) {
    const a = Math.floor(key / SHIFT) + 1;
    const b = (key % SHIFT) + 1;
    start[a] = (start[a] as number) + 1;
    start[b] = (start[b] as number) + 1;
  }
  for (let v = 0; v < n; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const neighbour = new Int32Array(start[n] as number);
  const weight = new Float64Array(start[n] as number);
  const fill = start.slice(0, n);
  const place = (a: number, b: number, w: number) => {
    const i = fill[a] as number;
    fill[a] = i + 1;
    neighbour[i] = b;
    weight[i] = w;
  };
  for (const [key, w] of merged) {
    const a = Math.floor(key / SHIFT);
    const b = key % SHIFT;
    place(a, b, w);
    place(b, a, w);
  }
  return { start, neighbour, weight };
}
