import { DAY_MS, type EntryFact, type LearningFact, type Range, TIE_KINDS } from "./insightsFacts.js";

export interface WeekOfParticipation {
  /** The Monday (UTC) the week starts, YYYY-MM-DD. */
  week: string;
  /** Distinct people who learned, taught, wrote, saved, attended or followed through. */
  activeMembers: number;
  /** Entries added to the library. */
  contributions: number;
  sessionsAttended: number;
  /** Learning facts between two people. */
  ties: number;
}

/** Monday 00:00 UTC of the week `t` falls in. */
export function weekStart(t: number): number {
  const day = Math.floor(t / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  return (day - ((day + 3) % 7)) * DAY_MS;
}

/** Participation per week (Monday to Sunday, UTC) of every week the range touches, oldest first. */
export function participationByWeek(
  facts: readonly LearningFact[],
  entries: readonly EntryFact[],
  range: Range,
  /** Who counts as an active member (people outside the community, such as authors of saved messages, do not). */
  isMember: (id: string) => boolean = () => true,
): WeekOfParticipation[] {
  const first = weekStart(range.from);
  const count = Math.max(1, Math.ceil((range.to - first) / (7 * DAY_MS)));
  const weeks = Array.from({ length: count }, () => ({
    active: new Set<string>(),
    contributions: 0,
    sessionsAttended: 0,
    ties: 0,
  }));
  const weekOf = (at: string) => {
    const t = Date.parse(at);
    if (t < range.from || t >= range.to) return undefined;
    return weeks[Math.floor((t - first) / (7 * DAY_MS))];
  };
  for (const f of facts) {
    const w = weekOf(f.at);
    if (!w) continue;
    w.active.add(f.from).add(f.to);
    if (f.kind === "attended") w.sessionsAttended++;
    if (TIE_KINDS.has(f.kind) && f.from !== f.to) w.ties++;
  }
  for (const e of entries) {
    const w = weekOf(e.createdAt);
    if (!w) continue;
    w.contributions++;
    w.active.add(e.authorId).add(e.savedById);
  }
  return weeks.map((w, i) => ({
    week: new Date(first + i * 7 * DAY_MS).toISOString().slice(0, 10),
    activeMembers: [...w.active].filter(isMember).length,
    contributions: w.contributions,
    sessionsAttended: w.sessionsAttended,
    ties: w.ties,
  }));
}

export interface PeriodTotals {
  weeks: number;
  /** Mean active members per week. */
  activeMembers: number;
  contributions: number;
  sessionsAttended: number;
  ties: number;
}

export interface BeforeAfter {
  pivot: string;
  before: PeriodTotals;
  after: PeriodTotals;
}

/**
 * Before / after: the `weeks` weeks before the week of `pivot` (a date or a session series' start)
 * against that week and the ones after it, from the weekly participation.
 */
export function beforeAfter(weekly: readonly WeekOfParticipation[], pivot: string, weeks = 4): BeforeAfter {
  const pivotWeek = new Date(weekStart(Date.parse(pivot))).toISOString().slice(0, 10);
  const at = weekly.findIndex((w) => w.week >= pivotWeek);
  const split = at < 0 ? weekly.length : at;
  return {
    pivot: pivotWeek,
    before: totals(weekly.slice(Math.max(0, split - weeks), split)),
    after: totals(weekly.slice(split, split + weeks)),
  };
}

function totals(weeks: readonly WeekOfParticipation[]): PeriodTotals {
  const sum = (f: (w: WeekOfParticipation) => number) => weeks.reduce((s, w) => s + f(w), 0);
  return {
    weeks: weeks.length,
    activeMembers: weeks.length ? sum((w) => w.activeMembers) / weeks.length : 0,
    contributions: sum((w) => w.contributions),
    sessionsAttended: sum((w) => w.sessionsAttended),
    ties: sum((w) => w.ties),
  };
}
