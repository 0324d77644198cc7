import { type Request, Router } from "express";
import type { RubricService } from "../../domain/activities/communityRubrics.js";
import { callerOf } from "../http/requireCaller.js";

/**
 * `/api/communities/:communityId/rubric`: the criteria the community's peer reviews follow — read
 * by its readers, set by a steward (`PUT { criteria }`; `If-Match` with the version edited once
 * there is one, a stale one is 412).
 */
export function rubricRoutes(rubrics: RubricService): Router {
  const router = Router({ mergeParams: true });
  const communityOf = (req: Request) => String((req.params as Record<string, string>).communityId ?? "");
  router.get("/", async (req, res) => {
    const view = await rubrics.get(callerOf(res), communityOf(req));
    if (view.etag) res.setHeader("ETag", view.etag);
    res.json(view);
  });
  router.put("/", async (req, res) => {
    const view = await rubrics.save(callerOf(res), communityOf(req), req.body ?? {}, req.get("If-Match"));
    if (view.etag) res.setHeader("ETag", view.etag);
    res.json(view);
  });
  return router;
}
