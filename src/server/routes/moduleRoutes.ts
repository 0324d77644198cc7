import { randomUUID } from "node:crypto";
import { type Request, Router } from "express";
import { z } from "zod";
import type { ModuleService } from "../../domain/activities/modules/moduleService.js";
import { parseInput } from "../../domain/validation.js";
import { callerOf } from "../http/requireCaller.js";

const withRequestId = z.object({ requestId: z.string().min(1).max(200).optional() }).passthrough();
const moduleParams = z.object({ moduleId: z.string().min(1, "Say which module.").max(100) });

/**
 * `/api/communities/:communityId/modules`: the community's modules (CoachingOurselves-style) —
 * read by its readers, written or imported by stewards (a 403 for anyone else; once per
 * `requestId`), changed or deleted under `If-Match`; `/:moduleId/ratings` is the usefulness report, for
 * stewards only.
 */
export function moduleRoutes(modules: ModuleService): Router {
  const router = Router({ mergeParams: true });
  const communityOf = (req: Request) => String((req.params as Record<string, string>).communityId ?? "");
  router.get("/", async (req, res) => {
    res.json(await modules.list(callerOf(res), communityOf(req)));
  });
  router.post("/", async (req, res) => {
    const { requestId, ...input } = parseInput(withRequestId, req.body ?? {});
    res
      .status(201)
      .json(await modules.create(callerOf(res), communityOf(req), input, requestId ?? randomUUID()));
  });
  router.get("/:moduleId", async (req, res) => {
    const { moduleId } = parseInput(moduleParams, req.params);
    res.json(await modules.get(callerOf(res), communityOf(req), moduleId));
  });
  router.put("/:moduleId", async (req, res) => {
    const { moduleId } = parseInput(moduleParams, req.params);
    const etag = req.get("If-Match");
    const body = (req.body ?? {}) as Record<string, unknown>;
    res.json(
      await modules.update(callerOf(res), communityOf(req), moduleId, etag ? { ...body, etag } : body),
    );
  });
  router.delete("/:moduleId", async (req, res) => {
    const { moduleId } = parseInput(moduleParams, req.params);
    await modules.remove(callerOf(res), communityOf(req), moduleId, req.get("If-Match"));
    res.status(204).end();
  });
  router.get("/:moduleId/ratings", async (req, res) => {
    const { moduleId } = parseInput(moduleParams, req.params);
    res.json(await modules.report(callerOf(res), communityOf(req), moduleId));
  });
  return router;
}
