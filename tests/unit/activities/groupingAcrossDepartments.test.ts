import { describe, expect, it } from "vitest";
import { definitionProblems } from "../../../src/domain/activities/activityFormat.js";
import { formatOf } from "../../../src/domain/activities/activityFormats.js";
import { departmentsPerGroup } from "../../../src/domain/activities/grouping/acrossDepartments.js";
import { formGroups } from "../../../src/domain/activities/grouping/formGroups.js";
import { parseGroupingStrategy } from "../../../src/domain/activities/grouping/groupingStrategy.js";
import { placeLateJoiner } from "../../../src/domain/activities/grouping/lateJoiner.js";
import { keptOutOfGroups } from "../../../src/domain/activities/groupingRounds.js";
import type { OrgPerson } from "../../../src/domain/people/peopleDirectory.js";

/** Fixture people: `Sales:4, Engineering:3, Legal:2` makes s0–s3, e0–e2, l0–l1 in those departments. */
function staff(spec: Record<string, number>): Map<string, OrgPerson> {
  const people = new Map<string, OrgPerson>();
  for (const [department, count] of Object.entries(spec))
    for (let i = 0; i < count; i++) {
      const id = `${department.slice(0, 2).toLowerCase()}${i}`;
      people.set(id, { id, displayName: id, department });
    }
  return people;
}

const strategy = parseGroupingStrategy({ kind: "acrossDepartments", size: 3 });
const context = (profiles?: ReadonlyMap<string, OrgPerson>, seed = "review-1") => ({
  profiles,
  rule: "random" as const,
  seed,
});

/** Each department's people per group: they differ by at most one across the groups. */
function spread(groups: string[][], profiles: ReadonlyMap<string, OrgPerson>) {
  const departments = new Set([...profiles.values()].map((p) => p.department));
  return [...departments].map((d) => {
    const counts = groups.map((g) => g.filter((id) => profiles.get(id)?.department === d).length);
    return Math.max(...counts) - Math.min(...counts);
  });
}

describe("reviewers across departments (acrossDepartments)", () => {
  it("gives every group one person of each department when no department outnumbers the groups", () => {
    const profiles = staff({ Sales: 3, Engineering: 3, Legal: 3, Finance: 3 });
    const { groups, appliedRule } = formGroups(strategy, [...profiles.keys()], context(profiles));
    expect(groups.map((g) => g.length)).toEqual([3, 3, 3, 3]);
    // Three people from four departments: three departments in every group.
    expect(departmentsPerGroup(groups, profiles)).toEqual([3, 3, 3, 3]);
    expect(appliedRule).toBe("cross-department");
  });

  it("spreads a large department evenly, repeating it in a group only when the numbers force it", () => {
    const profiles = staff({ Sales: 4, Engineering: 3, Legal: 2 });
    const ids = [...profiles.keys()];
    const { groups } = formGroups(strategy, ids, context(profiles));
    expect(groups.flat().sort()).toEqual(ids.sort());
    expect(spread(groups, profiles)).toEqual([1, 0, 1]);
    // Four Sales people in three groups: one group has two of them, so 3 + 3 + 2 departments at best.
    expect(departmentsPerGroup(groups, profiles).sort()).toEqual([2, 3, 3]);
  });

  it("seats 20 people of 4 departments in groups of 4 with all four departments, for any seed", () => {
    const profiles = staff({ Sales: 5, Engineering: 5, Legal: 5, Support: 5 });
    const ids = [...profiles.keys()];
    for (const seed of ["a", "b", "c", "d"]) {
      const { groups } = formGroups({ kind: "acrossDepartments", size: 4 }, ids, context(profiles, seed));
      expect(departmentsPerGroup(groups, profiles)).toEqual([4, 4, 4, 4, 4]);
    }
  });

  it("is the same for the same seed on any instance, in any order, and random without profiles", () => {
    const profiles = staff({ Sales: 4, Engineering: 3, Legal: 2 });
    const ids = [...profiles.keys()];
    const one = formGroups(strategy, ids, context(profiles)).groups;
    expect(formGroups(strategy, [...ids].reverse(), context(profiles)).groups).toEqual(one);
    const blind = formGroups(strategy, ids, context(undefined));
    expect(blind.appliedRule).toBe("random");
    expect(blind.degraded).toBe(true);
    expect(blind.groups.flat().sort()).toEqual([...ids].sort());
  });

  it("places a late reviewer in a group without moving anyone", () => {
    const profiles = staff({ Sales: 3, Engineering: 3 });
    const { groups } = formGroups(strategy, [...profiles.keys()], context(profiles));
    const placed = placeLateJoiner(strategy, groups, "late", context(profiles));
    expect(placed.groups.flat()).toContain("late");
    expect(placed.groups.map((g) => g.filter((id) => id !== "late"))).toEqual(groups);
  });

  it("refuses wrong settings and keeps out only held roles the format declares", () => {
    expect(() => parseGroupingStrategy({ kind: "acrossDepartments", size: 1 })).toThrow(
      "A group has at least 2 people.",
    );
    expect(() => parseGroupingStrategy({ kind: "acrossDepartments", size: 3, rounds: 2 })).toThrow(
      'The grouping "acrossDepartments" takes a size, min, max and the roles kept out only.',
    );
    const format = formatOf("case-round");
    const keepingOut = (without: string[]) => ({
      ...format,
      phases: format.phases.map((p, i) =>
        i === 1 ? { ...p, grouping: { kind: "acrossDepartments" as const, size: 3, without } } : p,
      ),
    });
    expect(definitionProblems(keepingOut(["narrator"]))).toEqual([]);
    expect(definitionProblems(keepingOut(["author"]))).toEqual([
      'phase "ask" keeps the author out of its groups, not a held role of the format',
    ]);
  });

  it("knows whose role keeps them out of a round's groups", () => {
    const format = formatOf("case-round");
    const withGroups = {
      ...format,
      phases: format.phases.map((p, i) =>
        i === 1
          ? { ...p, grouping: { kind: "acrossDepartments" as const, size: 3, without: ["narrator"] } }
          : p,
      ),
    };
    const activity = {
      format: "case-round",
      phases: format.phases.map((p) => ({ id: p.id, minutes: p.defaultMinutes })),
      roleHolders: { narrator: { id: "u-narrator" } },
    };
    expect(keptOutOfGroups(activity, withGroups, 0, "u-narrator")).toBe(true);
    expect(keptOutOfGroups(activity, withGroups, 0, "u-reviewer")).toBe(false);
    expect(keptOutOfGroups({ ...activity, roleHolders: {} }, withGroups, 0, "u-narrator")).toBe(false);
  });
});
