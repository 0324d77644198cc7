/**
 * User Timing marks of the tab's start-up (`performance.getEntriesByType("mark")`, and the
 * Performance panel's Timings track), so a slow start can be broken down into its steps: entry
 * code running (the teams-js entry, then the app), Teams handshake, token, first data, first content. The tab-load benchmark reports
 * them. Each mark is set once per page load.
 */
export type StartupStep =
  | "entry-evaluated"
  | "app-evaluated"
  | "teams-initialized"
  | "teams-context"
  | "token"
  | "home-data"
  | "home-content";

const marked = new Set<StartupStep>();

export function markStartup(step: StartupStep): void {
  if (marked.has(step)) return;
  marked.add(step);
  performance.mark(`peercircle:${step}`);
}
