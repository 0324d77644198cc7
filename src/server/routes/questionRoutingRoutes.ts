import { Router } from "express";
import type {
  AskLibraryAnswer,
  AskPeopleAnswer,
  RecognitionAnswer,
  ReputationAnswer,
  RouteAnswer,
  RoutingSettingsAnswer,
  UnansweredAnswer,
} from "../../contract/asking.js";
import type { AskService } from "../../domain/ask/askService.js";
import type { QuestionRoutingService } from "../../domain/ask/questionRoutingService.js";
import type { RecognitionService } from "../../domain/ask/recognition.js";
import type { ReputationService } from "../../domain/ask/reputation.js";
import { answerJson, createdWhen } from "../http/jsonRoutes.js";
import { callerOf } from "../http/requireCaller.js";

/**
 * `/api/communities/:communityId/…`: who an open question went to (and routing it, once), the
 * stewards' unanswered queue and the community's routing settings.
 */
export function questionRoutingRoutes(
  routing: QuestionRoutingService,
  asking: AskService,
  reputation: ReputationService,
  recognition: RecognitionService,
): Router {
  const router = Router({ mergeParams: true });
  type Params = { communityId: string; entryId: string };

  // My reputation (My learning): my own record, nobody else's.
  router.get("/me/reputation", async (_req, res) => {
    const answer: ReputationAnswer = await reputation.mine(callerOf(res));
    res.json(answer);
  });

  // A colleague's reputation (the entry page, a person's card): their record in the caller's communities.
  router.get("/people/:personId/reputation", async (req, res) => {
    const { personId } = req.params as { personId: string };
    const answer: ReputationAnswer = await reputation.of(callerOf(res), personId);
    res.json(answer);
  });

  // The library's ask box: what the caller's communities' library says to a question.
  router.post("/communities/:communityId/ask", async (req, res) => {
    const question = (req.body as { question?: unknown } | undefined)?.question;
    const answer: AskLibraryAnswer = await asking.ask(
      callerOf(res),
      typeof question === "string" ? question : "",
    );
    res.json(answer);
  });

  // "Ask the community": an open question of this community, routed to people.
  router.post(
    "/communities/:communityId/questions",
    answerJson<Params, AskPeopleAnswer>(
      ({ caller, params, req }) => routing.askPeople(caller, params.communityId, req.body ?? {}),
      createdWhen((answer) => answer.created),
    ),
  );

  router.get(
    "/communities/:communityId/entries/:entryId/route",
    answerJson<Params>(async ({ caller, params }): Promise<RouteAnswer> => {
      const route = await routing.routeOf(caller, params.communityId, params.entryId);
      return route ? { route } : {};
    }),
  );
  router.post(
    "/communities/:communityId/entries/:entryId/route",
    answerJson<Params>(
      async ({ caller, params }): Promise<RouteAnswer> => ({
        route: await routing.routeQuestion(caller, params.communityId, params.entryId),
      }),
    ),
  );

  // A steward's recognition card to the community's channel.
  router.post(
    "/communities/:communityId/recognitions",
    answerJson<Params, RecognitionAnswer>(
      ({ caller, params, req }) => recognition.recognise(caller, params.communityId, req.body ?? {}),
      createdWhen((answer) => answer.posted),
    ),
  );

  router.get(
    "/communities/:communityId/unanswered",
    answerJson<Params>(
      async ({ caller, params }): Promise<UnansweredAnswer> => ({
        items: await routing.unanswered(caller, params.communityId),
      }),
    ),
  );
  router.get(
    "/communities/:communityId/routing-settings",
    answerJson<Params>(
      ({ caller, params }): Promise<RoutingSettingsAnswer> => routing.settings(caller, params.communityId),
    ),
  );
  router.put(
    "/communities/:communityId/routing-settings",
    answerJson<Params>(
      ({ caller, params, req }): Promise<RoutingSettingsAnswer> =>
        routing.setSettings(caller, params.communityId, req.body),
    ),
  );

  return router;
}
