import { Worker } from "node:worker_threads";
import type { InsightsFacts } from "../domain/insights/insightsFacts.js";
import {
  computeInsights,
  type InsightsOptions,
  type InsightsReport,
} from "../domain/insights/insightsReport.js";
import { answerOf, DEFAULT_MIN_PEOPLE, type WorkerThreadsOptions, workerScript } from "./workerThreads.js";

/** What the worker receives: one window of one community, and how many threads its brokers may use. */
export interface WindowRequest {
  communityId: string;
  facts: InsightsFacts;
  options: Omit<InsightsOptions, "brokers">;
  threads: number | undefined;
}

/** `threads`: for a large network's brokers; `minPeople`: members; the worker is `insightsWorker.js`. */
export interface InsightsThreadsOptions extends WorkerThreadsOptions {
  /** Told where each report was computed. */
  onComputed?: (how: { people: number; offThread: boolean }) => void;
}

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
  const { url: workerUrl, built } = workerScript(
    options.workerUrl,
    new URL("./insightsWorker.js", import.meta.url),
  );
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
    return await answerOf<InsightsReport>(worker, request, "insights");
  } finally {
    await worker.terminate();
  }
}
