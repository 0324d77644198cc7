import { describe, expect, it } from "vitest";
import { affinePlaneRounds } from "../../../src/domain/activities/grouping/affinePlane.js";
import {
  formGroups,
  formRounds,
  type GroupingContext,
} from "../../../src/domain/activities/grouping/formGroups.js";
import { groupingQuality } from "../../../src/domain/activities/grouping/groupingQuality.js";
import type { GroupingStrategy } from "../../../src/domain/activities/grouping/groupingStrategy.js";
import { balancedGroupSizes } from "../../../src/domain/activities/grouping/groupSizes.js";
import { meetingsByPair, repeatMeetings } from "../../../src/domain/activities/grouping/meetingCounts.js";
import { unavoidableRepeats } from "../../../src/domain/activities/grouping/roundsPlan.js";
import { org } from "../../support/orgFixture.js";
import { extendOrg, profilesOf } from "./largeOrg.js";

const people = (n: number, prefix = "p") =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`);
const context = (seed = "seed"): GroupingContext => ({ rule: "random", seed });
const rounds = (size: number, count: number): GroupingStrategy => ({ kind: "rounds", size, rounds: count });

/** Forms the rounds one at a time, as the engine does when each round begins. */
function roundByRound(strategy: GroupingStrategy & { kind: "rounds" }, ids: string[], ctx: GroupingContext) {
  const formed: string[][][] = [];
  for (let k = 0; k < strategy.rounds; k++)
    formed.push(formGroups(strategy, ids, { ...ctx, previousRounds: formed }).groups);
  return formed;
}

describe("rounds", () => {
  it.each([0, 1, 2, 3, 5, 7, 12, 13, 200])(
    "holds everyone exactly once per round in balanced groups (%i people, groups of 4, 3 rounds)",
    (n) => {
      const { rounds: formed } = formRounds(rounds(4, 3), people(n), context());
      expect(formed).toHaveLength(3);
      for (const groups of formed) {
        expect(new Set(groups.flat())).toEqual(new Set(people(n)));
        expect(groups.flat()).toHaveLength(n);
        expect(groups.map((g) => g.length)).toEqual(balancedGroupSizes(n, 4, 3, 5));
      }
    },
  );

  it("12 people in groups of 4 for 3 rounds: 3 repeated pairs, the fewest possible", () => {
    // Three groups of 4 cannot be re-formed from three old groups without two old group-mates
    // together (pigeonhole), so every round after the first repeats at least one pair per group;
    // the best keeps those same three pairs together in round 3.
    for (const seed of ["a", "b", "c"]) {
      const { rounds: formed, repeatMeetings: repeats } = formRounds(rounds(4, 3), people(12), context(seed));
      expect(repeats).toBe(3);
      expect(formed.every((groups) => groups.every((g) => g.length === 4))).toBe(true);
    }
  });

  it("knows the floor under repeats that no regrouping avoids", () => {
    const fours = [
      [
        ["a", "b", "c", "d"],
        ["e", "f", "g", "h"],
        ["i", "j", "k", "l"],
      ],
    ];
    // Any second round of 3 groups of 4 from 3 old groups: at least one old pair per group.
    expect(unavoidableRepeats([...fours, fours[0] ?? []])).toBe(3);
    expect(
      unavoidableRepeats([
        [
          ["a", "b"],
          ["c", "d"],
          ["e", "f"],
        ],
        [
          ["a", "c"],
          ["b", "e"],
          ["d", "f"],
        ],
      ]),
    ).toBe(0);
    expect(unavoidableRepeats(fours)).toBe(0);
  });

  it.each([3, 4, 5])("16 people in groups of 4 for %i rounds: nobody meets anyone twice", (count) => {
    for (const seed of ["a", "b"]) {
      const formed = roundByRound({ kind: "rounds", size: 4, rounds: count }, people(16), context(seed));
      expect(repeatMeetings(formed)).toBe(0);
      if (count === 5) {
        // Everyone has met all 15 others exactly once: the affine plane of order 4.
        const meetings = meetingsByPair(formed);
        expect(meetings.size).toBe((16 * 15) / 2);
        expect([...meetings.values()].every((times) => times === 1)).toBe(true);
      }
    }
  });

  it("seats 16 people on the plane so that departments mix, still meeting nobody twice", () => {
    const everyone = extendOrg(org.users, 600);
    // Four departments, four people each: a random seating puts colleagues together often.
    const departments = [...new Set(everyone.map((p) => p.department))]
      .filter((d) => everyone.filter((p) => p.department === d).length >= 4)
      .slice(0, 4);
    const sixteen = departments.flatMap((d) => everyone.filter((p) => p.department === d).slice(0, 4));
    const profiles = profilesOf(sixteen);
    const ids = sixteen.map((p) => p.id);
    expect(ids).toHaveLength(16);
    const strategy = { kind: "rounds", size: 4, rounds: 3 } as const;
    for (const seed of ["a", "b", "c"]) {
      const mixed = roundByRound(strategy, ids, { profiles, rule: "cross-department", seed });
      const blind = roundByRound(strategy, ids, { rule: "cross-department", seed });
      expect(repeatMeetings(mixed)).toBe(0);
      // Each round can put the four colleagues of a department in four different groups.
      expect(groupingQuality(mixed, profiles).crossDepartmentRate).toBe(1);
      expect(groupingQuality(blind, profiles).crossDepartmentRate).toBeLessThan(1);
    }
  });

  it.each([
    [9, 3, 4],
    [20, 4, 4],
    [20, 4, 5],
    [25, 5, 6],
    [28, 4, 5],
    [36, 6, 3],
    [13, 4, 3],
    [100, 4, 8],
    [200, 4, 3],
    [200, 5, 6],
  ])("%i people in groups of %i for %i rounds: no repeated meeting", (n, size, count) => {
    const formed = roundByRound({ kind: "rounds", size, rounds: count }, people(n), context(`${n}`));
    expect(repeatMeetings(formed)).toBe(0);
  });

  it("gives the same rounds formed one at a time as all at once", () => {
    for (const [n, size] of [
      [16, 4],
      [20, 4],
      [12, 4],
      [30, 3],
    ] as const) {
      const strategy = { kind: "rounds", size, rounds: 4 } as const;
      expect(roundByRound(strategy, people(n), context("same"))).toEqual(
        formRounds(strategy, people(n), context("same")).rounds,
      );
    }
  });

  it("forms the next round around who left and who arrived, meeting nobody again", () => {
    const ids = people(40);
    const first = formGroups(rounds(4, 3), ids, context()).groups;
    const now = [...ids.slice(3), "new-1", "new-2"];
    const second = formGroups(rounds(4, 3), now, { ...context(), previousRounds: [first] });
    expect(new Set(second.groups.flat())).toEqual(new Set(now));
    expect(second.groups.flat()).toHaveLength(now.length);
    expect(second.repeatMeetings).toBe(0);
  });

  it("prefers other departments, with repeats still first", () => {
    const everyone = extendOrg(org.users, 200);
    const profiles = profilesOf(everyone);
    const ids = everyone.map((p) => p.id);
    const ctx: GroupingContext = { profiles, rule: "cross-department", seed: "dept" };
    const mixed = formRounds(rounds(4, 3), ids, ctx);
    const blind = formRounds(rounds(4, 3), ids, { rule: "cross-department", seed: "dept" });
    expect(mixed.repeatMeetings).toBe(0);
    const quality = groupingQuality(mixed.rounds, profiles);
    expect(quality.everyoneOncePerRound).toBe(true);
    expect(quality.crossDepartmentRate).toBeGreaterThan(
      groupingQuality(blind.rounds, profiles).crossDepartmentRate,
    );
  });
});

describe("affinePlaneRounds", () => {
  it.each([2, 3, 4, 5, 7, 8, 9])("order %i: q + 1 rounds of q groups of q, every pair once", (q) => {
    const plane = affinePlaneRounds(q);
    expect(plane).toHaveLength(q + 1);
    const asIds = (plane ?? []).map((groups) => groups.map((g) => g.map(String)));
    for (const groups of asIds) {
      expect(groups).toHaveLength(q);
      expect(groups.every((g) => g.length === q)).toBe(true);
      expect(new Set(groups.flat()).size).toBe(q * q);
    }
    const meetings = meetingsByPair(asIds);
    expect(meetings.size).toBe((q * q * (q * q - 1)) / 2);
    expect([...meetings.values()].every((times) => times === 1)).toBe(true);
  });

  it("has none for orders without a finite field here (6, 10)", () => {
    expect(affinePlaneRounds(6)).toBeUndefined();
    expect(affinePlaneRounds(10)).toBeUndefined();
  });
});
