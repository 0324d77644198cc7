import {
  DAY_MS,
  type EntryFact,
  type LearningFact,
  type MemberFact,
  type Range,
  within,
} from "./insightsFacts.js";

export interface FirstContribution {
  /** Members who joined in the window. */
  newcomers: number;
  contributed: number;
  /** Median days from joining to the first contribution, of those who contributed. */
  medianDays: number | null;
  distribution: { within7: number; within30: number; within90: number; later: number; notYet: number };
  /** Days to the first contribution per newcomer who made one. */
  daysById: Map<string, number>;
}

/**
 * Newcomers' time to first contribution: from joining to the first entry they wrote or saved, or
 * the first time someone learned from them (answered, taught). A contribution made before joining
 * (a message saved before they joined) counts as day 0.
 */
export function timeToFirstContribution(
  members: readonly MemberFact[],
  entries: readonly EntryFact[],
  facts: readonly LearningFact[],
  window: Range,
): FirstContribution {
  const first = new Map<string, number>();
  const note = (id: string, at: string) => {
    const t = Date.parse(at);
    const known = first.get(id);
    if (known === undefined || t < known) first.set(id, t);
  };
  for (const e of entries) {
    note(e.authorId, e.createdAt);
    note(e.savedById, e.createdAt);
  }
  for (const f of facts) if (f.kind === "answered" || f.kind === "taught") note(f.to, f.at);

  const distribution = { within7: 0, within30: 0, within90: 0, later: 0, notYet: 0 };
  const daysById = new Map<string, number>();
  let newcomers = 0;
  for (const m of members) {
    if (!within(m.joinedAt, window)) continue;
    newcomers++;
    const t = first.get(m.id);
    if (t === undefined || t >= window.to) {
      distribution.notYet++;
      continue;
    }
    const days = Math.max(0, (t - Date.parse(m.joinedAt)) / DAY_MS);
    daysById.set(m.id, days);
    if (days <= 7) distribution.within7++;
    else if (days <= 30) distribution.within30++;
    else if (days <= 90) distribution.within90++;
    else distribution.later++;
  }
  return {
    newcomers,
    contributed: daysById.size,
    medianDays: median([...daysById.values()]),
    distribution,
    daysById,
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}
