import { describe, expect, it } from "vitest";
import {
  circleQueueOf,
  type HotSeatRecord,
  type StoredSwap,
} from "../../../src/domain/activities/circleMemory.js";
import { formGroups } from "../../../src/domain/activities/grouping/formGroups.js";
import { parseGroupingStrategy } from "../../../src/domain/activities/grouping/groupingStrategy.js";
import { withSwaps } from "../../../src/domain/activities/grouping/hotSeat.js";
import { placeLateJoiner } from "../../../src/domain/activities/grouping/lateJoiner.js";

const twelve = Array.from({ length: 12 }, (_, i) => `p${String(i + 1).padStart(2, "0")}`);
const person = (id: string) => ({ id, displayName: id.toUpperCase() });

describe("hot-seat circles of at most max", () => {
  it("splits 12 people into two circles of 6, the first two in the queue on the two hot seats", () => {
    const queue = [...twelve].reverse();
    const result = formGroups({ kind: "hotSeat", min: 4, max: 8 }, twelve, {
      rule: "random",
      seed: "s",
      hotSeatQueue: queue,
    });
    expect(result.groups.map((g) => g.length)).toEqual([6, 6]);
    expect(result.hotSeats).toEqual([queue[0], queue[1]]);
    expect(result.groups.every((g, i) => g.includes(result.hotSeats?.[i] as string))).toBe(true);
    expect(new Set(result.groups.flat())).toEqual(new Set(twelve));
  });

  it("keeps one circle up to max, and follows the given queue for its hot seat", () => {
    const six = twelve.slice(0, 6);
    const result = formGroups({ kind: "hotSeat", max: 8 }, six, {
      rule: "random",
      seed: "s",
      hotSeatQueue: ["p04", "p01"],
    });
    expect(result.groups).toHaveLength(1);
    expect(result.hotSeats).toEqual(["p04"]);
    // People the queue does not know come after it.
    expect(result.hotSeatQueue?.slice(0, 2)).toEqual(["p04", "p01"]);
    expect(result.hotSeatQueue).toHaveLength(6);
  });

  it("puts a late joiner into a circle below max, never above while one has room", () => {
    const placed = placeLateJoiner(
      { kind: "hotSeat", max: 4 },
      [
        ["a", "b", "c", "d"],
        ["e", "f", "g"],
      ],
      "z",
      { rule: "random", seed: "s" },
    );
    expect(placed.groupIndex).toBe(1);
  });

  it("refuses a smallest circle above the largest", () => {
    expect(() => parseGroupingStrategy({ kind: "hotSeat", min: 6, max: 4 })).toThrow(/smallest circle/);
    expect(() => parseGroupingStrategy({ kind: "hotSeat", size: 4 })).toThrow(/max and a min only/);
  });
});

describe("a community's hot-seat queue", () => {
  const seat = (activityId: string, at: string, hotSeat: string, members: string[]): HotSeatRecord => ({
    activityId,
    at,
    circles: [{ members: members.map(person), hotSeat }],
  });
  const swap = (a: string, b: string, at: string): StoredSwap => ({
    id: `${a}-${b}-${at}`,
    a,
    b,
    at,
    by: person(a),
  });
  const members = ["ana", "ben", "cleo", "dev"];

  it("rotates fairly: those who have not sat yet first, then who sat longest ago", () => {
    const log = {
      seats: [
        seat("m2", "2026-02-01T10:00:00Z", "ben", members),
        seat("m1", "2026-01-01T10:00:00Z", "ana", members),
      ],
      swaps: [],
    };
    const queue = circleQueueOf("c1", log);
    expect(queue.map((p) => p.person.id).slice(2)).toEqual(["ana", "ben"]);
    expect(new Set(queue.map((p) => p.person.id).slice(0, 2))).toEqual(new Set(["cleo", "dev"]));
    expect(queue.find((p) => p.person.id === "ben")).toMatchObject({
      times: 1,
      lastAt: "2026-02-01T10:00:00Z",
    });
    expect(queue[0]?.person.displayName).toBe(queue[0]?.person.id.toUpperCase());
  });

  it("applies the swaps made since the last circle, in order, and forgets older ones", () => {
    const seats = [seat("m1", "2026-01-01T10:00:00Z", "ana", members)];
    const before = circleQueueOf("c1", { seats, swaps: [] }).map((p) => p.person.id);
    const [first, second] = before as [string, string];
    const swapped = circleQueueOf("c1", { seats, swaps: [swap(first, second, "2026-01-05T00:00:00Z")] });
    expect(swapped.map((p) => p.person.id).slice(0, 2)).toEqual([second, first]);
    const stale = circleQueueOf("c1", { seats, swaps: [swap(first, second, "2025-12-30T00:00:00Z")] });
    expect(stale.map((p) => p.person.id)).toEqual(before);
  });

  it("orders the people present when circles are formed, newcomers included", () => {
    const log = { seats: [seat("m1", "2026-01-01T10:00:00Z", "ana", members)], swaps: [] };
    const queue = circleQueueOf("c1", log, [person("ana"), person("zoe")]);
    expect(queue.map((p) => p.person.id)).toEqual(["zoe", "ana"]);
  });

  it("is the same for everyone who asks (seeded by the community)", () => {
    const log = { seats: [], swaps: [] };
    const present = members.map(person);
    expect(circleQueueOf("c1", log, present)).toEqual(circleQueueOf("c1", log, [...present].reverse()));
  });

  it("swaps trade two places; a swap naming someone absent changes nothing", () => {
    expect(withSwaps(["a", "b", "c"], [{ a: "a", b: "c" }])).toEqual(["c", "b", "a"]);
    expect(withSwaps(["a", "b", "c"], [{ a: "a", b: "x" }])).toEqual(["a", "b", "c"]);
  });
});
