import type { OrgPerson } from "../people/peopleDirectory.js";
import type { RecentPartners } from "./pairing.js";

/** How good a pairing is, counted over every two people who share a group. */
export interface PairingQuality {
  groups: number;
  people: number;
  largestGroup: number;
  smallestGroup: number;
  /** Share of partner pairs with both departments known that are from different departments. */
  crossDepartmentRate: number;
  sameManagerPairs: number;
  repeatedPartnerPairs: number;
}

/** Measures a pairing (tests, the benchmark and the facilitator's summary use it). */
export function pairingQuality(
  groups: readonly (readonly string[])[],
  profiles: ReadonlyMap<string, OrgPerson> | undefined,
  recentPartners: RecentPartners = new Map(),
): PairingQuality {
  let known = 0;
  let cross = 0;
  let sameManager = 0;
  let repeated = 0;
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i] as string;
        const b = group[j] as string;
        const pa = profiles?.get(a);
        const pb = profiles?.get(b);
        if (pa?.department && pb?.department) {
          known++;
          if (pa.department !== pb.department) cross++;
        }
        if (pa?.managerId && pa.managerId === pb?.managerId) sameManager++;
        if (recentPartners.get(a)?.has(b) || recentPartners.get(b)?.has(a)) repeated++;
      }
    }
  }
  const sizes = groups.map((g) => g.length);
  return {
    groups: groups.length,
    people: sizes.reduce((s, x) => s + x, 0),
    largestGroup: sizes.length ? Math.max(...sizes) : 0,
    smallestGroup: sizes.length ? Math.min(...sizes) : 0,
    crossDepartmentRate: known === 0 ? 0 : cross / known,
    sameManagerPairs: sameManager,
    repeatedPartnerPairs: repeated,
  };
}
