import type { app } from "@microsoft/teams-js";
import type { QueryClient } from "@tanstack/react-query";
import { resolveRoute } from "../routes.js";
import { markStartup } from "../startupMarks.js";
import type { ApiClient } from "./ApiClient.js";
import { getCommunity } from "./communities.js";
import { getCommunityHome, homeKey } from "./home.js";
import { communityKey } from "./libraryKeys.js";

/**
 * Asks for the data of the page the tab opens on as soon as the Teams context names the community,
 * so the requests run while the page's code is still loading and rendering rather than after it.
 * The page's own queries (same keys) then find the answers in the cache or in flight. Only the
 * community home, the page Teams opens most, is started this way. Resolves once the answers are in
 * (or failed; the page shows why), at once for other pages.
 */
export function prefetchStartPage(
  queryClient: QueryClient,
  api: ApiClient,
  context: app.Context,
  pathname: string,
): Promise<void> {
  const communityId = context.page.id;
  if (!communityId || resolveRoute(pathname, context.page.frameContext).route !== "home")
    return Promise.resolve();
  const home = queryClient.fetchQuery({
    queryKey: homeKey(communityId),
    queryFn: async ({ signal }) => {
      const answer = await getCommunityHome(api, communityId, signal);
      markStartup("home-data");
      return answer;
    },
  });
  // The home's answer carries the community: one request, and the page renders once with both.
  // Should the home fail, the community is asked for on its own (its page shows why, or the overview).
  return queryClient.prefetchQuery({
    queryKey: communityKey(communityId),
    queryFn: ({ signal }) =>
      home.then(
        (answer) => answer.community,
        () => getCommunity(api, communityId, signal),
      ),
  });
}
