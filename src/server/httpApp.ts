import type { Application as BotApplication, TeamsAdapter, TurnState } from "@microsoft/teams-ai";
import express, { type Express, type Router } from "express";
import type { ActivityService } from "../domain/activities/activityService.js";
import type { RubricService } from "../domain/activities/communityRubrics.js";
import type { ModuleService } from "../domain/activities/modules/moduleService.js";
import type { QuestionsAheadService } from "../domain/activities/questionsAhead.js";
import type { TeachingTopicService } from "../domain/activities/teachingTopics.js";
import type { AnswerService } from "../domain/ask/answerService.js";
import type { AskService } from "../domain/ask/askService.js";
import type { QuestionRoutingService } from "../domain/ask/questionRoutingService.js";
import type { RecognitionService } from "../domain/ask/recognition.js";
import type { ReputationService } from "../domain/ask/reputation.js";
import type { CommitmentService } from "../domain/commitments/commitmentService.js";
import type { CommunityService } from "../domain/communities/communityService.js";
import type { CommunityHomeService } from "../domain/home/communityHomeService.js";
import type { MyLearningService } from "../domain/home/myLearningService.js";
import type { Caller } from "../domain/identity.js";
import type { InsightsService } from "../domain/insights/insightsService.js";
import type { LibraryService } from "../domain/library/libraryService.js";
import type { PeopleDirectory } from "../domain/people/peopleDirectory.js";
import type { PersonTimeZones } from "../domain/people/personTimeZones.js";
import type { PlaybookService } from "../domain/playbooks/playbookService.js";
import type { SessionService } from "../domain/sessions/sessionService.js";
import type { Logger } from "../observability/logger.js";
import type { AppConfig } from "./config.js";
import { botEndpoint } from "./http/botEndpoint.js";
import { errorHandler, STORAGE_RETRY_AFTER_SECONDS, sendError } from "./http/httpErrors.js";
import { personRateLimit } from "./http/personRateLimit.js";
import { callerOf, requireCaller } from "./http/requireCaller.js";
import { noStoreForApi, securityHeaders } from "./http/securityHeaders.js";
import { activityRoutes, hotSeatQueueRoutes } from "./routes/activityRoutes.js";
import { answerRoutes } from "./routes/answerRoutes.js";
import { calendarRoutes } from "./routes/calendarRoutes.js";
import { commitmentRoutes } from "./routes/commitmentRoutes.js";
import { communityRoutes } from "./routes/communityRoutes.js";
import { homeRoutes } from "./routes/homeRoutes.js";
import { insightsRoutes } from "./routes/insightsRoutes.js";
import { libraryRoutes } from "./routes/libraryRoutes.js";
import { moduleRoutes } from "./routes/moduleRoutes.js";
import { playbookRoutes } from "./routes/playbookRoutes.js";
import { questionRoutingRoutes } from "./routes/questionRoutingRoutes.js";
import { questionsAheadRoutes } from "./routes/questionsAheadRoutes.js";
import { rubricRoutes } from "./routes/rubricRoutes.js";
import { teachingTopicRoutes } from "./routes/teachingTopicRoutes.js";
import { timeZoneRoutes } from "./routes/timeZoneRoutes.js";
import { webRoutes } from "./routes/webRoutes.js";

/** Everything the HTTP layer needs, handed in by the composition root. */
export interface HttpDependencies {
  config: AppConfig;
  logger: Logger;
  adapter: TeamsAdapter;
  bot: BotApplication<TurnState>;
  validateTabToken: (token: string) => Promise<Caller>;
  communities: CommunityService;
  library: LibraryService;
  /** Answers under questions and their acceptance. */
  answers: AnswerService;
  /** Routing open questions to people; absent, the routing API answers 404. */
  questionRouting?: {
    routing: QuestionRoutingService;
    asking: AskService;
    reputation: ReputationService;
    recognition: RecognitionService;
  };
  sessions: SessionService;
  playbooks: PlaybookService;
  home: CommunityHomeService;
  myLearning: MyLearningService;
  activities: ActivityService;
  /** The communities' micro-teach topic queues. */
  teachingTopics?: TeachingTopicService;
  /** The communities' modules (CoachingOurselves-style), when the server keeps them. */
  modules?: ModuleService;
  /** The communities' rubrics (peer reviews). */
  rubrics?: RubricService;
  /** Questions asked ahead of sessions (an AMA's). */
  questionsAhead?: QuestionsAheadService;
  /** Commitments (My learning, check-ins, a community's follow-through). */
  commitments: CommitmentService;
  /** Network insights for stewards. */
  insights: InsightsService;
  directory: PeopleDirectory;
  /** People's own time zones (their browser's, from the tab). */
  timeZones?: PersonTimeZones;
  /** Proves storage answers; gives up when `signal` aborts (the health check's budget ran out). */
  checkStorage: (signal: AbortSignal) => Promise<void>;
  /** The local Teams host's routes, served under /local: local mode only (src/local). */
  localRoutes?: Router;
}

// Teams messages are ≤ ~100 KB, but a message-extension invoke carries the whole message payload
// (a long message's HTML runs to a few hundred KB) plus the dialog's fields and Teams' envelope;
// 1 MB leaves room without inviting abuse.
const BOT_BODY_LIMIT = "1mb";
const API_BODY_LIMIT = "256kb";
/**
 * Health has a budget of its own, far below the storage client's: a load balancer or monitor wants
 * a quick "not now" (503), and a storage round trip that takes longer than this is not healthy.
 */
export const HEALTH_BUDGET_MS = 1_000;

/** One Express app: bot endpoint, tab API, health, built tab, and local-mode host page. */
export function createHttpApp(deps: HttpDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  // API answers are no-store, so a browser never revalidates them: hashing every body for an ETag
  // is wasted work. Routes that poll set their own (activities); static files keep theirs.
  app.set("etag", false);
  app.set("trust proxy", deps.config.mode === "production");
  app.use(securityHeaders(deps.config.mode));
  app.use("/api", noStoreForApi);

  app.post(
    "/api/messages",
    express.json({ limit: BOT_BODY_LIMIT }),
    botEndpoint({ adapter: deps.adapter, bot: deps.bot, logger: deps.logger, mode: deps.config.mode }),
  );

  app.get("/api/health", async (_req, res) => {
    const budget = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const outOfTime = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        budget.abort();
        reject(new Error(`storage did not answer within ${HEALTH_BUDGET_MS} ms`));
      }, HEALTH_BUDGET_MS);
    });
    try {
      // The race bounds the answer even if a check ignored the signal.
      await Promise.race([deps.checkStorage(budget.signal), outOfTime]);
      res.json({ status: "ok", mode: deps.config.mode });
    } catch (error) {
      deps.logger.error("health check failed", { error: String(error) });
      res.set("Retry-After", String(STORAGE_RETRY_AFTER_SECONDS));
      res.status(503).json({ status: "unavailable", mode: deps.config.mode });
    } finally {
      clearTimeout(timer);
    }
  });

  const api = express.Router();
  api.use(express.json({ limit: API_BODY_LIMIT }));
  api.use(requireCaller(deps.validateTabToken, deps.logger));
  api.use(personRateLimit(deps.config.tabApiRateLimit));
  api.get("/me", (_req, res) => {
    // Who the tab is signed in as: its id and name, never more of the caller than that.
    const { tenantId, userId, displayName } = callerOf(res);
    res.json({ tenantId, userId, displayName });
  });
  // The side panel's activity polls (every panel, every 2 s, in every meeting running one) are the
  // API's busiest path: they meet their router first, not after every router mounted at the root.
  api.use("/activities", activityRoutes(deps));
  api.use("/communities", communityRoutes(deps.communities));
  api.use("/communities/:communityId/entries/:entryId/answers", answerRoutes(deps.answers));
  if (deps.questionRouting)
    api.use(
      questionRoutingRoutes(
        deps.questionRouting.routing,
        deps.questionRouting.asking,
        deps.questionRouting.reputation,
        deps.questionRouting.recognition,
      ),
    );
  api.use(libraryRoutes(deps.library));
  api.use(
    "/communities/:communityId/sessions",
    calendarRoutes(deps.sessions, { directory: deps.directory, publicUrl: deps.config.publicUrl }),
  );
  api.use("/communities/:communityId/playbooks", playbookRoutes(deps.playbooks));
  api.use("/communities/:communityId/hot-seat-queue", hotSeatQueueRoutes(deps.activities));
  if (deps.questionsAhead)
    api.use(
      "/communities/:communityId/sessions/:sessionId/questions-ahead",
      questionsAheadRoutes(deps.questionsAhead),
    );
  if (deps.teachingTopics)
    api.use("/communities/:communityId/micro-teach-topics", teachingTopicRoutes(deps.teachingTopics));
  if (deps.modules) api.use("/communities/:communityId/modules", moduleRoutes(deps.modules));
  if (deps.rubrics) api.use("/communities/:communityId/rubric", rubricRoutes(deps.rubrics));
  api.use(homeRoutes(deps.home, deps.myLearning, deps.directory));
  if (deps.timeZones) api.use(timeZoneRoutes(deps.timeZones));
  api.use(commitmentRoutes(deps.commitments));
  api.use(insightsRoutes(deps.insights, deps.sessions));
  app.use("/api", api);
  app.use("/api", (_req, res) => sendError(res, 404, "not_found", "There is no such API endpoint."));

  if (deps.localRoutes) app.use("/local", deps.localRoutes);
  app.use(webRoutes(deps.config.webRoot, { localHost: deps.localRoutes !== undefined }));

  app.use(errorHandler(deps.logger));
  return app;
}
