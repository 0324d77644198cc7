import { Router } from "express";
import { z } from "zod";
import type { TeachingTopicService } from "../../domain/activities/teachingTopics.js";
import { parseInput } from "../../domain/validation.js";
import { listAndAddOnceRoutes } from "../http/communityItemRoutes.js";
import { answerJson } from "../http/jsonRoutes.js";

const topicParams = z.object({ topicId: z.string().min(1, "Say which topic.").max(100) });
type Params = { communityId: string };

/**
 * `/api/communities/:communityId/micro-teach-topics`: the community's micro-teach topic queue —
 * read by its readers, proposed by members (once per `requestId`), picked with a teacher by a
 * steward or the rota's micro-teacher.
 */
export function teachingTopicRoutes(topics: TeachingTopicService): Router {
  const router = Router({ mergeParams: true });
  listAndAddOnceRoutes(router, {
    list: (caller, communityId) => topics.list(caller, communityId),
    add: (caller, communityId, input, requestId) => topics.propose(caller, communityId, input, requestId),
  });
  router.post(
    "/:topicId/pick",
    answerJson<Params>(({ caller, params, req }) => {
      const { topicId } = parseInput(topicParams, req.params);
      return topics.pick(caller, params.communityId, topicId, req.body ?? {});
    }),
  );
  return router;
}
