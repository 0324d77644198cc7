import { parentPort } from "node:worker_threads";
import { addDependencies, BetweennessWorkspace } from "../domain/insights/betweenness.js";
import type { BetweennessShare } from "./betweennessThreads.js";

/**
 * One worker thread of {@link computeBetweenness}: takes chunks of sources from the shared counter
 * until none are left, adds their dependencies up, and answers the sum (its buffer transferred).
 */
parentPort?.once("message", (share: BetweennessShare) => {
  const { outStart, outTarget, size, nextChunk, chunk } = share;
  const counter = new Int32Array(nextChunk);
  const workspace = new BetweennessWorkspace(size);
  const dependencies = new Float64Array(size);
  for (;;) {
    const first = Atomics.add(counter, 0, 1) * chunk;
    if (first >= size) break;
    addDependencies(
      { outStart, outTarget },
      size,
      first,
      Math.min(size, first + chunk),
      dependencies,
      workspace,
    );
  }
  parentPort?.postMessage(dependencies, [dependencies.buffer]);
});
