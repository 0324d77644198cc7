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
 * community home, the page Teams opens most, is started this way.
 */
export function prefetchStartPage(
  queryClient: QueryClient,
  api: ApiClient,
  context: app.Context,
  pathname: string,
): void {
  const communityId = context.page.id;
  if (!communityId || resolveRoute(pathname, context.page.frameContext).route !== "home") return;
  void queryClient.prefetchQuery({
    queryKey: communityKey(communityId),
    queryFn: ({ signal }) => getCommunity(api, communityId, signal),
  });
  void queryClient.prefetchQuery({
    queryKey: homeKey(communityId),
    queryFn: async ({ signal }) => {
      const home = await getCommunityHome(api, communityId, signal);
      markStartup("home-data");
      return home;
    },
  });
}
