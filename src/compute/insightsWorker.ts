import { parentPort } from "node:worker_threads";
import { computeInsights, windowNetwork } from "../domain/insights/insightsReport.js";
import { betweennessThreads } from "./betweennessThreads.js";
import type { WindowRequest } from "./insightsThreads.js";

/**
 * One window's insights report, computed on a worker thread (see {@link insightsThreads}); the
 * brokers' searches spread over threads of their own when the network is large.
 */
parentPort?.once("message", async ({ communityId, facts, options, threads }: WindowRequest) => {
  const network = windowNetwork(facts, options);
  const betweenness = await betweennessThreads(threads === undefined ? {} : { threads })(network);
  parentPort?.postMessage(
    computeInsights(communityId, facts, { ...options, brokers: { network, betweenness } }),
  );
});
