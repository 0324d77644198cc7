import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { syntheticCommunity } from "../../bench/scenarios/networkMetrics.js";
import { insightsThreads } from "../../src/compute/insightsThreads.js";
import { computeInsights } from "../../src/domain/insights/insightsReport.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Worker threads run JavaScript: the built worker (`npm test` builds before it runs vitest). */
const builtWorker = pathToFileURL(path.join(repoRoot, "dist/src/compute/insightsWorker.js"));

/** The benchmark's generator, smaller: 1,500 members, 12,000 interactions over a year. */
const community = syntheticCommunity(1_500, 12_000);
const window = { windowDays: 365 as const, now: new Date("2026-12-01T00:00:00Z"), personLevel: true };

describe("a community's insights on a worker thread", () => {
  const expected = computeInsights("synthetic", community, window);

  it("computes a large community's report off the event loop, the same as on it", async () => {
    expect(existsSync(builtWorker), "run `npm run build` first: worker threads run the built worker").toBe(
      true,
    );
    const where: boolean[] = [];
    const compute = insightsThreads({
      minPeople: 1_000,
      workerUrl: builtWorker,
      onComputed: (how) => where.push(how.offThread),
      onFallback: (error) => {
        throw error;
      },
    });
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 5);
    const report = await compute("synthetic", community, window);
    clearInterval(ticking);
    expect(where).toEqual([true]);
    // The event loop kept turning while the worker computed.
    expect(ticks).toBeGreaterThan(0);
    expect(report.people.length).toBe(1_500);
    expect(report.people.map((p) => p.betweenness)).toEqual(
      expected.people.map((p) => expect.closeTo(p.betweenness, 12)),
    );
    expect({ ...report, people: [] }).toEqual({ ...expected, people: [] });
  });

  it("computes small communities, and any with threads off, on the calling thread", async () => {
    const where: boolean[] = [];
    const onComputed = (how: { offThread: boolean }) => where.push(how.offThread);
    await insightsThreads({ workerUrl: builtWorker, onComputed })("synthetic", community, window);
    await insightsThreads({ threads: 0, minPeople: 1, workerUrl: builtWorker, onComputed })(
      "synthetic",
      community,
      window,
    );
    expect(where).toEqual([false, false]);
  });

  it("computes on the calling thread when the worker fails, and says why", async () => {
    const broken = path.join(mkdtempSync(path.join(tmpdir(), "peercircle-worker-")), "broken.mjs");
    writeFileSync(broken, 'throw new Error("the worker could not start");\n');
    const fallbacks: unknown[] = [];
    const report = await insightsThreads({
      minPeople: 1,
      workerUrl: pathToFileURL(broken),
      onFallback: (error) => fallbacks.push(error),
    })("synthetic", community, window);
    expect(String(fallbacks[0])).toContain("the worker could not start");
    expect(report.people.length).toBe(1_500);
  });
});
