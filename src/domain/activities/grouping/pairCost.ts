import type { OrgPerson } from "../../people/peopleDirectory.js";
import type { PairingRule } from "../activity.js";
import type { RecentPartners } from "../pairing.js";
import { MeetingCounts } from "./meetingCounts.js";

/**
 * What putting two people in one group costs. Meeting again someone met in an earlier round of
 * the same activity dwarfs everything (a new repeated pair costs more than a pair's third
 * meeting, which costs more than nothing); then a recent partner from the community's last
 * activities; then the rule's own preference (another department, or the same role), as in
 * {@link pairParticipants}. A group has at most 50 × 49 / 2 = 1,225 pairs, so the preferences of
 * a whole group (≤ 1,225 × 103) always cost less than one repeat.
 */
export const COST = {
  firstRepeat: 1_000_000,
  furtherRepeat: 500_000,
  recent: 100,
  sameDepartment: 2,
  otherRole: 2,
  sameManager: 1,
} as const;

/** Pairs costing this much or more are worth moving people for (repeats and recent partners). */
export const HARD_COST = COST.recent;

export interface PairCostModel {
  /** The cost of people `a` and `b` (indices into the participants) sharing a group. */
  cost(a: number, b: number): number;
  /** Meetings so far in this activity's earlier rounds, by index. */
  met: MeetingCounts;
  appliedRule: PairingRule;
  degraded: boolean;
}

/** The cost model for these participants (indices are positions in `ids`). */
export function pairCostModel(
  ids: readonly string[],
  previousRounds: readonly (readonly (readonly string[])[])[],
  recentPartners: RecentPartners,
  profiles: ReadonlyMap<string, OrgPerson> | undefined,
  rule: PairingRule,
): PairCostModel {
  const n = ids.length;
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const met = new MeetingCounts(n);
  for (const groups of previousRounds)
    met.addGroups(groups.map((g) => [...new Set(g)].map((id) => indexOf.get(id) ?? -1)));

  const recent = new Set<number>();
  for (const [a, partners] of recentPartners) {
    const ia = indexOf.get(a);
    if (ia === undefined) continue;
    for (const b of partners) {
      const ib = indexOf.get(b);
      if (ib !== undefined && ib !== ia) recent.add(ia < ib ? ia * n + ib : ib * n + ia);
    }
  }

  const found = profiles ? ids.filter((id) => profiles.has(id)).length : 0;
  const appliedRule: PairingRule = found === 0 ? "random" : rule;
  const degraded = found < n;
  /** Small integers for what is compared (0 = unknown), so the cost reads arrays only. */
  const coder = (normalise: (value: string) => string) => {
    const codes = new Map<string, number>();
    return (value: string | undefined) => {
      const key = normalise(value ?? "");
      if (key === "") return 0;
      let c = codes.get(key);
      if (c === undefined) {
        c = codes.size + 1;
        codes.set(key, c);
      }
      return c;
    };
  };
  // Departments and titles are compared as people type them (case and spaces aside); ids exactly.
  const label = coder((value) => value.trim().toLowerCase());
  const personCode = coder((value) => value);
  const department = Int32Array.from(ids, (id) => label(profiles?.get(id)?.department));
  const role = Int32Array.from(ids, (id) => label(profiles?.get(id)?.jobTitle));
  const person = Int32Array.from(ids, (id) => personCode(id));
  const manager = Int32Array.from(ids, (id) => personCode(profiles?.get(id)?.managerId));
  const useProfiles = appliedRule !== "random";
  const crossDepartment = appliedRule === "cross-department";

  const cost = (a: number, b: number): number => {
    let c = 0;
    const times = met.get(a, b);
    if (times > 0) c += COST.firstRepeat + (times - 1) * COST.furtherRepeat;
    if (recent.size > 0 && recent.has(a < b ? a * n + b : b * n + a)) c += COST.recent;
    if (useProfiles) {
      const mA = manager[a] as number;
      const mB = manager[b] as number;
      if ((mA !== 0 && mA === mB) || mA === person[b] || mB === person[a]) c += COST.sameManager;
      if (crossDepartment) {
        const d = department[a] as number;
        if (d !== 0 && d === department[b]) c += COST.sameDepartment;
      } else {
        const r = role[a] as number;
        if (r === 0 || r !== role[b]) c += COST.otherRole;
      }
    }
    return c;
  };
  return { cost, met, appliedRule, degraded };
}
