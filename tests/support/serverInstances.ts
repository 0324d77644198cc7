import { org } from "./orgFixture.js";
import { TokenIssuer } from "./tabTokenForgery.js";
import { startTestServer, type TestServer, uniqueTablePrefix } from "./testServer.js";

const clientId = "00000000-0000-4000-8000-00000000c0de";
/** A second tenant the issuer signs for too: its people must never reach the first tenant's data. */
export const OTHER_TENANT = "99999999-0000-4000-8000-000000000009";

/** Anyone of the synthetic tenant: tokens come from the shared issuer, so any id will do. */
export interface Person {
  id: string;
  displayName: string;
}

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are loosely shaped JSON read by tests
  body: any;
}

/**
 * Server instances sharing one set of tables (as App Service instances share one storage account),
 * with one token issuer all of them trust: a person's request may go to any instance.
 */
export class ServerInstances {
  private constructor(
    readonly servers: TestServer[],
    readonly tablePrefix: string,
    private readonly issuer: TokenIssuer,
  ) {}

  static async start(count: number, tablePrefix = uniqueTablePrefix()): Promise<ServerInstances> {
    const issuer = await TokenIssuer.start({
      tenantId: org.tenantId,
      clientId,
      otherTenantId: OTHER_TENANT,
    });
    const servers: TestServer[] = [];
    for (let i = 0; i < count; i++) {
      servers.push(
        await startTestServer({
          env: {
            TABLE_PREFIX: tablePrefix,
            TAB_TOKEN_JWKS_URL: issuer.jwksUrl,
            AAD_APP_CLIENT_ID: clientId,
            ALLOWED_TENANTS: `${org.tenantId},${OTHER_TENANT}`,
          },
        }),
      );
    }
    return new ServerInstances(servers, tablePrefix, issuer);
  }

  /** The instance that serves the `n`-th request (round robin). */
  instance(n: number): TestServer {
    const server = this.servers[n % this.servers.length];
    if (!server) throw new Error("no server instance is running");
    return server;
  }

  /** Calls the tab API of an instance as `who`. */
  async api(
    server: TestServer,
    who: Person,
    method: string,
    route: string,
    body?: unknown,
    tenant?: string,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> {
    const claims = { name: who.displayName, ...(tenant ? { tid: tenant } : {}) };
    const token = await this.issuer.token({ claims }, who.id);
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async close(): Promise<void> {
    for (const server of this.servers) await server.close();
    await this.issuer.close();
  }
}

/** `count` distinct people of the tenant, named after `label`. */
export function people(label: string, count: number): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${label}-${String(i).padStart(4, "0")}`,
    displayName: `${label} ${i}`,
  }));
}
