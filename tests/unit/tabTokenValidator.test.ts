import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTabTokenValidator, TokenRejectedError } from "../../src/server/auth/tabTokenValidator.js";

const tenant = "72f988bf-0000-4000-8000-000000000001";
const otherTenant = "99999999-0000-4000-8000-000000000009";
const clientId = "00000000-0000-4000-8000-00000000c0de";
const appIdUri = `api://peercircle.example/${clientId}`;

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;

describe("tab token validation (the production code path)", () => {
  let keys: Keys;
  let foreign: Keys;
  let jwksServer: Server;
  let validate: (token: string) => Promise<unknown>;

  beforeAll(async () => {
    keys = await generateKeyPair("RS256");
    foreign = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    jwksServer = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    const { port } = jwksServer.address() as AddressInfo;
    validate = createTabTokenValidator({
      jwksUrl: `http://127.0.0.1:${port}/keys`,
      clientId,
      applicationIdUri: appIdUri,
      allowedTenants: [tenant],
    });
  });
  afterAll(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));

  interface Forge {
    claims?: Record<string, unknown>;
    issuer?: string;
    audience?: string;
    expires?: string | number;
    key?: Keys["privateKey"];
    kid?: string;
  }

  function token(f: Forge = {}): Promise<string> {
    const tid = (f.claims?.tid as string | undefined) ?? tenant;
    return new SignJWT({ tid, oid: "user-1", name: "Ngozi Ivanova", scp: "access_as_user", ...f.claims })
      .setProtectedHeader({ alg: "RS256", kid: f.kid ?? "k1" })
      .setIssuer(f.issuer ?? `https://login.microsoftonline.com/${tid}/v2.0`)
      .setAudience(f.audience ?? clientId)
      .setIssuedAt()
      .setExpirationTime(f.expires ?? "1h")
      .sign(f.key ?? keys.privateKey);
  }

  it("accepts a v2 token for the client id and returns the caller", async () => {
    await expect(validate(await token())).resolves.toEqual({
      tenantId: tenant,
      userId: "user-1",
      displayName: "Ngozi Ivanova",
    });
  });

  it("accepts a v1 token (sts.windows.net issuer, api:// audience)", async () => {
    const v1 = await token({ issuer: `https://sts.windows.net/${tenant}/`, audience: appIdUri });
    await expect(validate(v1)).resolves.toMatchObject({ userId: "user-1" });
  });

  const forgeries: [string, () => Promise<string>][] = [
    ["wrong signature", () => token({ key: foreign.privateKey })],
    ["unknown key id", () => token({ key: foreign.privateKey, kid: "k2" })],
    ["wrong audience", () => token({ audience: "api://someone-else" })],
    [
      "issuer of another tenant",
      () => token({ issuer: `https://login.microsoftonline.com/${otherTenant}/v2.0` }),
    ],
    ["tenant not allowed", () => token({ claims: { tid: otherTenant } })],
    ["expired", () => token({ expires: Math.floor(Date.now() / 1000) - 3600 })],
    ["scope missing", () => token({ claims: { scp: "User.Read" } })],
    ["no user id", () => token({ claims: { oid: undefined } })],
    [
      "alg none",
      async () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
        return `${enc({ alg: "none", typ: "JWT" })}.${enc({ tid: tenant, oid: "u", scp: "access_as_user", aud: clientId, iss: `https://login.microsoftonline.com/${tenant}/v2.0`, exp: 9999999999 })}.`;
      },
    ],
    [
      "HS256 signed with the public key as secret",
      async () =>
        new SignJWT({ tid: tenant, oid: "u", scp: "access_as_user" })
          .setProtectedHeader({ alg: "HS256", kid: "k1" })
          .setIssuer(`https://login.microsoftonline.com/${tenant}/v2.0`)
          .setAudience(clientId)
          .setIssuedAt()
          .setExpirationTime("1h")
          .sign(new TextEncoder().encode(JSON.stringify(await exportJWK(keys.publicKey)))),
    ],
    ["not a JWT at all", async () => "hello"],
  ];

  it.each(forgeries)("rejects a token with %s", async (_name, make) => {
    await expect(validate(await make())).rejects.toBeInstanceOf(TokenRejectedError);
  });
});
