import type { OrgPerson } from "../../people/peopleDirectory.js";
import { seededRandom, shuffleInPlace } from "../seededRandom.js";

/**
 * Groups that mix departments as far as the numbers allow (a peer review's reviewers): each
 * department's people are dealt to the groups in turn, the largest department first, so a
 * department never has two people in one group while another group has none of it, and a group
 * repeats a department only when some department has more people than there are groups. People
 * whose department is unknown (Graph slow or silent) are dealt last, as one department of their
 * own. `sizes` are the groups' sizes, larger first (balancedGroupSizes); `ids` distinct and
 * sorted. Pure and deterministic for a seed: the same people give the same groups everywhere.
 */
export function groupsAcrossDepartments(
  ids: readonly string[],
  sizes: readonly number[],
  profiles: ReadonlyMap<string, OrgPerson> | undefined,
  seed: string,
): string[][] {
  const random = seededRandom(`${seed}:departments`);
  const byDepartment = new Map<string, string[]>();
  for (const id of ids) {
    // Departments compared as people type them (case and spaces aside), as the pairing does.
    const department = profiles?.get(id)?.department?.trim().toLowerCase() ?? "";
    byDepartment.set(department, [...(byDepartment.get(department) ?? []), id]);
  }
  const departments = [...byDepartment.entries()]
    .sort(
      ([a, x], [b, y]) => Number(a === "") - Number(b === "") || y.length - x.length || a.localeCompare(b),
    )
    .map(([, people]) => shuffleInPlace(people, random));
  const groups = sizes.map(() => [] as string[]);
  // Dealt round the groups without restarting: a department's people land in consecutive
  // groups, so they spread evenly, and the next department starts where the last one stopped.
  let next = 0;
  for (const id of departments.flat()) {
    while ((groups[next % groups.length] as string[]).length >= (sizes[next % groups.length] as number))
      next++;
    (groups[next % groups.length] as string[]).push(id);
    next++;
  }
  return groups.filter((g) => g.length > 0);
}

/** How many different departments each group holds (unknown departments count as none). */
export function departmentsPerGroup(
  groups: readonly (readonly string[])[],
  profiles: ReadonlyMap<string, OrgPerson>,
): number[] {
  return groups.map(
    (g) =>
      new Set(g.map((id) => profiles.get(id)?.department?.trim().toLowerCase() ?? "").filter((d) => d !== ""))
        .size,
  );
}
