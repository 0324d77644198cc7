import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";

/** What every computation moved off the event loop takes (betweenness, a window's insights). */
export interface WorkerThreadsOptions {
  /** Worker threads at most (default: the cores, at most 4); 0 computes on the calling thread. */
  threads?: number;
  /** Networks of fewer people are computed on the calling thread: starting a worker costs more. */
  minPeople?: number;
  /** The worker script (default: the built one beside the module, `…Worker.js`). */
  workerUrl?: URL;
  /** Told when a worker failed and the calling thread computed instead. */
  onFallback?: (error: unknown) => void;
}

/** Below this many people a computation stays on the calling thread unless told otherwise. */
export const DEFAULT_MIN_PEOPLE = 2_000;

/**
 * The worker script to start, and whether it exists: running from the TypeScript sources (tests)
 * there is no built script, and the work is done on the calling thread.
 */
export function workerScript(given: URL | undefined, builtDefault: URL): { url: URL; built: boolean } {
  const url = given ?? builtDefault;
  return { url, built: existsSync(fileURLToPath(url)) };
}

/** The worker's answer to `message`, or why it has none (an error, or an exit before answering). */
export function answerOf<T>(worker: Worker, message: unknown, name: string): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once("message", (answer: T) => resolve(answer));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`${name} worker exited (${code}) before answering`)));
    worker.postMessage(message);
  });
}
