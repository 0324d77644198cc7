import type { AccessToken, TokenCredential } from "@azure/identity";

/** The scope of app-only tokens for Microsoft Graph: the permissions the admin consented to. */
export const GRAPH_APP_SCOPE = "https://graph.microsoft.com/.default";

/**
 * How PeerCircle proves who it is to Microsoft Graph (app-only: background work has no user).
 *
 * - `client-secret`: the multi-tenant app registration's secret; a token per customer tenant.
 * - `federated-identity`: no secret at all: the App Service's user-assigned managed identity is a
 *   federated credential of the app registration, and its token is the client assertion
 *   (works across tenants, unlike the managed identity alone).
 * - `managed-identity`: the managed identity itself; only its home tenant (single-tenant setups).
 * - `static`: a fixed bearer token, for the local stand-in only (production refuses it).
 */
export type GraphAuthConfig =
  | { kind: "client-secret"; clientId: string; clientSecret: string }
  | { kind: "federated-identity"; clientId: string; managedIdentityClientId: string }
  | { kind: "managed-identity"; managedIdentityClientId: string | undefined }
  | { kind: "static"; token: string };

/** Gives an app-only Graph token for a tenant; implementations cache and renew tokens. */
export interface GraphTokenSource {
  tokenFor(tenantId: string): Promise<string>;
}

/**
 * Token acquisition with @azure/identity: one credential per customer tenant (app-only tokens are
 * issued by the tenant whose data is read), each caching its token until shortly before it expires.
 * The identity library is loaded only when a real credential is configured.
 */
export class IdentityTokenSource implements GraphTokenSource {
  private readonly credentials = new Map<string, Promise<TokenCredential>>();

  constructor(private readonly config: Exclude<GraphAuthConfig, { kind: "static" }>) {}

  async tokenFor(tenantId: string): Promise<string> {
    let credential = this.credentials.get(tenantId);
    if (!credential) {
      credential = this.create(tenantId);
      this.credentials.set(tenantId, credential);
    }
    const token: AccessToken | null = await (await credential).getToken(GRAPH_APP_SCOPE);
    if (!token) throw new Error(`No Microsoft Graph token for tenant ${tenantId}.`);
    return token.token;
  }

  private async create(tenantId: string): Promise<TokenCredential> {
    const identity = await import("@azure/identity");
    const config = this.config;
    switch (config.kind) {
      case "client-secret":
        return new identity.ClientSecretCredential(tenantId, config.clientId, config.clientSecret);
      case "federated-identity": {
        const managedIdentity = new identity.ManagedIdentityCredential({
          clientId: config.managedIdentityClientId,
        });
        // Entra ID's audience for workload identity federation from a managed identity.
        const assertion = async () => {
          const token = await managedIdentity.getToken("api://AzureADTokenExchange/.default");
          if (!token) throw new Error("The managed identity gave no token for the federated credential.");
          return token.token;
        };
        return new identity.ClientAssertionCredential(tenantId, config.clientId, assertion);
      }
      case "managed-identity":
        return config.managedIdentityClientId
          ? new identity.ManagedIdentityCredential({ clientId: config.managedIdentityClientId })
          : new identity.ManagedIdentityCredential();
    }
  }
}

/** A fixed token: the local stand-in accepts any bearer token. */
export class StaticTokenSource implements GraphTokenSource {
  constructor(private readonly token: string) {}
  async tokenFor(): Promise<string> {
    return this.token;
  }
}

export function createTokenSource(config: GraphAuthConfig): GraphTokenSource {
  return config.kind === "static" ? new StaticTokenSource(config.token) : new IdentityTokenSource(config);
}
