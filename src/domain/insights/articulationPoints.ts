import type { UndirectedNetwork } from "./learningNetwork.js";

/**
 * The people whose absence cuts the network into more pieces (articulation points), by Tarjan's
 * low-link depth-first search written with an explicit stack: a recursive search overflows the
 * call stack on a long chain of people (cytoscape's does at 10,000, PLATFORM.md). Node numbers,
 * ascending. (Typed-array reads are cast: in range by construction.)
 */
export function articulationPoints(graph: UndirectedNetwork): number[] {
  const n = graph.start.length - 1;
  const { start, neighbour } = graph;
  const discovered = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const nextEdge = new Int32Array(n);
  const children = new Int32Array(n);
  const isCut = new Uint8Array(n);
  const stack = new Int32Array(n);
  let time = 0;

  for (let root = 0; root < n; root++) {
    if ((discovered[root] as number) >= 0) continue;
    let top = 0;
    stack[top++] = root;
    discovered[root] = time;
    low[root] = time++;
    nextEdge[root] = start[root] as number;
    while (top > 0) {
      const v = stack[top - 1] as number;
      const next = nextEdge[v] as number;
      if (next < (start[v + 1] as number)) {
        nextEdge[v] = next + 1;
        const w = neighbour[next] as number;
        const dw = discovered[w] as number;
        if (dw < 0) {
          parent[w] = v;
          children[v] = (children[v] as number) + 1;
          discovered[w] = time;
          low[w] = time++;
          nextEdge[w] = start[w] as number;
          stack[top++] = w;
        } else if (w !== parent[v] && dw < (low[v] as number)) {
          low[v] = dw;
        }
        continue;
      }
      top--;
      const p = parent[v] as number;
      if (p < 0) continue;
      const lowV = low[v] as number;
      if (lowV < (low[p] as number)) low[p] = lowV;
      // A parent other than the root cuts v's subtree off when nothing in it reaches above it.
      if ((parent[p] as number) >= 0 && lowV >= (discovered[p] as number)) isCut[p] = 1;
    }
    if ((children[root] as number) > 1) isCut[root] = 1;
  }
  const cuts: number[] = [];
  for (let v = 0; v < n; v++) if (isCut[v]) cuts.push(v);
  return cuts;
}
