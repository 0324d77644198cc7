/// <reference lib="webworker" />
import { UndirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";

/** What the page sends: node count and ties as pairs of node numbers. */
export interface LayoutRequest {
  nodes: number;
  ties: [number, number][];
}

/** Positions, x then y per node. */
export interface LayoutAnswer {
  positions: Float32Array;
}

// ForceAtlas2 off the main thread, so the page stays responsive while the picture settles. A
// worker file of our own rather than the package's supervisor: that one starts from a blob URL,
// which the tab's Content-Security-Policy (worker-src 'self') refuses.
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodes, ties } = event.data;
  const graph = new UndirectedGraph();
  for (let i = 0; i < nodes; i++) {
    // A circle to start from: deterministic, so the same network looks the same each time.
    const angle = (2 * Math.PI * i) / Math.max(1, nodes);
    graph.addNode(i, { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 });
  }
  for (const [a, b] of ties) if (a !== b) graph.mergeEdge(a, b);
  const settings = forceAtlas2.inferSettings(graph);
  const positions = forceAtlas2(graph, { iterations: nodes > 300 ? 80 : 150, settings });
  const out = new Float32Array(nodes * 2);
  for (let i = 0; i < nodes; i++) {
    const p = positions[i];
    out[2 * i] = p?.x ?? 0;
    out[2 * i + 1] = p?.y ?? 0;
  }
  (self as unknown as Worker).postMessage({ positions: out } satisfies LayoutAnswer, [out.buffer]);
};
