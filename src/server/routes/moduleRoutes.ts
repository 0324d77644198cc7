import { Router } from "express";
import { z } from "zod";
import type { ModuleService } from "../../domain/activities/modules/moduleService.js";
import { parseInput } from "../../domain/validation.js";
import { listAndAddOnceRoutes } from "../http/communityItemRoutes.js";
import { answerJson, answerNoContent, type RouteCall } from "../http/jsonRoutes.js";

const moduleParams = z.object({ moduleId: z.string().min(1, "Say which module.").max(100) });
type Params = { communityId: string };

/** The module the path names (checked: a clear 400 for a missing or overlong id). */
const moduleIdOf = ({ req }: RouteCall<Params>) => parseInput(moduleParams, req.params).moduleId;

/**
 * `/api/communities/:communityId/modules`: the community's modules (CoachingOurselves-style) —
 * read by its readers, written or imported by stewards (a 403 for anyone else; once per
 * `requestId`), changed or deleted under `If-Match`; `/:moduleId/ratings` is the usefulness report, for
 * stewards only.
 */
export function moduleRoutes(modules: ModuleService): Router {
  const router = Router({ mergeParams: true });
  listAndAddOnceRoutes(router, {
    list: (caller, communityId) => modules.list(caller, communityId),
    add: (caller, communityId, input, requestId) => modules.create(caller, communityId, input, requestId),
  });
  router.get(
    "/:moduleId",
    answerJson<Params>((call) => modules.get(call.caller, call.params.communityId, moduleIdOf(call))),
  );
  router.put(
    "/:moduleId",
    answerJson<Params>((call) => {
      const body = (call.req.body ?? {}) as Record<string, unknown>;
      const input = call.ifMatch ? { ...body, etag: call.ifMatch } : body;
      return modules.update(call.caller, call.params.communityId, moduleIdOf(call), input);
    }),
  );
  router.delete(
    "/:moduleId",
    answerNoContent<Params>((call) =>
      modules.remove(call.caller, call.params.communityId, moduleIdOf(call), call.req.get("If-Match")),
    ),
  );
  router.get(
    "/:moduleId/ratings",
    answerJson<Params>((call) => modules.report(call.caller, call.params.communityId, moduleIdOf(call))),
  );
  return router;
}
