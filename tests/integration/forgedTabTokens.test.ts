import { afterAll, describe, expect, it } from "vitest";
import { org } from "../support/orgFixture.js";
import { TokenIssuer } from "../support/tabTokenForgery.js";
import { startTestServer } from "../support/testServer.js";

const clientId = "00000000-0000-4000-8000-00000000c0de";
const otherTenant = "99999999-0000-4000-8000-000000000009";

// The real server, with the tab-token validator pointed at a stand-in for Entra ID's keys (the
// local-mode switch production refuses), the synthetic organisation's tenant as the only one
// allowed, and its demo community as the data a forged token must never reach.
const issuer = await TokenIssuer.start({ tenantId: org.tenantId, clientId, otherTenantId: otherTenant });
const server = await startTestServer({
  demo: true,
  env: {
    TAB_TOKEN_JWKS_URL: issuer.jwksUrl,
    AAD_APP_CLIENT_ID: clientId,
    ALLOWED_TENANTS: org.tenantId,
  },
});
const steward = org.users[0]?.id ?? "";

describe("forged tab tokens over HTTP: every one is a 401, none reaches data", () => {
  afterAll(async () => {
    await server.close();
    await issuer.close();
  });

  const demoPath = `/api/communities/${server.demoCommunityId}`;
  const call = (token: string, method = "GET", path = demoPath, body?: unknown) =>
    fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it("serves the community to a genuine token (so the refusals below are the tokens' doing)", async () => {
    const res = await call(await issuer.token({}, steward));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }).name).toBe("Data Community");
  });

  it("tells a person of an organisation that has not enabled PeerCircle so, with a 403 and no data", async () => {
    // A genuine token of another organisation: not a forgery, so the answer may say why.
    const token = await issuer.token({ claims: { tid: otherTenant } });
    for (const path of [demoPath, "/api/me"]) {
      const res = await call(token, "GET", path);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: {
          code: "tenant_not_enabled",
          message:
            "Your organisation has not enabled PeerCircle. Ask your Microsoft 365 administrator to enable it for your organisation.",
        },
      });
    }
  });

  // A token of another organisation signed by Entra ID is genuine (above); every other one is forged.
  const forgeries = issuer.forgeries().filter(([name]) => name !== "tenant not allowed");
  it.each(forgeries)("answers 401 to a token with %s, and no data", async (_name, make) => {
    const token = await make();
    for (const [method, path, body] of [
      ["GET", demoPath, undefined],
      ["GET", "/api/me", undefined],
      ["GET", `${demoPath}/entries?q=sql`, undefined],
      ["POST", "/api/communities", { name: "Forged", purpose: "Forged", tags: [], privacy: "open" }],
    ] as const) {
      const res = await call(token, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(await res.json()).toEqual({
        error: {
          code: "unauthenticated",
          message: "Your sign-in could not be verified. Reload the tab and try again.",
        },
      });
    }
  });

  it("wrote nothing for any forged request", async () => {
    const res = await call(await issuer.token({}, steward), "GET", "/api/communities");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("Data Community");
    expect(text).not.toContain("Forged");
  });
});
