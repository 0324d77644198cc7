import { describe, expect, it } from "vitest";
import { formGroups, type GroupingContext } from "../../../src/domain/activities/grouping/formGroups.js";
import type { GroupingStrategy } from "../../../src/domain/activities/grouping/groupingStrategy.js";
import { hotSeatQueue } from "../../../src/domain/activities/grouping/hotSeat.js";
import { lateJoinerIndex, placeLateJoiner } from "../../../src/domain/activities/grouping/lateJoiner.js";

const context = (seed = "seed"): GroupingContext => ({ rule: "random", seed });
const cafe: GroupingStrategy = { kind: "rounds", size: 4, rounds: 3 };

describe("placeLateJoiner", () => {
  it("joins the smallest group, moving nobody", () => {
    const groups = [
      ["a", "b", "c", "d"],
      ["e", "f", "g"],
      ["h", "i", "j", "k"],
    ];
    const placed = placeLateJoiner(cafe, groups, "z", context());
    expect(placed.groupIndex).toBe(1);
    expect(placed.groups).toEqual([groups[0], ["e", "f", "g", "z"], groups[2]]);
    expect(groups[1]).toEqual(["e", "f", "g"]); // the input is left as it was
  });

  it("starts a new group of a kept `groups` round once every group is at its largest", () => {
    const module: GroupingStrategy = { kind: "groups", size: 5, min: 4, max: 6 };
    // The groups formed as the activity started, before anyone joined: everyone arrives late.
    let groups: string[][] = [];
    for (const id of Array.from({ length: 10 }, (_, i) => `p${i}`))
      groups = placeLateJoiner(module, groups, id, context()).groups;
    expect(groups.map((g) => g.length)).toEqual([6, 4]);
    // A café round still lets a group grow past its largest rather than seat someone alone.
    const full = [["a", "b", "c", "d", "e"]];
    expect(placeLateJoiner(cafe, full, "z", context()).groups).toEqual([["a", "b", "c", "d", "e", "z"]]);
  });

  it("passes over a group with someone they already met in an earlier round", () => {
    const previousRounds = [[["z", "e", "x", "y"]]];
    const groups = [
      ["a", "b", "c", "d"],
      ["e", "f", "g"],
      ["h", "i", "j"],
    ];
    const placed = placeLateJoiner(cafe, groups, "z", { ...context(), previousRounds });
    expect(placed.groupIndex).toBe(2);
    expect(placed.repeatMeetings).toBe(0);
  });

  it("lets a group grow to the largest size before meeting someone again, and beyond only when all are full", () => {
    const previousRounds = [[["z", "a", "e"]]];
    const full = [
      ["a", "b", "c", "d"],
      ["e", "f", "g", "h"],
      ["i", "j", "k", "l"],
    ];
    // Every group is at 4: the one where z meets nobody again grows to 5.
    expect(placeLateJoiner(cafe, full, "z", { ...context(), previousRounds }).groupIndex).toBe(2);
    const atMax = full.map((g, i) => (i === 2 ? [...g, `m${i}`, "n"] : [...g, `m${i}`]));
    const beyond = placeLateJoiner(cafe, atMax, "z", context());
    expect(beyond.groupIndex).toBe(0); // all at 5 or more: the smallest grows
    expect(beyond.groups[0]).toHaveLength(6);
  });

  it("counts the pairs meeting again across rounds when every group holds someone met before", () => {
    // z met a and e in the first round; both groups of this one hold one of them.
    const previousRounds = [[["z", "a", "e"]]];
    const groups = [
      ["a", "b"],
      ["e", "f"],
    ];
    const placed = placeLateJoiner(cafe, groups, "z", { ...context(), previousRounds });
    expect(placed.repeatMeetings).toBe(1);
    // Within one round nobody meets again.
    expect(placeLateJoiner(cafe, groups, "z", context()).repeatMeetings).toBe(0);
  });

  it("keeps someone already placed where they are, and starts a group when there is none", () => {
    const groups = [
      ["a", "b"],
      ["c", "d"],
    ];
    expect(placeLateJoiner({ kind: "pairs" }, groups, "c", context())).toMatchObject({
      groupIndex: 1,
      groups,
    });
    expect(placeLateJoiner(cafe, [], "z", context())).toMatchObject({ groupIndex: 0, groups: [["z"]] });
  });

  it("follows the strategy: a pair becomes a trio, a circle grows, no groups stay none", () => {
    const pairs = placeLateJoiner(
      { kind: "pairs" },
      [
        ["a", "b", "c"],
        ["d", "e"],
      ],
      "z",
      context(),
    );
    expect(pairs.groups).toEqual([
      ["a", "b", "c"],
      ["d", "e", "z"],
    ]);
    expect(
      placeLateJoiner({ kind: "circle" }, [["a", "b", "c", "d", "e", "f"]], "z", context()).groups,
    ).toEqual([["a", "b", "c", "d", "e", "f", "z"]]);
    expect(placeLateJoiner({ kind: "none" }, [], "z", context())).toMatchObject({
      groupIndex: -1,
      groups: [],
    });
  });

  it("places a stream of late joiners so the groups stay balanced", () => {
    const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
    let groups = formGroups(cafe, ids, context()).groups;
    for (let i = 0; i < 3; i++) groups = placeLateJoiner(cafe, groups, `late-${i}`, context()).groups;
    expect(groups.map((g) => g.length).sort()).toEqual([5, 5, 5]);
  });

  it("chooses as lateJoinerIndex does, which copies no group (what a join in a meeting of 300 asks)", () => {
    const module: GroupingStrategy = { kind: "groups", size: 2, min: 2, max: 3 };
    const cases: [GroupingStrategy, string[][], string][] = [
      [
        { kind: "pairs" },
        [
          ["a", "b", "c"],
          ["d", "e"],
        ],
        "z",
      ],
      [
        { kind: "pairs" },
        [
          ["a", "b"],
          ["c", "d"],
        ],
        "c",
      ],
      [cafe, [], "z"],
      [
        module,
        [
          ["a", "b", "c"],
          ["d", "e", "f"],
        ],
        "z",
      ],
      [{ kind: "none" }, [["a", "b"]], "z"],
      [{ kind: "circle" }, [["a", "b"]], "z"],
    ];
    for (const [strategy, groups, joiner] of cases) {
      const before = JSON.stringify(groups);
      const index = lateJoinerIndex(strategy, groups, joiner, context());
      expect(JSON.stringify(groups)).toBe(before);
      expect(index).toBe(placeLateJoiner(strategy, groups, joiner, context()).groupIndex);
    }
    // A new group's index is one past the last: the groups were full.
    expect(lateJoinerIndex(module, [["a", "b", "c"]], "z", context())).toBe(1);
  });
});

describe("hot seat", () => {
  const six = ["ana", "ben", "cleo", "dev", "eli", "fay"];

  it("rotates fairly over 10 sessions of 6 people: everyone once before anyone twice", () => {
    const history: string[] = [];
    for (let session = 0; session < 10; session++) {
      const { hotSeat, hotSeatQueue: queue } = formGroups({ kind: "hotSeat" }, six, {
        ...context(`session-${session}`),
        hotSeatHistory: history,
      });
      expect(queue?.[0]).toBe(hotSeat);
      history.push(hotSeat as string);
    }
    expect(new Set(history.slice(0, 6)).size).toBe(6);
    // The second time round goes in the same order as the first: longest ago first.
    expect(history.slice(6)).toEqual(history.slice(0, 4));
  });

  it("puts whoever has had it least first, then longest ago, and skips who is absent", () => {
    const history = ["ana", "ben", "cleo", "dev", "eli", "ana", "fay", "ben"];
    expect(hotSeatQueue(six, history, "s")).toEqual(["cleo", "dev", "eli", "fay", "ana", "ben"]);
    expect(hotSeatQueue(["ben", "ana", "fay"], history, "s")).toEqual(["fay", "ana", "ben"]);
  });

  it("breaks ties by the seed, the same way every time", () => {
    const first = hotSeatQueue(six, [], "s1");
    expect(hotSeatQueue([...six].reverse(), [], "s1")).toEqual(first);
    const picks = new Set(["s1", "s2", "s3", "s4", "s5", "s6"].map((seed) => hotSeatQueue(six, [], seed)[0]));
    expect(picks.size).toBeGreaterThan(1);
  });
});
