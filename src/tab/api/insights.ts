import type { InsightsReport, InsightWindow } from "../../domain/insights/insightsReport.js";
import type { BeforeAfter } from "../../domain/insights/participationByWeek.js";
import type { ApiClient } from "./ApiClient.js";

export type {
  InsightsReport,
  InsightWindow,
  PersonInsight,
  Suggestion,
} from "../../domain/insights/insightsReport.js";

/** `GET /api/communities/:id/insights`: `computing` while the first computation runs. */
export type InsightsAnswer =
  | { status: "computing" }
  | { status: "ready"; refreshing: boolean; report: InsightsReport; beforeAfter?: BeforeAfter };

export function getInsights(
  api: ApiClient,
  communityId: string,
  window: InsightWindow,
  signal?: AbortSignal,
): Promise<InsightsAnswer> {
  return api.request<InsightsAnswer>(
    "GET",
    `/api/communities/${encodeURIComponent(communityId)}/insights?window=${window}`,
    undefined,
    { signal },
  );
}

/**
 * The same with before / after around a day (YYYY-MM-DD) or a session series' first occurrence.
 */
export function getInsightsAround(
  api: ApiClient,
  communityId: string,
  window: InsightWindow,
  around: { pivot: string } | { series: string },
  signal?: AbortSignal,
): Promise<InsightsAnswer> {
  const query = new URLSearchParams({ window: String(window), ...around });
  return api.request<InsightsAnswer>(
    "GET",
    `/api/communities/${encodeURIComponent(communityId)}/insights?${query.toString()}`,
    undefined,
    { signal },
  );
}

/** The window the page opens with. */
export const DEFAULT_INSIGHT_WINDOW: InsightWindow = 90;

export const insightsKey = (communityId: string, window: InsightWindow) =>
  ["insights", communityId, window] as const;
