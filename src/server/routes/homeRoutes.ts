import { Router } from "express";
import { z } from "zod";
import type { CommunityHomeService } from "../../domain/home/communityHomeService.js";
import type { MyLearningService } from "../../domain/home/myLearningService.js";
import type { PeopleDirectory } from "../../domain/people/peopleDirectory.js";
import { parseInput } from "../../domain/validation.js";
import { callerOf } from "../http/requireCaller.js";
import { communityDto } from "./communityRoutes.js";

const peopleQuery = z.object({
  q: z.string().max(100).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** The composed views: community home, My learning, and people search for pickers. */
export function homeRoutes(
  home: CommunityHomeService,
  myLearning: MyLearningService,
  directory: PeopleDirectory,
): Router {
  const router = Router();

  router.get("/communities/:communityId/home", async (req, res) => {
    const answer = await home.home(callerOf(res), req.params.communityId);
    res.json({ ...answer, community: communityDto(answer.community) });
  });

  router.get("/me/learning", async (_req, res) => {
    res.json(await myLearning.overview(callerOf(res)));
  });

  router.get("/people", async (req, res) => {
    const { q, limit } = parseInput(peopleQuery, req.query);
    const { people, degraded } = await directory.search(callerOf(res).tenantId, q, limit);
    res.json({ items: people.map(({ managerId: _m, ...p }) => p), degraded });
  });

  return router;
}
