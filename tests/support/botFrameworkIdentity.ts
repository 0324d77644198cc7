import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/**
 * A local stand-in for the Bot Framework's token issuer: publishes an OpenID metadata document and
 * a JWKS (keys endorsed for `msteams`, as the real one is) and signs connector tokens shaped like
 * the real ones (iss https://api.botframework.com, aud = bot app id, serviceurl claim).
 */
export class BotFrameworkIdentity {
  private server: Server | undefined;
  private keys: KeyPair | undefined;
  private readonly kid: string = randomUUID();

  get metadataUrl(): string {
    return `${this.base()}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    this.keys = await generateKeyPair("RS256");
    const jwk = {
      ...(await exportJWK(this.keys.publicKey)),
      kid: this.kid,
      use: "sig",
      endorsements: ["msteams"],
    };
    this.server = createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/v1/.well-known/openidconfiguration") {
        res.end(
          JSON.stringify({ issuer: "https://api.botframework.com", jwks_uri: `${this.base()}/v1/keys` }),
        );
      } else if (req.url === "/v1/keys") {
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  /**
   * A token as the Bot Connector sends it; `signWith` lets a test forge one with another key (an
   * HMAC secret signs it HS256), `notBefore` one that is not valid yet.
   */
  async token(
    appId: string,
    serviceUrl: string,
    signWith?: KeyPair["privateKey"] | Uint8Array,
    kid = this.kid,
    notBefore: string | number = "0s",
  ): Promise<string> {
    if (!this.keys) throw new Error("not started");
    const alg = signWith instanceof Uint8Array ? "HS256" : "RS256";
    return new SignJWT({ serviceurl: serviceUrl })
      .setProtectedHeader({ alg, kid, typ: "JWT" })
      .setIssuer("https://api.botframework.com")
      .setAudience(appId)
      .setIssuedAt()
      .setNotBefore(notBefore)
      .setExpirationTime("2h")
      .sign(signWith ?? this.keys.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  private base(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error("not started");
    return `http://127.0.0.1:${address.port}`;
  }
}
