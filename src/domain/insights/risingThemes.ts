import { indexTerms } from "../library/search/searchTerms.js";
import { type EntryFact, type Range, within } from "./insightsFacts.js";

export interface RisingTheme {
  theme: string;
  kind: "tag" | "term";
  /** Entries that carry it in the recent window and in the baseline before it. */
  recent: number;
  baseline: number;
  /** How many times more often it appears now than in the baseline (smoothed). */
  lift: number;
}

/** A theme must be in at least this many recent entries to count as recurring. */
export const MIN_RECENT = 2;
/** …and this many times more frequent than in the baseline. */
export const MIN_LIFT = 2;

/**
 * Tags and words rising in recent entries (shared insights of activities among them) against the
 * longer baseline before: each counted once per entry, the rates smoothed so a theme new to the
 * community is rising but one entry is not a trend. Strongest first, at most `limit`.
 */
export function risingThemes(
  entries: readonly EntryFact[],
  recent: Range,
  baseline: Range,
  limit = 10,
): RisingTheme[] {
  const recentCounts = new Map<string, number>();
  const baselineCounts = new Map<string, number>();
  let recentTotal = 0;
  let baselineTotal = 0;
  for (const e of entries) {
    const counts = within(e.createdAt, recent)
      ? recentCounts
      : within(e.createdAt, baseline)
        ? baselineCounts
        : undefined;
    if (!counts) continue;
    if (counts === recentCounts) recentTotal++;
    else baselineTotal++;
    const themes = new Set<string>(e.tags.map((t) => `tag:${t.toLowerCase()}`));
    for (const term of indexTerms(e.text))
      if (term.length >= 3 && !/^\d+$/.test(term)) themes.add(`term:${term}`);
    for (const theme of themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  }
  const rising: RisingTheme[] = [];
  for (const [key, count] of recentCounts) {
    if (count < MIN_RECENT) continue;
    const base = baselineCounts.get(key) ?? 0;
    const lift = count / recentTotal / ((base + 1) / (baselineTotal + 1));
    if (lift < MIN_LIFT) continue;
    const [kind, theme] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
    rising.push({ theme, kind: kind as RisingTheme["kind"], recent: count, baseline: base, lift });
  }
  // A tag and the same word are one theme: keep the tag.
  const tags = new Set(rising.filter((r) => r.kind === "tag").map((r) => r.theme));
  return rising
    .filter((r) => r.kind === "tag" || !tags.has(r.theme))
    .sort((a, b) => b.lift * b.recent - a.lift * a.recent || a.theme.localeCompare(b.theme))
    .slice(0, limit);
}
