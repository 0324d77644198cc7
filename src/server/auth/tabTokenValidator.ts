import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import { setNewest } from "../../domain/boundedMap.js";
import type { Caller } from "../../domain/identity.js";

/** What a tab token must satisfy. */
export interface TabTokenPolicy {
  /** JWKS of the token issuer: Entra ID in production, the local identity provider in local mode. */
  jwksUrl: string;
  /** The SSO app's client id (v2 tokens carry it as `aud`). */
  clientId: string;
  /** `api://<domain>/<client id>` (v1 tokens carry it as `aud`). */
  applicationIdUri: string;
  /** Tenants allowed to use this deployment (lower-case GUIDs). */
  allowedTenants: string[];
}

/** A token was refused; `reason` is for logs, never for the response. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`token rejected: ${reason}`);
    this.name = "TokenRejectedError";
  }
}

/**
 * A genuine token (signed by Entra ID, for this app, issued by its own tenant) from an
 * organisation this deployment does not serve: the person is told their organisation has not
 * enabled PeerCircle, rather than that their sign-in failed.
 */
export class TenantNotEnabledError extends TokenRejectedError {
  constructor(readonly tenantId: string) {
    super(`tenant ${tenantId} is not allowed`);
    this.name = "TenantNotEnabledError";
  }
}

/**
 * Seconds of clock skew accepted on `exp`, `nbf` and `iat`: Entra ID's and our clocks are both
 * NTP-synchronised, so a minute is plenty; never more than five (a token "issued" later than that
 * was not issued by a clock we trust).
 */
const CLOCK_TOLERANCE_S = 60;
/** Tokens that passed every check are remembered (until they expire) up to this many. */
const MAX_REMEMBERED = 5_000;

/** The scope the tab's SSO token must carry (the app registration's exposed API scope). */
const REQUIRED_SCOPE = "access_as_user";

/**
 * Validates Teams tab SSO tokens (Microsoft Entra ID access tokens for our API) with `jose`:
 * RS256 signature against the issuer's JWKS, audience, expiry, issuer of the token's own tenant
 * (v1 `sts.windows.net/{tid}/` or v2 `login.microsoftonline.com/{tid}/v2.0`), the
 * `access_as_user` scope, and the tenant allow-list.
 * See https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens.
 */
export function createTabTokenValidator(policy: TabTokenPolicy): (token: string) => Promise<Caller> {
  const jwks = createRemoteJWKSet(new URL(policy.jwksUrl), {
    cooldownDuration: 30_000,
    cacheMaxAge: 3_600_000,
  });
  const allowed = new Set(policy.allowedTenants.map((t) => t.toLowerCase()));
  // A tab sends the same token with every request for up to an hour; checking its signature
  // again each time is most of an API call's CPU. Only tokens that passed every check are kept,
  // keyed by the whole token, and only until they expire.
  const remembered = new Map<string, { caller: Caller; validUntil: number }>();

  return async (token: string): Promise<Caller> => {
    const known = remembered.get(token);
    if (known && Date.now() < known.validUntil) return known.caller;
    if (known) remembered.delete(token);
    const { caller, exp } = await verify(token);
    setNewest(remembered, token, { caller, validUntil: (exp + CLOCK_TOLERANCE_S) * 1000 }, MAX_REMEMBERED);
    return caller;
  };

  async function verify(token: string): Promise<{ caller: Caller; exp: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        algorithms: ["RS256"],
        audience: [policy.clientId, policy.applicationIdUri],
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ["exp", "iat", "iss", "tid", "oid"],
      }));
    } catch (error) {
      throw new TokenRejectedError(
        error instanceof Error ? `${error.name}: ${error.message}` : "unverifiable",
      );
    }
    // jose checks `iat` only against a maximum token age; a token issued in the future is forged
    // or minted by a clock that is off, and is refused either way.
    if (Number(payload.iat) > Date.now() / 1000 + CLOCK_TOLERANCE_S)
      throw new TokenRejectedError("issued in the future");
    const tenantId = stringClaim(payload, "tid").toLowerCase();
    const issuers = [
      `https://login.microsoftonline.com/${tenantId}/v2.0`,
      `https://sts.windows.net/${tenantId}/`,
    ];
    if (!issuers.includes(String(payload.iss)))
      throw new TokenRejectedError("issuer does not match the tenant");
    // Checked once the token is known to be genuine: only then may the answer say why.
    if (!allowed.has(tenantId)) throw new TenantNotEnabledError(tenantId);
    const scopes = typeof payload.scp === "string" ? payload.scp.split(" ") : [];
    if (!scopes.includes(REQUIRED_SCOPE)) throw new TokenRejectedError(`scope ${REQUIRED_SCOPE} missing`);
    const userId = stringClaim(payload, "oid");
    const displayName =
      optionalString(payload, "name") ??
      optionalString(payload, "preferred_username") ??
      optionalString(payload, "upn") ??
      "Someone";
    // The user principal name (v1 tokens' `upn`, v2's `preferred_username` when it has a UPN's
    // shape): what Teams' chat deep link takes. Only ever used for that link, never to decide who
    // someone is (`preferred_username` is mutable).
    const principalName = [
      optionalString(payload, "upn"),
      optionalString(payload, "preferred_username"),
    ].find((name) => name?.includes("@"));
    return {
      caller: { tenantId, userId, displayName, ...(principalName ? { principalName } : {}) },
      exp: Number(payload.exp),
    };
  }
}

function stringClaim(payload: JWTPayload, name: string): string {
  const value = payload[name];
  if (typeof value !== "string" || value === "") throw new TokenRejectedError(`claim ${name} missing`);
  return value;
}

function optionalString(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}
