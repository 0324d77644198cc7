import { type LearningFact, type MemberFact, type Range, TIE_KINDS, within } from "./insightsFacts.js";

/** Why a member is on the edge of the network, which says what a steward could do. */
export type EdgeReason = "newcomer" | "drifting" | "quiet";

export interface EdgeMember {
  id: string;
  /** No tie in the window (isolated) or one person only (peripheral). */
  position: "isolated" | "peripheral";
  reason: EdgeReason;
  /** People they learned with in this window and in the window before. */
  partners: number;
  partnersBefore: number;
}

/**
 * Members with no tie (isolated) or a tie with one person only (peripheral) in the window,
 * newcomers (joined in the window) told apart from drifting members (fewer people than in the
 * window before) and the quiet rest.
 */
export function edgeMembers(
  members: readonly MemberFact[],
  facts: readonly LearningFact[],
  window: Range,
  previous: Range,
): EdgeMember[] {
  const now = partnersIn(facts, window);
  const before = partnersIn(facts, previous);
  const edge: EdgeMember[] = [];
  for (const m of members) {
    const partners = now.get(m.id)?.size ?? 0;
    if (partners > 1) continue;
    const partnersBefore = before.get(m.id)?.size ?? 0;
    const reason: EdgeReason =
      Date.parse(m.joinedAt) >= window.from ? "newcomer" : partnersBefore > partners ? "drifting" : "quiet";
    edge.push({
      id: m.id,
      position: partners === 0 ? "isolated" : "peripheral",
      reason,
      partners,
      partnersBefore,
    });
  }
  return edge;
}

/** Distinct people each person is tied to (either direction) by facts within the range. */
export function partnersIn(facts: readonly LearningFact[], range: Range): Map<string, Set<string>> {
  const partners = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let set = partners.get(a);
    if (!set) {
      set = new Set();
      partners.set(a, set);
    }
    set.add(b);
  };
  for (const f of facts) {
    if (!TIE_KINDS.has(f.kind) || f.from === f.to || !within(f.at, range)) continue;
    add(f.from, f.to);
    add(f.to, f.from);
  }
  return partners;
}
