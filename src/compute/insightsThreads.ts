import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { InsightsFacts } from "../domain/insights/insightsFacts.js";
import {
  computeInsights,
  type InsightsOptions,
  type InsightsReport,
} from "../domain/insights/insightsReport.js";

/** What the worker receives: one window of one community, and how many threads its brokers may use. */
export interface WindowRequest {
  communityId: string;
  facts: InsightsFacts;
  options: Omit<InsightsOptions, "brokers">;
  threads: number | undefined;
}

export interface InsightsThreadsOptions {
  /** Threads for a large network's brokers (default: the cores, at most 4); 0 computes on the caller. */
  threads?: number;
  /** Communities with fewer members are computed on the calling thread (a worker costs more). */
  minPeople?: number;
  /** The worker script (default: the built `insightsWorker.js` beside this file). */
  workerUrl?: URL;
  /** Told when the worker failed and the calling thread computed instead. */
  onFallback?: (error: unknown) => void;
  /** Told where each report was computed. */
  onComputed?: (how: { people: number; offThread: boolean }) => void;
}

const DEFAULT_MIN_PEOPLE = 2_000;

/**
 * Computes a window's insights report off the event loop for a large community: on a worker
 * thread, whose knowledge brokers' searches spread over threads of their own
 * (`betweennessThreads.ts`). For 10,000 members that is seconds of work the server would
 * otherwise spend not answering anyone. Small communities, `threads: 0`, or running from the
 * TypeScript sources (tests: no built worker script) compute on the calling thread; so does a
 * failed worker, which `onFallback` is told of.
 */
export function insightsThreads(
  options: InsightsThreadsOptions = {},
): (
  communityId: string,
  facts: InsightsFacts,
  window: Omit<InsightsOptions, "brokers">,
) => Promise<InsightsReport> {
  const minPeople = options.minPeople ?? DEFAULT_MIN_PEOPLE;
  const workerUrl = options.workerUrl ?? new URL("./insightsWorker.js", import.meta.url);
  const built = existsSync(fileURLToPath(workerUrl));
  return async (communityId, facts, window) => {
    const people = facts.members.length;
    if (built && options.threads !== 0 && people >= minPeople) {
      try {
        const report = await onWorker(workerUrl, {
          communityId,
          facts,
          options: window,
          threads: options.threads,
        });
        options.onComputed?.({ people, offThread: true });
        return report;
      } catch (error) {
        options.onFallback?.(error);
      }
    }
    options.onComputed?.({ people, offThread: false });
    return computeInsights(communityId, facts, window);
  };
}

async function onWorker(workerUrl: URL, request: WindowRequest): Promise<InsightsReport> {
  const worker = new Worker(workerUrl);
  try {
    return await new Promise<InsightsReport>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`insights worker exited (${code}) before answering`)));
      worker.postMessage(request);
    });
  } finally {
    await worker.terminate();
  }
}
