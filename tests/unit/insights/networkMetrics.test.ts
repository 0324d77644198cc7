import { DirectedGraph } from "graphology";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { describe, expect, it } from "vitest";
import { articulationPoints } from "../../../src/domain/insights/articulationPoints.js";
import {
  addDependencies,
  BetweennessWorkspace,
  betweennessCentrality,
  normalisedBetweenness,
} from "../../../src/domain/insights/betweenness.js";
import { learningClusters } from "../../../src/domain/insights/clusters.js";
import {
  buildLearningNetwork,
  type Tie,
  undirectedOf,
} from "../../../src/domain/insights/learningNetwork.js";

// CommonJS with an ES default in its types: under NodeNext the checker sees the module object,
// while the default import is the function at run time.
const betweennessBaseline = betweennessModule as unknown as (
  graph: DirectedGraph,
  options: { getEdgeWeight: null },
) => Record<string, number>;

const both = (pairs: [string, string][]): Tie[] =>
  pairs.flatMap(([a, b]) => [
    { from: a, to: b },
    { from: b, to: a },
  ]);
const scoresOf = (people: string[], ties: Tie[]) => {
  const network = buildLearningNetwork(people, ties);
  const scores = betweennessCentrality(network);
  return Object.fromEntries(network.ids.map((id, v) => [id, scores[v]]));
};
/** 150 people and `count` ties between them drawn from a seeded generator (mulberry32). */
const people = Array.from({ length: 150 }, (_, i) => `p${i}`);
const randomTies = (seed: number, count: number): Tie[] => {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return Array.from({ length: count }, () => ({
    from: `p${Math.floor(random() * 150)}`,
    to: `p${Math.floor(random() * 150)}`,
  }));
};
const cutsOf = (people: string[], ties: Tie[]) => {
  const network = buildLearningNetwork(people, ties);
  return articulationPoints(undirectedOf(network)).map((v) => network.ids[v]);
};

describe("the learning network", () => {
  it("merges parallel ties into one weighted arc, drops ties with oneself and keeps people without ties", () => {
    const network = buildLearningNetwork(
      ["a", "b", "c"],
      [
        { from: "a", to: "b" },
        { from: "a", to: "b", weight: 2 },
        { from: "b", to: "b" },
        { from: "b", to: "a" },
      ],
    );
    expect(network.ids).toEqual(["a", "b", "c"]);
    expect([...network.outTarget]).toEqual([1, 0]);
    expect([...network.outWeight]).toEqual([3, 1]);
    expect([...network.inStart]).toEqual([0, 1, 2, 2]);
    const undirected = undirectedOf(network);
    expect([...undirected.weight]).toEqual([4, 4]);
  });
});

describe("betweenness (knowledge brokers)", () => {
  it("a → b → c: every path from a to c goes through b (1 of the (n−1)(n−2) = 2 ordered pairs)", () => {
    expect(
      scoresOf(
        ["a", "b", "c"],
        [
          { from: "a", to: "b" },
          { from: "b", to: "c" },
        ],
      ),
    ).toEqual({ a: 0, b: 0.5, c: 0 });
  });

  it("two shortest paths share the credit: a → b → d and a → c → d give b and c half each", () => {
    const s = scoresOf(
      ["a", "b", "c", "d"],
      [
        { from: "a", to: "b" },
        { from: "a", to: "c" },
        { from: "b", to: "d" },
        { from: "c", to: "d" },
      ],
    );
    expect(s.b).toBeCloseTo(0.5 / 6, 12);
    expect(s.c).toBeCloseTo(0.5 / 6, 12);
    expect(s.a).toBe(0);
    expect(s.d).toBe(0);
  });

  it("a path of five learning both ways: b carries 6 ordered pairs, c carries 8, of 12", () => {
    const s = scoresOf(
      ["a", "b", "c", "d", "e"],
      both([
        ["a", "b"],
        ["b", "c"],
        ["c", "d"],
        ["d", "e"],
      ]),
    );
    expect(s.b).toBeCloseTo(0.5, 12);
    expect(s.c).toBeCloseTo(8 / 12, 12);
    expect(s.d).toBeCloseTo(0.5, 12);
    expect(s.a).toBe(0);
  });

  it("a chain of 70 learning both ways (three batches of sources, 69 levels deep): i · (n − 1 − i) pairs each way", () => {
    const n = 70;
    const people = Array.from({ length: n }, (_, i) => `p${i}`);
    const s = scoresOf(
      people,
      both(people.slice(1).map((p, i) => [people[i] as string, p] as [string, string])),
    );
    for (let i = 0; i < n; i++)
      expect(s[`p${i}`]).toBeCloseTo((2 * i * (n - 1 - i)) / ((n - 1) * (n - 2)), 12);
  });

  it("agrees with graphology-metrics (unweighted, directed) to 1e-9 on a random network", () => {
    const ties = randomTies(7, 700);
    const ours = scoresOf(people, ties);
    const graph = new DirectedGraph();
    for (const p of people) graph.addNode(p);
    for (const t of ties) if (t.from !== t.to) graph.mergeEdge(t.from, t.to);
    const theirs = betweennessBaseline(graph, { getEdgeWeight: null });
    for (const p of people) expect(Math.abs((ours[p] ?? -1) - (theirs[p] ?? -2))).toBeLessThan(1e-9);
    expect(Object.values(ours).some((v) => (v ?? 0) > 0)).toBe(true);
  });
});

describe("articulation points (people whose absence cuts the network)", () => {
  it("a triangle with a tail: c and d cut, the triangle's others do not", () => {
    expect(
      cutsOf(
        ["a", "b", "c", "d", "e"],
        [
          { from: "a", to: "b" },
          { from: "b", to: "c" },
          { from: "c", to: "a" },
          { from: "d", to: "c" },
          { from: "d", to: "e" },
        ],
      ),
    ).toEqual(["c", "d"]);
  });

  it("a ring has none; a star has its centre; directions do not matter", () => {
    expect(
      cutsOf(
        ["a", "b", "c", "d"],
        [
          { from: "a", to: "b" },
          { from: "b", to: "c" },
          { from: "c", to: "d" },
          { from: "d", to: "a" },
        ],
      ),
    ).toEqual([]);
    expect(
      cutsOf(
        ["hub", "x", "y", "z"],
        [
          { from: "x", to: "hub" },
          { from: "hub", to: "y" },
          { from: "z", to: "hub" },
        ],
      ),
    ).toEqual(["hub"]);
  });

  it("a chain of 50,000 people does not overflow the stack: everyone but the two ends cuts it", () => {
    const people = Array.from({ length: 50_000 }, (_, i) => `p${i}`);
    const ties = people.slice(1).map((p, i) => ({ from: people[i] as string, to: p }));
    const cuts = cutsOf(people, ties);
    expect(cuts).toHaveLength(49_998);
    expect(cuts[0]).toBe("p1");
  });
});

describe("clusters (Louvain)", () => {
  it("two triangles joined by one tie are two clusters, each triangle together, largest first", () => {
    const network = buildLearningNetwork(
      ["a", "b", "c", "x", "y", "z", "alone"],
      both([
        ["a", "b"],
        ["b", "c"],
        ["c", "a"],
        ["x", "y"],
        ["y", "z"],
        ["z", "x"],
        ["c", "x"],
      ]),
    );
    const { clusterOf, count } = learningClusters(undirectedOf(network));
    const of = (id: string) => clusterOf[network.ids.indexOf(id)];
    expect(of("a")).toBe(of("b"));
    expect(of("b")).toBe(of("c"));
    expect(of("x")).toBe(of("y"));
    expect(of("y")).toBe(of("z"));
    expect(of("a")).not.toBe(of("x"));
    expect(of("alone")).not.toBe(of("a"));
    expect(of("alone")).not.toBe(of("x"));
    expect(count).toBe(3);
  });
});

describe("betweenness shared out by sources (what worker threads each add up)", () => {
  it("sums the same dependencies from any split of the sources as from all at once", () => {
    const network = buildLearningNetwork(people, randomTies(3, 900));
    const n = network.ids.length;
    const whole = betweennessCentrality(network);
    const parts = new Float64Array(n);
    // Splits off the 32-source batches, one reusing a workspace across calls.
    const workspace = new BetweennessWorkspace(n);
    for (const [first, last] of [
      [0, 7],
      [7, 70],
      [70, 71],
      [71, n],
    ] as const)
      addDependencies(network, n, first, last, parts, workspace);
    const split = normalisedBetweenness(parts);
    for (let v = 0; v < n; v++)
      expect(Math.abs((split[v] as number) - (whole[v] as number))).toBeLessThan(1e-12);
    expect(whole.some((score) => score > 0)).toBe(true);
  });
});
