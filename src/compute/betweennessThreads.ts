import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { betweennessCentrality, normalisedBetweenness } from "../domain/insights/betweenness.js";
import type { LearningNetwork } from "../domain/insights/learningNetwork.js";
import { answerOf, DEFAULT_MIN_PEOPLE, type WorkerThreadsOptions, workerScript } from "./workerThreads.js";

/** What each worker thread receives: the arcs, and where to take its next chunk of sources. */
export interface BetweennessShare {
  outStart: Int32Array;
  outTarget: Int32Array;
  size: number;
  /** One Int32: the next chunk of sources not yet taken (shared by every worker). */
  nextChunk: SharedArrayBuffer;
  chunk: number;
}

/** `threads`: 0 or 1 computes on the calling thread; the worker is `betweennessWorker.js`. */
export interface BetweennessThreadsOptions extends WorkerThreadsOptions {
  /** Told how each network was computed: on how many worker threads (0: the calling thread). */
  onComputed?: (how: { people: number; threads: number }) => void;
}

/** Sources per chunk a worker takes at a time: 8 batches of 32, small enough to even out. */
const CHUNK = 256;

/**
 * Exact betweenness of a large learning network on worker threads, the sources shared out in
 * chunks from one atomic counter (a busy core takes fewer), each thread summing its sources'
 * dependencies with the same code as one thread does; the calling thread only adds the sums.
 * The insights job (`InsightsService.refresh`) awaits it, so the server's event loop keeps
 * answering requests meanwhile. Small networks, a single core, or running from the TypeScript
 * sources (tests: no built worker script) compute on the calling thread; so does a failed thread.
 */
export function betweennessThreads(
  options: BetweennessThreadsOptions = {},
): (network: LearningNetwork) => Promise<Float64Array> {
  const threads = options.threads ?? Math.min(4, availableParallelism());
  const minPeople = options.minPeople ?? DEFAULT_MIN_PEOPLE;
  const { url: workerUrl, built } = workerScript(
    options.workerUrl,
    new URL("./betweennessWorker.js", import.meta.url),
  );
  return async (network) => {
    const size = network.ids.length;
    const workers = Math.min(threads, Math.ceil(size / CHUNK));
    if (built && workers >= 2 && size >= minPeople) {
      try {
        const betweenness = await onThreads(network, workers, workerUrl);
        options.onComputed?.({ people: size, threads: workers });
        return betweenness;
      } catch (error) {
        options.onFallback?.(error);
      }
    }
    options.onComputed?.({ people: size, threads: 0 });
    return betweennessCentrality(network);
  };
}

async function onThreads(network: LearningNetwork, workers: number, workerUrl: URL): Promise<Float64Array> {
  const share: BetweennessShare = {
    outStart: network.outStart,
    outTarget: network.outTarget,
    size: network.ids.length,
    nextChunk: new SharedArrayBuffer(4),
    chunk: CHUNK,
  };
  const started = Array.from({ length: workers }, () => new Worker(workerUrl));
  try {
    const sums = await Promise.all(
      started.map((worker) => answerOf<Float64Array>(worker, share, "betweenness")),
    );
    const dependencies = new Float64Array(share.size);
    for (const sum of sums)
      for (let v = 0; v < share.size; v++) dependencies[v] = (dependencies[v] as number) + (sum[v] as number);
    return normalisedBetweenness(dependencies);
  } finally {
    await Promise.all(started.map((worker) => worker.terminate()));
  }
}
