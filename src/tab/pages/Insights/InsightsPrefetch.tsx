import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { DEFAULT_INSIGHT_WINDOW, getInsights, insightsKey } from "../../api/insights.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";

/**
 * Asks for the stored report as soon as the insights route renders, while the page's own chunk
 * (charts, the picture) is still downloading: the two arrive side by side instead of one after the
 * other. Part of the first download, so it imports nothing heavy. Someone who is not a steward
 * gets a 403 here that nobody shows (the page tells them).
 */
export function InsightsPrefetch({ children }: { children: ReactNode }) {
  const { context, api } = useTeamsContext();
  const queryClient = useQueryClient();
  const communityId = context.page.id;
  useState(() => {
    if (communityId)
      void queryClient.prefetchQuery({
        queryKey: insightsKey(communityId, DEFAULT_INSIGHT_WINDOW),
        queryFn: ({ signal }) => getInsights(api, communityId, DEFAULT_INSIGHT_WINDOW, signal),
      });
    return true;
  });
  return children;
}
