import { type InsightsFacts, type LearningFactKind, type Range, TIE_KINDS, within } from "./insightsFacts.js";

/**
 * A member's own ties ("members see only their own ties in My learning", issue 17): who they
 * learned from and who learned from them in one community, by kind of fact. The job computes
 * everyone's with the reports; a member reads only their own row.
 */

/** The window My learning shows: the last 90 days. */
export const PERSONAL_TIES_DAYS = 90;
/** How many people each list names at most (the totals count everyone). */
export const PARTNERS_SHOWN = 12;

export type KindCounts = Partial<Record<LearningFactKind, number>>;

export interface TiePartner {
  id: string;
  displayName: string;
  /** How many facts tie them, and of which kinds. */
  facts: number;
  kinds: KindCounts;
}

export interface TieSide {
  /** Distinct people, including any not named below. */
  people: number;
  kinds: KindCounts;
  /** Most facts first; empty when person-level insights are off. */
  partners: TiePartner[];
}

export interface PersonalTies {
  /** People I learned from (my facts point at them). */
  learnedFrom: TieSide;
  /** People who learned from me. */
  learnersFrom: TieSide;
}

const emptySide = (): TieSide => ({ people: 0, kinds: {}, partners: [] });

/**
 * Everyone's own ties in a window, for every member (with none, empty sides) and anyone else with a
 * tie. Partners are named only while they are members (someone who left is counted, not named).
 */
export function personalTies(input: InsightsFacts, window: Range): Map<string, PersonalTies> {
  const names = new Map(input.members.map((m) => [m.id, m.displayName]));
  // person → partner → kind counts, each way.
  const from = new Map<string, Map<string, KindCounts>>();
  const to = new Map<string, Map<string, KindCounts>>();
  const add = (
    side: Map<string, Map<string, KindCounts>>,
    person: string,
    partner: string,
    kind: LearningFactKind,
  ) => {
    const partners = side.get(person) ?? new Map<string, KindCounts>();
    side.set(person, partners);
    const kinds = partners.get(partner) ?? {};
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    partners.set(partner, kinds);
  };
  for (const f of input.facts) {
    if (!TIE_KINDS.has(f.kind) || f.from === f.to || !within(f.at, window)) continue;
    add(from, f.from, f.to, f.kind);
    add(to, f.to, f.from, f.kind);
  }
  const sideOf = (partners: Map<string, KindCounts> | undefined): TieSide => {
    if (!partners) return emptySide();
    const kinds: KindCounts = {};
    const named: TiePartner[] = [];
    for (const [id, counts] of partners) {
      let facts = 0;
      for (const [kind, n] of Object.entries(counts) as [LearningFactKind, number][]) {
        kinds[kind] = (kinds[kind] ?? 0) + n;
        facts += n;
      }
      const displayName = names.get(id);
      if (displayName !== undefined) named.push({ id, displayName, facts, kinds: counts });
    }
    named.sort((a, b) => b.facts - a.facts || a.displayName.localeCompare(b.displayName));
    return { people: partners.size, kinds, partners: named.slice(0, PARTNERS_SHOWN) };
  };
  const all = new Map<string, PersonalTies>();
  for (const id of new Set([...names.keys(), ...from.keys(), ...to.keys()]))
    all.set(id, { learnedFrom: sideOf(from.get(id)), learnersFrom: sideOf(to.get(id)) });
  return all;
}

/** Person-level insights off: the counts stay, nobody is named. */
export function withoutPartners(ties: PersonalTies): PersonalTies {
  return {
    learnedFrom: { ...ties.learnedFrom, partners: [] },
    learnersFrom: { ...ties.learnersFrom, partners: [] },
  };
}

/** A community's part of My learning's ties. */
export type CommunityTies =
  | { communityId: string; communityName: string; status: "computing" }
  | {
      communityId: string;
      communityName: string;
      status: "ready";
      computedAt: string;
      windowDays: number;
      ties: PersonalTies;
    };

/** `GET /api/me/ties`: my own ties in each community I belong to. */
export interface MyTiesAnswer {
  /** False when the tenant's admin turned person-level insights off: counts only, no names. */
  personLevel: boolean;
  communities: CommunityTies[];
}
