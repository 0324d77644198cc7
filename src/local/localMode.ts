import type { AppConfig } from "../server/config.js";
import type { LocalMode } from "../server/localMode.js";
import { DEMO_COMMUNITY_ID, seedDemoCommunity } from "./demoCommunity.js";
import { GraphStandIn } from "./graphStandIn.js";
import { localHostRoutes } from "./localHostRoutes.js";
import { LocalIdentityProvider } from "./localIdentityProvider.js";
import { loadOrgDirectoryFixture } from "./orgDirectoryFixture.js";

/**
 * Local mode's stand-ins, the one place they are wired: the synthetic organisation
 * (fixtures/org-directory.json), Microsoft Graph's stand-in for it (unless GRAPH_BASE_URL names a
 * Graph), the local identity provider that signs the host page's tokens, and the demo data.
 * Refuses any other mode: a local identity provider signs tokens for anyone.
 */
export async function startLocalMode(config: AppConfig): Promise<LocalMode> {
  if (config.mode !== "local")
    throw new Error(`Local stand-ins run in local mode only (mode: ${config.mode}).`);
  const directory = await loadOrgDirectoryFixture(config.fixturesDir);
  const identityProvider = await LocalIdentityProvider.create();
  const standIn =
    config.graph.auth && !config.graph.baseUrl ? await GraphStandIn.start({ org: directory }) : undefined;
  return {
    ...(standIn ? { graphBaseUrl: standIn.url } : {}),
    async attach(services) {
      if (config.demo !== "off") {
        await seedDemoCommunity(services, directory, config.demo === "full", config.fixturesDir);
      }
      return localHostRoutes({
        directory,
        identityProvider,
        audience: config.auth.clientId,
        demoCommunityExists: () => services.communityExists(directory.tenantId, DEMO_COMMUNITY_ID),
      });
    },
    stop: async () => {
      await standIn?.stop();
    },
  };
}
