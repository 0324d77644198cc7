import { randomUUID } from "node:crypto";
import { type Request, Router } from "express";
import { z } from "zod";
import type { TeachingTopicService } from "../../domain/activities/teachingTopics.js";
import { parseInput } from "../../domain/validation.js";
import { callerOf } from "../http/requireCaller.js";

const withRequestId = z.object({ requestId: z.string().min(1).max(200).optional() }).passthrough();
const topicParams = z.object({ topicId: z.string().min(1, "Say which topic.").max(100) });

/**
 * `/api/communities/:communityId/micro-teach-topics`: the community's micro-teach topic queue —
 * read by its readers, proposed by members (once per `requestId`), picked with a teacher by a
 * steward or the rota's micro-teacher.
 */
export function teachingTopicRoutes(topics: TeachingTopicService): Router {
  const router = Router({ mergeParams: true });
  const communityOf = (req: Request) => String((req.params as Record<string, string>).communityId ?? "");
  router.get("/", async (req, res) => {
    res.json(await topics.list(callerOf(res), communityOf(req)));
  });
  router.post("/", async (req, res) => {
    const { requestId, ...input } = parseInput(withRequestId, req.body ?? {});
    res
      .status(201)
      .json(await topics.propose(callerOf(res), communityOf(req), input, requestId ?? randomUUID()));
  });
  router.post("/:topicId/pick", async (req, res) => {
    const { topicId } = parseInput(topicParams, req.params);
    res.json(await topics.pick(callerOf(res), communityOf(req), topicId, req.body ?? {}));
  });
  return router;
}
