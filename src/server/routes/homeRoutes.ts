import { Router } from "express";
import type { CommunityHomeAnswer } from "../../contract/home.js";
import type { MyLearningAnswer } from "../../contract/myLearning.js";
import { type PeopleSearchAnswer, peopleQuerySchema } from "../../contract/people.js";
import type { CommunityHomeService } from "../../domain/home/communityHomeService.js";
import type { MyLearningService } from "../../domain/home/myLearningService.js";
import type { PeopleDirectory } from "../../domain/people/peopleDirectory.js";
import { parseInput } from "../../domain/validation.js";
import { callerOf } from "../http/requireCaller.js";
import { communityDto } from "./communityRoutes.js";

/** The composed views: community home, My learning, and people search for pickers. */
export function homeRoutes(
  home: CommunityHomeService,
  myLearning: MyLearningService,
  directory: PeopleDirectory,
): Router {
  const router = Router();

  router.get("/communities/:communityId/home", async (req, res) => {
    const answer = await home.home(callerOf(res), req.params.communityId);
    res.json({ ...answer, community: communityDto(answer.community) } satisfies CommunityHomeAnswer);
  });

  router.get("/me/learning", async (_req, res) => {
    res.json((await myLearning.overview(callerOf(res))) satisfies MyLearningAnswer);
  });

  router.get("/people", async (req, res) => {
    const { q, limit } = parseInput(peopleQuerySchema, req.query);
    const { people, degraded } = await directory.search(callerOf(res).tenantId, q, limit);
    res.json({ items: people.map(({ managerId: _m, ...p }) => p), degraded } satisfies PeopleSearchAnswer);
  });

  return router;
}
