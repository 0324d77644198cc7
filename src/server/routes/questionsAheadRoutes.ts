import { randomUUID } from "node:crypto";
import { type Request, Router } from "express";
import { z } from "zod";
import type { QuestionsAheadService } from "../../domain/activities/questionsAhead.js";
import { parseInput } from "../../domain/validation.js";
import { callerOf } from "../http/requireCaller.js";

const withRequestId = z.object({ requestId: z.string().min(1).max(200).optional() }).passthrough();

/**
 * `/api/communities/:communityId/sessions/:sessionId/questions-ahead`: questions asked before a
 * session (an AMA's), read by the community's readers and asked by members, once per request.
 */
export function questionsAheadRoutes(questions: QuestionsAheadService): Router {
  const router = Router({ mergeParams: true });
  const params = (req: Request) => req.params as Record<string, string>;
  router.get("/", async (req, res) => {
    const { communityId = "", sessionId = "" } = params(req);
    res.json({ items: await questions.list(callerOf(res), communityId, sessionId) });
  });
  router.post("/", async (req, res) => {
    const { communityId = "", sessionId = "" } = params(req);
    const { requestId, ...input } = parseInput(withRequestId, req.body ?? {});
    const items = await questions.ask(
      callerOf(res),
      communityId,
      sessionId,
      input,
      requestId ?? randomUUID(),
    );
    res.status(201).json({ items });
  });
  return router;
}
