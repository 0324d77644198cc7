import { UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import { mulberry32 } from "../mulberry32.js";
import type { UndirectedNetwork } from "./learningNetwork.js";

type DetailedLouvain = (
  graph: UndirectedGraph,
  options: { getEdgeWeight: string; rng: () => number },
) => { communities: Record<string, number>; modularity: number };
// The package is CommonJS whose types declare an ES default: under NodeNext the checker sees the
// module object, while at run time the default import is the function (with `detailed` on it).
const detailedLouvain = (louvain as unknown as { detailed: DetailedLouvain }).detailed;

export interface Clusters {
  /** The cluster of every node (by node number); people without ties are each their own. */
  clusterOf: Int32Array;
  count: number;
  modularity: number;
}

/**
 * Groups of people who learn mostly among themselves (Louvain, weighted by how many facts tie
 * them), with a fixed random seed so the same network gives the same clusters on every instance.
 */
export function learningClusters(graph: UndirectedNetwork): Clusters {
  const n = graph.start.length - 1;
  const g = new UndirectedGraph();
  for (let v = 0; v < n; v++) g.addNode(v);
  for (let v = 0; v < n; v++)
    for (let e = graph.start[v] as number; e < (graph.start[v + 1] as number); e++) {
      const u = graph.neighbour[e] as number;
      if (u > v) g.addEdge(v, u, { weight: graph.weight[e] as number });
    }
  const clusterOf = new Int32Array(n);
  if (g.size === 0) {
    for (let v = 0; v < n; v++) clusterOf[v] = v;
    return { clusterOf, count: n, modularity: 0 };
  }
  const detailed = detailedLouvain(g, { getEdgeWeight: "weight", rng: mulberry32(17) });
  // Louvain numbers clusters in no useful order: renumber by size, largest first.
  const sizes = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const c = detailed.communities[v] as number;
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  }
  const ranked = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const rank = new Map(ranked.map((c, i) => [c, i]));
  for (let v = 0; v < n; v++) clusterOf[v] = rank.get(detailed.communities[v] as number) ?? 0;
  return { clusterOf, count: ranked.length, modularity: detailed.modularity };
}
