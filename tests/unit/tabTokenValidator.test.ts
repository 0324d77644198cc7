import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTabTokenValidator, TokenRejectedError } from "../../src/server/auth/tabTokenValidator.js";
import { TokenIssuer } from "../support/tabTokenForgery.js";

const tenant = "72f988bf-0000-4000-8000-000000000001";
const otherTenant = "99999999-0000-4000-8000-000000000009";
const clientId = "00000000-0000-4000-8000-00000000c0de";
const appIdUri = `api://peercircle.example/${clientId}`;

// The forgeries are built before the tests are collected (it.each needs the list), against an
// issuer started here; tests/integration/forgedTabTokens.test.ts sends the same ones over HTTP.
const issuer = await TokenIssuer.start({ tenantId: tenant, clientId, otherTenantId: otherTenant });

describe("tab token validation (the production code path)", () => {
  let validate: (token: string) => Promise<unknown>;

  beforeAll(() => {
    validate = createTabTokenValidator({
      jwksUrl: issuer.jwksUrl,
      clientId,
      applicationIdUri: appIdUri,
      allowedTenants: [tenant],
    });
  });
  afterAll(() => issuer.close());

  it("accepts a v2 token for the client id and returns the caller", async () => {
    await expect(validate(await issuer.token())).resolves.toEqual({
      tenantId: tenant,
      userId: "user-1",
      displayName: "Ngozi Ivanova",
    });
  });

  it("accepts a v1 token (sts.windows.net issuer, api:// audience)", async () => {
    const v1 = await issuer.token({ issuer: `https://sts.windows.net/${tenant}/`, audience: appIdUri });
    await expect(validate(v1)).resolves.toMatchObject({ userId: "user-1" });
  });

  it("takes the user principal name (for the chat deep link) from `upn`, else a `preferred_username` shaped like one", async () => {
    const principalNameOf = async (claims: Record<string, unknown>) =>
      ((await validate(await issuer.token({ claims }))) as { principalName?: string }).principalName;
    expect(await principalNameOf({ preferred_username: "ngozi@contoso.example" })).toBe(
      "ngozi@contoso.example",
    );
    expect(
      await principalNameOf({ upn: "ngozi@contoso.example", preferred_username: "ngozi.i@contoso.example" }),
    ).toBe("ngozi@contoso.example");
    // A phone number or bare user name is no principal name: the directory is asked instead.
    expect(await principalNameOf({ preferred_username: "+44 20 7946 0000" })).toBeUndefined();
  });

  it.each(issuer.forgeries())("rejects a token with %s", async (_name, make) => {
    await expect(validate(await make())).rejects.toBeInstanceOf(TokenRejectedError);
  });

  it("remembers a valid token only until it expires (plus the clock tolerance)", async () => {
    const token = await issuer.token({ expires: "2m" });
    await expect(validate(token)).resolves.toMatchObject({ userId: "user-1" });
    vi.useFakeTimers({ now: Date.now() + 90_000, toFake: ["Date"] });
    try {
      await expect(validate(token)).resolves.toMatchObject({ userId: "user-1" }); // remembered
      vi.setSystemTime(Date.now() + 120_000); // 3.5 min after issue: past exp + 60 s
      await expect(validate(token)).rejects.toBeInstanceOf(TokenRejectedError);
    } finally {
      vi.useRealTimers();
    }
  });
});
