import express, { Router } from "express";
import { z } from "zod";
import { sendError } from "../server/http/httpErrors.js";
import { DEMO_COMMUNITY_ID, DEMO_TEAM, demoPeople } from "./demoCommunity.js";
import type { LocalIdentityProvider } from "./localIdentityProvider.js";
import type { OrgDirectoryFixture } from "./orgDirectoryFixture.js";

export interface LocalHostDependencies {
  directory: OrgDirectoryFixture;
  identityProvider: LocalIdentityProvider;
  /** Audience of the tokens (the SSO app's client id). */
  audience: string;
  /** Whether the demo community exists (seeded now or in an earlier run): the host opens it by default. */
  demoCommunityExists: () => Promise<boolean>;
}

const tokenRequest = z.object({ userId: z.string().min(1).max(100) });

/**
 * Local mode only: what the local Teams host page needs — the people it can sign in as, the
 * default context, tokens signed by the local identity provider, and that provider's JWKS.
 */
export function localHostRoutes({
  directory,
  identityProvider,
  audience,
  demoCommunityExists,
}: LocalHostDependencies): Router {
  const router = Router();
  // The demo community's steward signs in first, so the demo shows every steward control.
  const firstUserId = demoPeople(directory)[0]?.id ?? directory.users[0]?.id;

  router.get("/idp/keys", (_req, res) => {
    res.json(identityProvider.jwks);
  });

  router.get("/api/users", (_req, res) => {
    res.json(
      directory.users.map(({ id, displayName, jobTitle, department, mail, userPrincipalName }) => ({
        id,
        displayName,
        jobTitle,
        department,
        mail,
        userPrincipalName,
      })),
    );
  });

  router.get("/api/defaults", async (_req, res) => {
    res.json({
      tenantId: directory.tenantId,
      ...DEMO_TEAM,
      communityId: (await demoCommunityExists()) ? DEMO_COMMUNITY_ID : null,
      userId: firstUserId,
    });
  });

  router.post("/api/token", express.json({ limit: "4kb" }), async (req, res) => {
    const parsed = tokenRequest.safeParse(req.body);
    const user = parsed.success ? directory.users.find((u) => u.id === parsed.data.userId) : undefined;
    if (!user) return sendError(res, 400, "unknown_user", "Pick a person from the synthetic organisation.");
    const token = await identityProvider.issueToken(user, directory.tenantId, audience);
    res.json({ token });
  });

  return router;
}
