import { Router } from "express";
import { withoutTenant } from "../../contract/answers.js";
import type { AnswerService, AnswerView } from "../../domain/ask/answerService.js";
import { callerOf } from "../http/requireCaller.js";

/**
 * `/api/communities/:communityId/entries/:entryId/answers`: the answers under a question, a new
 * answer, an edit, a vote, accepting one (the asker or a steward) and taking it back (a steward).
 */
export function answerRoutes(answers: AnswerService): Router {
  const router = Router({ mergeParams: true });
  type Params = { communityId: string; entryId: string; answerId: string };
  const dto = (view: AnswerView) => withoutTenant(view);

  router.get("/", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    const items = await answers.list(callerOf(res), communityId, entryId);
    res.json({ items: items.map(dto) });
  });

  router.post("/", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    res.status(201).json(dto(await answers.add(callerOf(res), communityId, entryId, req.body)));
  });

  router.patch("/:answerId", async (req, res) => {
    const { communityId, entryId, answerId } = req.params as Params;
    res.json(dto(await answers.edit(callerOf(res), communityId, entryId, answerId, req.body)));
  });

  router.post("/:answerId/vote", async (req, res) => {
    const { communityId, entryId, answerId } = req.params as Params;
    res.json(dto(await answers.vote(callerOf(res), communityId, entryId, answerId)));
  });

  router.post("/:answerId/accept", async (req, res) => {
    const { communityId, entryId, answerId } = req.params as Params;
    res.json(dto(await answers.accept(callerOf(res), communityId, entryId, answerId)));
  });

  router.delete("/:answerId/accept", async (req, res) => {
    const { communityId, entryId, answerId } = req.params as Params;
    res.json(dto(await answers.unaccept(callerOf(res), communityId, entryId, answerId)));
  });

  return router;
}
