import { UndirectedGraph } from "graphology";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import { type Connected, type PictureLayout, picturedPeople } from "./picturedPeople.js";

type ForceAtlas2 = ((
  graph: UndirectedGraph,
  options: { iterations: number; settings: Record<string, unknown> },
) => Record<string, { x: number; y: number }>) & {
  inferSettings(graph: UndirectedGraph): Record<string, unknown>;
};
// CommonJS whose types declare an ES default: under NodeNext the checker sees the module object,
// while at run time (Node and the bundle alike) the default import is the function.
const forceAtlas2 = forceAtlas2Module as unknown as ForceAtlas2;

/** ForceAtlas2 passes: the job has time for a settled picture the page need not work out. */
const ITERATIONS = 100;

/**
 * ForceAtlas2 positions (x then y per node) from a circle, deterministic: the same network looks
 * the same each time. Run by the job (stored with the report) and, for a report stored before
 * pictures were, by the page's worker.
 */
export function layoutPicture(nodes: number, pairs: readonly (readonly [number, number])[]): Float32Array {
  const graph = new UndirectedGraph();
  for (let i = 0; i < nodes; i++) {
    const angle = (2 * Math.PI * i) / Math.max(1, nodes);
    graph.addNode(i, { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 });
  }
  for (const [a, b] of pairs) if (a !== b) graph.mergeEdge(a, b);
  const settings = forceAtlas2.inferSettings(graph);
  const positions = forceAtlas2(graph, { iterations: ITERATIONS, settings });
  const out = new Float32Array(nodes * 2);
  for (let i = 0; i < nodes; i++) {
    const p = positions[i];
    out[2 * i] = p?.x ?? 0;
    out[2 * i + 1] = p?.y ?? 0;
  }
  return out;
}

/** The picture of a report's people and ties, as the job stores it. */
export function pictureLayout(
  people: readonly Connected[],
  ties: readonly { from: string; to: string }[],
): PictureLayout {
  const pictured = picturedPeople(people, ties);
  const xy = layoutPicture(pictured.people.length, pictured.pairs);
  return {
    ids: pictured.people.map((p) => p.id),
    positions: Array.from(xy, (v) => Math.round(v * 10) / 10),
  };
}
