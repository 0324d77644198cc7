import { describe, expect, it } from "vitest";
import { formGroups, type GroupingContext } from "../../../src/domain/activities/grouping/formGroups.js";
import { groupingQuality } from "../../../src/domain/activities/grouping/groupingQuality.js";
import {
  boundsOf,
  type GroupingStrategy,
  parseGroupingStrategy,
} from "../../../src/domain/activities/grouping/groupingStrategy.js";
import { balancedGroupSizes } from "../../../src/domain/activities/grouping/groupSizes.js";
import { extraMeetings, repeatMeetings } from "../../../src/domain/activities/grouping/meetingCounts.js";
import { pairParticipants } from "../../../src/domain/activities/pairing.js";
import { ValidationError } from "../../../src/domain/errors.js";
import { org } from "../../support/orgFixture.js";
import { extendOrg, profilesOf } from "./largeOrg.js";

const people = (n: number, prefix = "p") =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`);
const context = (seed = "seed"): GroupingContext => ({ rule: "random", seed });
const COUNTS = [0, 1, 2, 3, 5, 7, 12, 13, 200];

function expectEveryoneOnce(groups: string[][], participants: readonly string[]) {
  const placed = groups.flat();
  expect(placed).toHaveLength(new Set(participants).size);
  expect(new Set(placed)).toEqual(new Set(participants));
}

describe("balancedGroupSizes", () => {
  it.each([
    [0, 4, []],
    [1, 4, [1]],
    [2, 4, [2]],
    [3, 4, [3]],
    [5, 4, [5]],
    [6, 4, [3, 3]],
    [7, 4, [4, 3]],
    [12, 4, [4, 4, 4]],
    [13, 4, [4, 3, 3, 3]],
    [5, 2, [3, 2]],
    [7, 3, [3, 2, 2]],
  ])("%i people in groups of %i make %j", (count, size, sizes) => {
    const { min, max } = boundsOf({ size });
    expect(balancedGroupSizes(count, size, min, max)).toEqual(sizes);
  });

  it("balances every count: sizes differ by at most one, nobody alone, within bounds once the count allows", () => {
    for (let size = 2; size <= 8; size++) {
      const { min, max } = boundsOf({ size });
      for (let count = 2; count <= 250; count++) {
        const sizes = balancedGroupSizes(count, size, min, max);
        expect(sizes.reduce((s, x) => s + x, 0)).toBe(count);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
        if (count >= size * size) {
          expect(Math.min(...sizes)).toBeGreaterThanOrEqual(min);
          expect(Math.max(...sizes)).toBeLessThanOrEqual(max);
        }
      }
    }
  });

  it("keeps to explicit bounds (groups of 4–6 for a module of 5)", () => {
    expect(balancedGroupSizes(14, 5, 4, 6)).toEqual([5, 5, 4]);
    expect(balancedGroupSizes(7, 5, 4, 6)).toEqual([4, 3]);
  });
});

describe("parseGroupingStrategy", () => {
  it.each<[string, unknown]>([
    ["a group of 1", { kind: "groups", size: 1 }],
    ["a group of 0", { kind: "rounds", size: 0, rounds: 3 }],
    ["a fractional size", { kind: "groups", size: 2.5 }],
    ["no rounds", { kind: "rounds", size: 4, rounds: 0 }],
    ["too many rounds", { kind: "rounds", size: 4, rounds: 21 }],
    ["a smallest group above the size", { kind: "groups", size: 4, min: 5 }],
    ["a largest group below the size", { kind: "groups", size: 4, max: 3 }],
    ["a smallest group of 1", { kind: "groups", size: 4, min: 1 }],
    ["an unknown kind", { kind: "triangles" }],
    ["a size on pairs", { kind: "pairs", size: 3 }],
    ["rounds without a count", { kind: "rounds", size: 4 }],
    ["nothing", undefined],
  ])("refuses %s with a ValidationError", (_what, strategy) => {
    expect(() => parseGroupingStrategy(strategy)).toThrow(ValidationError);
    expect(() => formGroups(strategy as GroupingStrategy, people(8), context())).toThrow(ValidationError);
  });

  it("names the field to fix", () => {
    try {
      parseGroupingStrategy({ kind: "groups", size: 1 });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        { field: "size", message: "A group has at least 2 people." },
      ]);
    }
  });

  it("says in words which settings a kind takes", () => {
    expect(() => parseGroupingStrategy({ kind: "pairs", size: 3 })).toThrow(
      'The grouping "pairs" takes no settings.',
    );
    expect(() => parseGroupingStrategy({ kind: "groups", size: 4, sise: 3 })).toThrow(
      'The grouping "groups" takes a size, min and max only.',
    );
  });

  it("refuses a round beyond the strategy's rounds", () => {
    const strategy: GroupingStrategy = { kind: "rounds", size: 4, rounds: 1 };
    const first = formGroups(strategy, people(8), context()).groups;
    expect(() => formGroups(strategy, people(8), { ...context(), previousRounds: [first] })).toThrow(
      ValidationError,
    );
  });
});

describe("formGroups", () => {
  it.each(COUNTS)("none: no groups (%i people)", (n) => {
    expect(formGroups({ kind: "none" }, people(n), context()).groups).toEqual([]);
  });

  it.each(COUNTS)("circle and hotSeat: one group of everyone (%i people)", (n) => {
    for (const kind of ["circle", "hotSeat"] as const) {
      const { groups, hotSeat } = formGroups({ kind }, people(n), context());
      expect(groups).toHaveLength(n === 0 ? 0 : 1);
      expectEveryoneOnce(groups, people(n));
      if (kind === "hotSeat" && n > 0) expect(people(n)).toContain(hotSeat);
    }
  });

  it.each(COUNTS)("pairs: the pairing of pairParticipants (%i people)", (n) => {
    const everyone = extendOrg(org.users, 200);
    const profiles = profilesOf(everyone);
    const ids = everyone.slice(0, n).map((p) => p.id);
    const result = formGroups({ kind: "pairs" }, ids, { profiles, rule: "cross-department", seed: "s" });
    const paired = pairParticipants(ids, profiles, new Map(), "cross-department", "s");
    expect(result.groups).toEqual(paired.groups);
    expect(result.appliedRule).toBe(paired.appliedRule);
    expectEveryoneOnce(result.groups, ids);
  });

  it("pairs: nobody is paired again with a partner from an earlier round of the phase", () => {
    const ids = people(20);
    const formed: string[][][] = [];
    for (let round = 0; round < 4; round++)
      formed.push(
        formGroups({ kind: "pairs" }, ids, { ...context(`r${round}`), previousRounds: formed }).groups,
      );
    expect(repeatMeetings(formed)).toBe(0);
  });

  it.each(COUNTS)(
    "groups of 4: everyone once, balanced within 3–5 where the count allows (%i people)",
    (n) => {
      const { groups, repeatMeetings: repeats } = formGroups(
        { kind: "groups", size: 4 },
        people(n),
        context(),
      );
      expectEveryoneOnce(groups, people(n));
      expect(groups.map((g) => g.length)).toEqual(balancedGroupSizes(n, 4, 3, 5));
      expect(repeats).toBe(0);
    },
  );

  it("ignores duplicates and the order participants come in", () => {
    const ids = people(13);
    const a = formGroups({ kind: "groups", size: 4 }, ids, context("x"));
    const b = formGroups(
      { kind: "groups", size: 4 },
      [...ids].reverse().concat(ids.slice(0, 4)),
      context("x"),
    );
    expect(b.groups).toEqual(a.groups);
  });

  it("is deterministic for a seed and varies with it, for every strategy that draws", () => {
    const strategies: GroupingStrategy[] = [
      { kind: "groups", size: 4 },
      { kind: "rounds", size: 4, rounds: 3 },
      { kind: "circle" },
      { kind: "hotSeat" },
    ];
    for (const strategy of strategies) {
      const once = formGroups(strategy, people(40), context("a"));
      expect(formGroups(strategy, people(40), context("a"))).toEqual(once);
      const others = ["b", "c", "d"].map((seed) => formGroups(strategy, people(40), context(seed)));
      expect(others.some((other) => JSON.stringify(other) !== JSON.stringify(once))).toBe(true);
    }
  });

  it("mixes departments when profiles are given, and says when it could not", () => {
    const everyone = extendOrg(org.users, 200);
    const profiles = profilesOf(everyone);
    const ids = everyone.map((p) => p.id);
    const strategy: GroupingStrategy = { kind: "groups", size: 4 };
    const mixed = formGroups(strategy, ids, { profiles, rule: "cross-department", seed: "m" });
    const blind = formGroups(strategy, ids, { rule: "cross-department", seed: "m" });
    expect(mixed).toMatchObject({ appliedRule: "cross-department", degraded: false });
    expect(blind).toMatchObject({ appliedRule: "random", degraded: true });
    const mixedRate = groupingQuality([mixed.groups], profiles).crossDepartmentRate;
    const blindRate = groupingQuality([blind.groups], profiles).crossDepartmentRate;
    expect(mixedRate).toBeGreaterThan(blindRate);
    expect(mixedRate).toBeGreaterThan(0.97);
  });

  it("puts people with the same job title together under same-role", () => {
    const titles = ["Engineer", "Designer", "Analyst", "Writer", "Lawyer", "Nurse"];
    const staff = titles.flatMap((title) =>
      Array.from({ length: 4 }, (_, i) => ({ id: `${title}-${i}`, displayName: title, jobTitle: title })),
    );
    const profiles = new Map(staff.map((p) => [p.id, p]));
    const { groups, appliedRule } = formGroups(
      { kind: "groups", size: 4 },
      staff.map((p) => p.id),
      { profiles, rule: "same-role", seed: "roles" },
    );
    expect(appliedRule).toBe("same-role");
    for (const group of groups) expect(new Set(group.map((id) => profiles.get(id)?.jobTitle)).size).toBe(1);
  });

  it("keeps recent partners apart when it can", () => {
    const ids = people(40);
    const first = formGroups({ kind: "groups", size: 4 }, ids, context("r1")).groups;
    const recentPartners = new Map<string, Set<string>>();
    for (const g of first) for (const a of g) recentPartners.set(a, new Set(g.filter((b) => b !== a)));
    const second = formGroups({ kind: "groups", size: 4 }, ids, { ...context("r1"), recentPartners }).groups;
    expect(groupingQuality([second], undefined, recentPartners).repeatedPartnerPairs).toBe(0);
  });
});

describe("repeatMeetings", () => {
  it("counts pairs who meet in more than one round, once each", () => {
    const rounds = [
      [
        ["a", "b", "c"],
        ["d", "e", "f"],
      ],
      [
        ["a", "b", "d"],
        ["c", "e", "f"],
      ],
      [
        ["a", "b", "e"],
        ["c", "d", "f"],
      ],
    ];
    // a–b three times; e–f, c–f and d–f twice.
    expect(repeatMeetings(rounds)).toBe(4);
    expect(extraMeetings(rounds)).toBe(5);
    expect(repeatMeetings(rounds.slice(0, 1))).toBe(0);
  });

  it("tells a round that holds someone twice", () => {
    expect(
      groupingQuality(
        [
          [
            ["a", "b"],
            ["b", "c"],
          ],
        ],
        undefined,
      ).everyoneOncePerRound,
    ).toBe(false);
    expect(
      groupingQuality(
        [
          [
            ["a", "b"],
            ["c", "d"],
          ],
        ],
        undefined,
      ).everyoneOncePerRound,
    ).toBe(true);
  });
});
