import type { TeamsAdapter } from "@microsoft/teams-ai";

/** The parts of botbuilder's claims identity the clients are kept by. */
interface Claims {
  getClaimValue(type: string): string | null;
}
/** botbuilder's ConnectorFactory, as CloudAdapter and TeamsInfo use it. */
interface ConnectorFactoryLike {
  create(serviceUrl: string, audience?: string): Promise<unknown>;
}
/** The methods of botbuilder's BotFrameworkAuthentication that make a turn's clients. */
interface AuthenticationLike {
  authenticateRequest(
    activity: unknown,
    authHeader: string,
  ): Promise<{ claimsIdentity: Claims; connectorFactory?: ConnectorFactoryLike }>;
  createConnectorFactory(claimsIdentity: Claims): ConnectorFactoryLike;
  createUserTokenClient(claimsIdentity: Claims): Promise<unknown>;
}

/** Clients kept at most (service URLs are a few per region; a flood of made-up ones only empties it). */
const MAX_KEPT = 100;

/**
 * botbuilder's CloudAdapter makes a new Bot Connector client and a new user-token client for every
 * turn — each an HTTP pipeline of a dozen policies, about a tenth of an invoke's CPU when 1,000
 * people press at once (`tps-1000`'s profile). The clients hold no state of a turn, so they are
 * kept per app id, service URL and audience and used again, as botbuilder's own
 * BotFrameworkAdapter kept its connector clients (`getOrCreateConnectorClient`). Authentication is
 * untouched: every request is still validated before its turn gets a client. A client whose making
 * failed (its credentials) is not kept.
 */
export function keepConnectorClients(adapter: TeamsAdapter): void {
  const auth = (adapter as unknown as { botFrameworkAuthentication: AuthenticationLike })
    .botFrameworkAuthentication;
  const connectors = new KeptClients();
  const tokenClients = new KeptClients();
  const keptFactory = (factory: ConnectorFactoryLike, identity: Claims): ConnectorFactoryLike => ({
    create: (serviceUrl, audience) =>
      connectors.get(`${appIdOf(identity)}|${serviceUrl}|${audience ?? ""}`, () =>
        factory.create(serviceUrl, audience),
      ),
  });

  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: keptFactory(factory, result.claimsIdentity) } : result;
  };
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => keptFactory(createConnectorFactory(identity), identity);
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (identity) =>
    tokenClients.get(appIdOf(identity), () => createUserTokenClient(identity));
}

/** The app id botbuilder makes a turn's clients for (its `getAppId`: the audience, else `appid`). */
function appIdOf(identity: Claims): string {
  return identity.getClaimValue("aud") ?? identity.getClaimValue("appid") ?? "";
}

class KeptClients {
  private readonly kept = new Map<string, Promise<unknown>>();

  get(key: string, make: () => Promise<unknown>): Promise<unknown> {
    const found = this.kept.get(key);
    if (found) return found;
    if (this.kept.size >= MAX_KEPT) this.kept.clear();
    const made = make();
    this.kept.set(key, made);
    made.catch(() => {
      if (this.kept.get(key) === made) this.kept.delete(key);
    });
    return made;
  }
}
