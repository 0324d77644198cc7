import { Router } from "express";
import { z } from "zod";
import { withoutTenant } from "../../contract/answers.js";
import type {
  CommunityAnswer,
  CommunityListAnswer,
  JoinRequestsAnswer,
  MembersAnswer,
} from "../../contract/communities.js";
import type { CommunityStatus, CommunityView } from "../../domain/communities/community.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import { parseInput } from "../../domain/validation.js";
import { requireIfMatch } from "../http/ifMatch.js";
import { callerOf } from "../http/requireCaller.js";

const membersQuery = z.object({ continuationToken: z.string().max(2000).optional() });

/** The community as the contract answers it (the tenant id stays on the server). */
export function communityDto(view: CommunityView & Partial<CommunityStatus>): CommunityAnswer {
  return withoutTenant(view);
}

/**
 * `/api/communities`: list, create, read, change (with If-Match), join and leave; members and
 * stewards (stewards manage them); requests to join a private community (stewards answer them).
 */
export function communityRoutes(communities: CommunityService): Router {
  const router = Router();

  router.get("/", async (_req, res) => {
    const items = await communities.listVisible(callerOf(res));
    res.json({ items: items.map(communityDto) } satisfies CommunityListAnswer);
  });

  router.post("/", async (req, res) => {
    const created = await communities.create(callerOf(res), req.body);
    res.status(201).setHeader("ETag", created.etag).json(communityDto(created));
  });

  /** A private community's non-member sees what it is about, to ask to join (`joinRequested`). */
  router.get("/:id", async (req, res) => {
    const view = await communities.describe(callerOf(res), req.params.id);
    res.setHeader("ETag", view.etag).json(communityDto(view));
  });

  router.patch("/:id", requireIfMatch, async (req, res) => {
    const etag = req.get("If-Match") ?? "";
    const updated = await communities.update(
      callerOf(res),
      (req.params as { id: string }).id,
      req.body,
      etag,
    );
    res.setHeader("ETag", updated.etag).json(communityDto(updated));
  });

  router.post("/:id/join", async (req, res) => {
    res.json(communityDto(await communities.join(callerOf(res), req.params.id)));
  });

  router.post("/:id/leave", async (req, res) => {
    res.json(communityDto(await communities.leave(callerOf(res), req.params.id)));
  });

  router.get("/:id/members", async (req, res) => {
    const { continuationToken } = parseInput(membersQuery, req.query);
    res.json(
      (await communities.members(callerOf(res), req.params.id, continuationToken)) satisfies MembersAnswer,
    );
  });

  /** Body `{ id, displayName, steward? }`: a steward adds a person (as a steward too, if asked). */
  router.post("/:id/members", async (req, res) => {
    res.json(communityDto(await communities.addMember(callerOf(res), req.params.id, req.body ?? {})));
  });

  router.delete("/:id/members/:userId", async (req, res) => {
    const { id, userId } = req.params;
    res.json(communityDto(await communities.removeMember(callerOf(res), id, userId)));
  });

  /** Body `{ id, displayName }`: a steward names another steward (who becomes a member too). */
  router.post("/:id/stewards", async (req, res) => {
    res.json(communityDto(await communities.addSteward(callerOf(res), req.params.id, req.body ?? {})));
  });

  router.delete("/:id/stewards/:userId", async (req, res) => {
    const { id, userId } = req.params;
    res.json(communityDto(await communities.removeSteward(callerOf(res), id, userId)));
  });

  /** The caller asks to join (a private community); an open one they simply join. */
  router.post("/:id/join-requests", async (req, res) => {
    res.json(communityDto(await communities.requestToJoin(callerOf(res), req.params.id)));
  });

  router.get("/:id/join-requests", async (req, res) => {
    const requests = await communities.joinRequests(callerOf(res), req.params.id);
    res.json({
      items: requests.map(({ tenantId: _t, communityId: _c, ...r }) => r),
    } satisfies JoinRequestsAnswer);
  });

  router.post("/:id/join-requests/:userId/:decision", async (req, res) => {
    const { id, userId, decision } = parseInput(decisionParams, req.params);
    await communities.answerJoinRequest(callerOf(res), id, userId, decision === "approve");
    res.status(204).end();
  });

  return router;
}

const decisionParams = z.object({
  id: z.string(),
  userId: z.string(),
  decision: z.enum(["approve", "decline"], { message: "Approve or decline the request." }),
});
