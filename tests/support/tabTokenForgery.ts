import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** What a forged token changes from a genuine one. */
export interface Forge {
  claims?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
  expires?: string | number;
  /** `iat` in seconds since the epoch (now unless given). */
  issuedAt?: number;
  key?: KeyPair["privateKey"];
  kid?: string;
}

/**
 * A stand-in for Entra ID's signing keys: a JWKS endpoint publishing one RSA key, the means to
 * sign genuine tab tokens with it, and every kind of forgery the validator must refuse.
 */
export class TokenIssuer {
  private constructor(
    private readonly keys: KeyPair,
    private readonly foreign: KeyPair,
    private readonly server: Server,
    readonly jwksUrl: string,
    readonly tenantId: string,
    readonly clientId: string,
    readonly otherTenantId: string,
  ) {}

  static async start(options: {
    tenantId: string;
    clientId: string;
    otherTenantId: string;
  }): Promise<TokenIssuer> {
    const keys = await generateKeyPair("RS256");
    const foreign = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    const server = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return new TokenIssuer(
      keys,
      foreign,
      server,
      `http://127.0.0.1:${port}/keys`,
      options.tenantId,
      options.clientId,
      options.otherTenantId,
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** A genuine v2 token for the SSO app, unless `f` forges part of it. */
  token(f: Forge = {}, oid = "user-1"): Promise<string> {
    const tid = (f.claims?.tid as string | undefined) ?? this.tenantId;
    return new SignJWT({ tid, oid, name: "Ngozi Ivanova", scp: "access_as_user", ...f.claims })
      .setProtectedHeader({ alg: "RS256", kid: f.kid ?? "k1" })
      .setIssuer(f.issuer ?? `https://login.microsoftonline.com/${tid}/v2.0`)
      .setAudience(f.audience ?? this.clientId)
      .setIssuedAt(f.issuedAt)
      .setExpirationTime(f.expires ?? "1h")
      .sign(f.key ?? this.keys.privateKey);
  }

  /** Every forgery, by name: each must be refused. */
  forgeries(): [string, () => Promise<string>][] {
    const tenant = this.tenantId;
    const clientId = this.clientId;
    return [
      ["wrong signature", () => this.token({ key: this.foreign.privateKey })],
      ["unknown key id", () => this.token({ key: this.foreign.privateKey, kid: "k2" })],
      ["wrong audience", () => this.token({ audience: "api://someone-else" })],
      [
        "issuer of another tenant",
        () => this.token({ issuer: `https://login.microsoftonline.com/${this.otherTenantId}/v2.0` }),
      ],
      ["issuer that is not Entra ID", () => this.token({ issuer: `https://evil.example/${tenant}/v2.0` })],
      ["tenant not allowed", () => this.token({ claims: { tid: this.otherTenantId } })],
      ["expired", () => this.token({ expires: Math.floor(Date.now() / 1000) - 3600 })],
      [
        "issued an hour in the future",
        () => this.token({ issuedAt: Math.floor(Date.now() / 1000) + 3600, expires: "2h" }),
      ],
      [
        "not valid before an hour from now",
        () => this.token({ claims: { nbf: Math.floor(Date.now() / 1000) + 3600 } }),
      ],
      ["scope missing", () => this.token({ claims: { scp: "User.Read" } })],
      ["no user id", () => this.token({ claims: { oid: undefined } })],
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
            .sign(new TextEncoder().encode(JSON.stringify(await exportJWK(this.keys.publicKey)))),
      ],
      ["not a JWT at all", async () => "hello"],
    ];
  }
}
