import { describe, expect, it } from "vitest";
import type { PairingRule } from "../../../src/domain/activities/activity.js";
import { pairParticipants, type RecentPartners } from "../../../src/domain/activities/pairing.js";
import { pairingQuality } from "../../../src/domain/activities/pairingQuality.js";
import type { OrgPerson } from "../../../src/domain/people/peopleDirectory.js";
import { org } from "../../support/orgFixture.js";
import { extendOrg, profilesOf } from "./largeOrg.js";

const everyone = extendOrg(org.users, org.users.length);
const profiles = profilesOf(everyone);
const ids = (people: readonly OrgPerson[]) => people.map((p) => p.id);
/** A meeting of `n` fixture people, spread over the org (not just the top of the tree). */
const meeting = (n: number, offset = 0) =>
  ids(everyone.filter((_, i) => (i * 7 + offset) % 13 < 13).slice(offset, offset + n));

function expectEveryoneOnce(groups: string[][], participants: readonly string[]) {
  const placed = groups.flat();
  expect(placed).toHaveLength(new Set(participants).size);
  expect(new Set(placed)).toEqual(new Set(participants));
}

function expectPairsAndAtMostOneTrio(groups: string[][], n: number) {
  const sizes = groups.map((g) => g.length);
  if (n === 1) return expect(sizes).toEqual([1]);
  expect(sizes.filter((s) => s === 3)).toHaveLength(n % 2);
  expect(sizes.every((s) => s === 2 || s === 3)).toBe(true);
}

function recentOf(groups: string[][]): RecentPartners {
  const map = new Map<string, Set<string>>();
  for (const g of groups)
    for (const a of g) for (const b of g) if (a !== b) map.set(a, (map.get(a) ?? new Set()).add(b));
  return map;
}

describe("pairParticipants", () => {
  it("pairs across departments on the fixture org (40 people: every pair cross-department)", () => {
    const people = meeting(40, 50);
    const result = pairParticipants(people, profiles, new Map(), "cross-department", "activity-1");
    const quality = pairingQuality(result.groups, profiles);
    expect(result).toMatchObject({ appliedRule: "cross-department", degraded: false });
    expect(quality.crossDepartmentRate).toBe(1);
    expect(quality.sameManagerPairs).toBe(0);
  });

  it("beats chance on the whole fixture org (600 people)", () => {
    const people = ids(everyone);
    const paired = pairingQuality(
      pairParticipants(people, profiles, new Map(), "cross-department", "s").groups,
      profiles,
    );
    const random = pairingQuality(
      pairParticipants(people, undefined, new Map(), "cross-department", "s").groups,
      profiles,
    );
    expect(paired.crossDepartmentRate).toBe(1);
    expect(random.crossDepartmentRate).toBeLessThan(0.97);
    expect(paired.sameManagerPairs).toBe(0);
  });

  it("pairs as many across departments as possible when one department dominates", () => {
    const engineers = everyone.filter((p) => p.department === "Customer Success").slice(0, 30);
    const others = everyone.filter((p) => p.department === "Legal").slice(0, 10);
    const groups = pairParticipants(
      ids([...engineers, ...others]),
      profiles,
      new Map(),
      "cross-department",
      "x",
    ).groups;
    const crossGroups = groups.filter((g) => new Set(g.map((id) => profiles.get(id)?.department)).size > 1);
    expect(crossGroups).toHaveLength(10); // every Legal person is with someone from Customer Success
  });

  it.each([0, 1, 2, 3, 7, 40, 41, 599])(
    "leaves nobody out and makes one trio for an odd count (%i people)",
    (n) => {
      const people = ids(everyone.slice(0, n));
      for (const rule of ["cross-department", "random", "same-role"] as PairingRule[]) {
        const { groups } = pairParticipants(people, profiles, new Map(), rule, `seed-${n}`);
        expectEveryoneOnce(groups, people);
        if (n > 0) expectPairsAndAtMostOneTrio(groups, n);
        else expect(groups).toEqual([]);
      }
    },
  );

  it("ignores duplicates in the participant list", () => {
    const people = ids(everyone.slice(0, 10));
    const { groups } = pairParticipants(
      [...people, ...people.slice(0, 3)],
      profiles,
      new Map(),
      "random",
      "d",
    );
    expectEveryoneOnce(groups, people);
    expect(groups).toHaveLength(5);
  });

  it("is deterministic for a seed, whatever the input order", () => {
    const people = meeting(41, 100);
    const a = pairParticipants(people, profiles, new Map(), "cross-department", "same-seed");
    const b = pairParticipants([...people].reverse(), profiles, new Map(), "cross-department", "same-seed");
    const c = pairParticipants(people, profiles, new Map(), "cross-department", "other-seed");
    expect(b.groups).toEqual(a.groups);
    expect(c.groups).not.toEqual(a.groups);
  });

  it("avoids partners from the community's recent activities", () => {
    const people = meeting(40, 200);
    let recent: RecentPartners = new Map();
    const history: string[][][] = [];
    for (let round = 0; round < 3; round++) {
      const { groups } = pairParticipants(people, profiles, recent, "cross-department", `round-${round}`);
      expect(pairingQuality(groups, profiles, recent).repeatedPartnerPairs).toBe(0);
      history.push(groups);
      recent = recentOf(history.flat());
    }
  });

  it("avoids recent partners even with the same seed (the rule, not luck)", () => {
    const people = meeting(20, 300);
    const first = pairParticipants(people, profiles, new Map(), "random", "fixed");
    const second = pairParticipants(people, profiles, recentOf(first.groups), "random", "fixed");
    expect(pairingQuality(second.groups, profiles, recentOf(first.groups)).repeatedPartnerPairs).toBe(0);
  });

  it("avoids pairing people with the same manager, or someone with their manager", () => {
    const team = (manager: string, n: number): OrgPerson[] =>
      Array.from({ length: n }, (_, i) => ({
        id: `${manager}-report-${i}`,
        displayName: "x",
        department: "Ops",
        managerId: manager,
      }));
    const people: OrgPerson[] = [
      ...team("m1", 4),
      ...team("m2", 4),
      { id: "m1", displayName: "M1", department: "Ops", managerId: "boss" },
      { id: "m2", displayName: "M2", department: "Ops", managerId: "boss" },
    ];
    const local = profilesOf(people);
    for (const seed of ["a", "b", "c", "d", "e"]) {
      const { groups } = pairParticipants(ids(people), local, new Map(), "cross-department", seed);
      expect(pairingQuality(groups, local).sameManagerPairs).toBe(0);
      for (const g of groups)
        for (const a of g) expect(g.some((b) => local.get(b)?.managerId === a)).toBe(false);
    }
  });

  it("pairs people with the same job title under same-role", () => {
    const people = meeting(60, 0);
    const { groups, appliedRule } = pairParticipants(people, profiles, new Map(), "same-role", "roles");
    expect(appliedRule).toBe("same-role");
    const title = (id: string) => profiles.get(id)?.jobTitle;
    const counts = new Map<string | undefined, number>();
    for (const id of people) counts.set(title(id), (counts.get(title(id)) ?? 0) + 1);
    const possible = [...counts.values()].reduce((sum, c) => sum + Math.floor(c / 2), 0);
    const sameTitle = groups.filter(
      (g) => g.length === 2 && title(g[0] as string) === title(g[1] as string),
    ).length;
    expect(sameTitle).toBe(possible);
  });

  it("falls back to random with the recent-partner rule when profiles are missing (Graph down)", () => {
    const people = meeting(31, 400);
    const earlier = pairParticipants(people, undefined, new Map(), "cross-department", "before");
    const recent = recentOf(earlier.groups);
    const result = pairParticipants(people, undefined, recent, "cross-department", "after");
    expect(result).toMatchObject({ appliedRule: "random", degraded: true });
    expectEveryoneOnce(result.groups, people);
    expectPairsAndAtMostOneTrio(result.groups, 31);
    expect(pairingQuality(result.groups, undefined, recent).repeatedPartnerPairs).toBe(0);
    const empty = pairParticipants(people, new Map(), recent, "same-role", "after");
    expect(empty).toMatchObject({ appliedRule: "random", degraded: true });
  });

  it("keeps the rule and says so when only some profiles are known", () => {
    const people = meeting(20, 500);
    const some = new Map([...profiles].filter(([id]) => people.indexOf(id) % 2 === 0));
    const result = pairParticipants(people, some, new Map(), "cross-department", "partial");
    expect(result).toMatchObject({ appliedRule: "cross-department", degraded: true });
    const department = (id: string) => some.get(id)?.department;
    const sameKnownDepartment = result.groups.filter((g) => {
      const known = g.map(department).filter((d) => d !== undefined);
      return new Set(known).size < known.length;
    });
    expect(sameKnownDepartment).toEqual([]);
    expectEveryoneOnce(result.groups, people);
  });

  it("pairs 1,000 people from the extended org correctly", () => {
    const thousand = extendOrg(org.users, 1000);
    const all = profilesOf(thousand);
    const first = pairParticipants(ids(thousand), all, new Map(), "cross-department", "k1");
    expectEveryoneOnce(first.groups, ids(thousand));
    expectPairsAndAtMostOneTrio(first.groups, 1000);
    const q = pairingQuality(first.groups, all);
    expect(q.crossDepartmentRate).toBeGreaterThanOrEqual(0.99);
    expect(q.sameManagerPairs).toBe(0);
    const odd = ids(thousand).slice(0, 999);
    const second = pairParticipants(odd, all, recentOf(first.groups), "cross-department", "k2");
    expectPairsAndAtMostOneTrio(second.groups, 999);
    expect(pairingQuality(second.groups, all, recentOf(first.groups)).repeatedPartnerPairs).toBe(0);
  });
});
