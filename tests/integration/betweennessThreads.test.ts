import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { betweennessThreads } from "../../src/compute/betweennessThreads.js";
import { betweennessCentrality } from "../../src/domain/insights/betweenness.js";
import { buildLearningNetwork, type Tie } from "../../src/domain/insights/learningNetwork.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Worker threads run JavaScript: the built worker (`npm test` builds before it runs vitest). */
const builtWorker = pathToFileURL(path.join(repoRoot, "dist/src/compute/betweennessWorker.js"));

/** 1,200 people in 12 teams, mostly learning within their team, seeded (mulberry32). */
function network() {
  let state = 17;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const people = Array.from({ length: 1_200 }, (_, i) => `person-${i}`);
  const ties: Tie[] = Array.from({ length: 6_000 }, () => {
    const from = Math.floor(random() * 1_200);
    const to = random() < 0.8 ? (from % 12) + 12 * Math.floor(random() * 100) : Math.floor(random() * 1_200);
    return { from: `person-${from}`, to: `person-${to}` };
  });
  return buildLearningNetwork(people, ties);
}

const expectSame = (actual: Float64Array, expected: Float64Array) => {
  expect(actual.length).toBe(expected.length);
  let largest = 0;
  for (let v = 0; v < expected.length; v++)
    largest = Math.max(largest, Math.abs((actual[v] as number) - (expected[v] as number)));
  expect(largest).toBeLessThan(1e-12);
};

describe("betweenness on worker threads", () => {
  const learning = network();
  const expected = betweennessCentrality(learning);

  it("shares the sources out over the threads and answers what one thread computes", async () => {
    expect(existsSync(builtWorker), "run `npm run build` first: worker threads run the built worker").toBe(
      true,
    );
    const seen: { people: number; threads: number }[] = [];
    const fallbacks: unknown[] = [];
    const compute = betweennessThreads({
      threads: 3,
      minPeople: 100,
      workerUrl: builtWorker,
      onComputed: (how) => seen.push(how),
      onFallback: (error) => fallbacks.push(error),
    });
    expectSame(await compute(learning), expected);
    expect(seen).toEqual([{ people: 1_200, threads: 3 }]);
    expect(fallbacks).toEqual([]);
    expect(expected.some((score) => score > 0)).toBe(true);
  });

  it("computes small networks, and any network with threads off, on the calling thread", async () => {
    const seen: number[] = [];
    const onComputed = (how: { threads: number }) => seen.push(how.threads);
    expectSame(await betweennessThreads({ workerUrl: builtWorker, onComputed })(learning), expected);
    expectSame(
      await betweennessThreads({ threads: 0, minPeople: 1, workerUrl: builtWorker, onComputed })(learning),
      expected,
    );
    expect(seen).toEqual([0, 0]);
  });

  it("computes on the calling thread when a thread fails, and says why", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "peercircle-worker-"));
    const broken = path.join(folder, "broken.mjs");
    writeFileSync(broken, 'throw new Error("the worker could not start");\n');
    const fallbacks: unknown[] = [];
    const seen: number[] = [];
    const compute = betweennessThreads({
      threads: 2,
      minPeople: 1,
      workerUrl: pathToFileURL(broken),
      onFallback: (error) => fallbacks.push(error),
      onComputed: (how) => seen.push(how.threads),
    });
    expectSame(await compute(learning), expected);
    expect(String(fallbacks[0])).toContain("the worker could not start");
    expect(seen).toEqual([0]);
  });
});
