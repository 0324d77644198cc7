/// <reference lib="webworker" />
import { layoutPicture } from "../../../domain/insights/networkPicture.js";

/** What the page sends: node count and ties as pairs of node numbers. */
export interface LayoutRequest {
  nodes: number;
  ties: [number, number][];
}

/** Positions, x then y per node. */
export interface LayoutAnswer {
  positions: Float32Array;
}

// For a report stored before the job laid the picture out: ForceAtlas2 off the main thread, so the
// page stays responsive while the picture settles. A worker file of our own rather than the
// package's supervisor: that one starts from a blob URL, which the tab's Content-Security-Policy
// (worker-src 'self') refuses.
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const out = layoutPicture(event.data.nodes, event.data.ties);
  (self as unknown as Worker).postMessage({ positions: out } satisfies LayoutAnswer, [out.buffer]);
};
