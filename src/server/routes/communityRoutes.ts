import { Router } from "express";
import type { CommunityView } from "../../domain/communities/community.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import { requireIfMatch } from "../http/ifMatch.js";
import { callerOf } from "../http/requireCaller.js";

/** The community as the tab receives it (tenant id stays on the server). */
export function communityDto(view: CommunityView) {
  const { tenantId: _tenant, ...rest } = view;
  return rest;
}

/** `/api/communities`: list, create, read, change (with If-Match), join and leave. */
export function communityRoutes(communities: CommunityService): Router {
  const router = Router();

  router.get("/", async (_req, res) => {
    const items = await communities.listVisible(callerOf(res));
    res.json({ items: items.map(communityDto) });
  });

  router.post("/", async (req, res) => {
    const created = await communities.create(callerOf(res), req.body);
    res.status(201).setHeader("ETag", created.etag).json(communityDto(created));
  });

  router.get("/:id", async (req, res) => {
    const view = await communities.get(callerOf(res), req.params.id);
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

  return router;
}
