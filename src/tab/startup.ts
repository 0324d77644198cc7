import type { QueryClient } from "@tanstack/react-query";
import type { ApiClient } from "./api/ApiClient.js";
import { prefetchStartPage } from "./api/startPage.js";
import { deepLinkPath } from "./routes.js";
import { initializeTeams } from "./teams/teamsHost.js";

/**
 * The tab's start-up outside React, as soon as Teams answers: a Teams deep link to an entry or a
 * session (which opens the tab at its generic URL) goes to its page before anything renders, so
 * the person never sees the home flash by; then the first page's data is asked for. Resolves once
 * that data is in (or failed, or Teams did not answer: the page shows why).
 */
export function startFirstPage(queryClient: QueryClient, api: ApiClient): Promise<void> {
  return initializeTeams().then((context) => {
    const start = deepLinkPath(window.location.pathname, context.page.subPageId);
    if (start) window.history.replaceState(window.history.state, "", start);
    return prefetchStartPage(queryClient, api, context, window.location.pathname);
  });
}
