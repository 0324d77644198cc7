import { type LearningFact, type MemberFact, type Range, TIE_KINDS, within } from "./insightsFacts.js";

/** No aggregate describes fewer people than this (Viva Insights' minimum group size, PLATFORM.md). */
export const MIN_GROUP_SIZE = 5;

export interface DepartmentReach {
  department: string;
  /** Members of the community in that department (at least the minimum group size). */
  people: number;
  /** Ties in the window with someone of this department at one end. */
  ties: number;
  /** The share of those ties that reach another department (0..1), null without ties. */
  crossShare: number | null;
}

export interface CrossDepartmentReach {
  /** The share of ties across departments, null when too few people (or no ties) stand behind it. */
  share: number | null;
  /** Ties whose two ends have a known department. */
  ties: number;
  departments: DepartmentReach[];
  /** Departments left out because fewer than the minimum group size of members are in them. */
  smallDepartments: number;
}

/**
 * The share of the window's ties that cross departments (from the org context), overall and for
 * each department with at least {@link MIN_GROUP_SIZE} members; smaller departments are only
 * counted, never shown, and the overall share needs that many people behind it too.
 */
export function crossDepartmentReach(
  members: readonly MemberFact[],
  facts: readonly LearningFact[],
  window: Range,
  minGroupSize = MIN_GROUP_SIZE,
): CrossDepartmentReach {
  const departmentOf = new Map<string, string>();
  const sizes = new Map<string, number>();
  for (const m of members)
    if (m.department) {
      departmentOf.set(m.id, m.department);
      sizes.set(m.department, (sizes.get(m.department) ?? 0) + 1);
    }
  const seen = new Set<string>();
  const per = new Map<string, { ties: number; cross: number }>();
  const people = new Set<string>();
  let ties = 0;
  let cross = 0;
  for (const f of facts) {
    if (!TIE_KINDS.has(f.kind) || f.from === f.to || !within(f.at, window)) continue;
    const a = departmentOf.get(f.from);
    const b = departmentOf.get(f.to);
    if (!a || !b) continue;
    // A tie is one pair of people whatever its direction or how many facts make it.
    const key = f.from < f.to ? `${f.from}\u0000${f.to}` : `${f.to}\u0000${f.from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    people.add(f.from).add(f.to);
    ties++;
    const crosses = a !== b;
    if (crosses) cross++;
    for (const d of crosses ? [a, b] : [a]) {
      const entry = per.get(d) ?? { ties: 0, cross: 0 };
      entry.ties++;
      if (crosses) entry.cross++;
      per.set(d, entry);
    }
  }
  const departments: DepartmentReach[] = [];
  let smallDepartments = 0;
  for (const [department, size] of sizes) {
    if (size < minGroupSize) {
      smallDepartments++;
      continue;
    }
    const t = per.get(department);
    departments.push({
      department,
      people: size,
      ties: t?.ties ?? 0,
      crossShare: t && t.ties > 0 ? t.cross / t.ties : null,
    });
  }
  departments.sort((a, b) => b.people - a.people || a.department.localeCompare(b.department));
  return {
    share: ties > 0 && people.size >= minGroupSize ? cross / ties : null,
    ties,
    departments,
    smallDepartments,
  };
}
