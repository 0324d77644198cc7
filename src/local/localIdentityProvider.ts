import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from "jose";

/** A person of the synthetic organisation, as the local Teams host page signs them in. */
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

export interface LocalUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

/**
 * Local mode's stand-in for Microsoft Entra ID: signs tab SSO tokens shaped like Entra ID v2
 * access tokens with a key made at start, and publishes its JWKS. The server validates these
 * tokens with exactly the code that validates Entra ID tokens in production; only the JWKS URL
 * differs, and production refuses to start with anything but Entra ID's.
 */
export class LocalIdentityProvider {
  private constructor(
    private readonly privateKey: SigningKey,
    readonly jwks: JSONWebKeySet,
    private readonly kid: string,
  ) {}

  static async create(): Promise<LocalIdentityProvider> {
    const { privateKey, publicKey } = await generateKeyPair("RS256", { modulusLength: 2048 });
    const kid = randomUUID();
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
    return new LocalIdentityProvider(privateKey, { keys: [jwk] }, kid);
  }

  /** An access token for the tab's API, as Teams' `getAuthToken` would return it. */
  async issueToken(user: LocalUser, tenantId: string, audience: string): Promise<string> {
    return new SignJWT({
      tid: tenantId,
      oid: user.id,
      name: user.displayName,
      preferred_username: user.userPrincipalName,
      scp: "access_as_user",
      ver: "2.0",
    })
      .setProtectedHeader({ alg: "RS256", kid: this.kid, typ: "JWT" })
      .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
      .setAudience(audience)
      .setSubject(user.id)
      .setIssuedAt()
      .setNotBefore("0s")
      .setExpirationTime("1h")
      .sign(this.privateKey);
  }
}
