import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TeamsAdapter } from "@microsoft/teams-ai";
import type { ConfigurationBotFrameworkAuthenticationOptions } from "botbuilder";
import type { Express } from "express";
import { azureOpenAiCompletion } from "../ai/azureOpenAiCompletion.js";
import { GeneratedAnswerer } from "../ai/generatedAnswerer.js";
import { QuestionEscalation } from "../bot/asking/questionEscalation.js";
import { recognitionPoster } from "../bot/asking/recognitionPoster.js";
import { routedQuestionNotifier } from "../bot/asking/routedQuestionNotifier.js";
import { createBotApplication } from "../bot/botApplication.js";
import { keepConnectorClients } from "../bot/keptConnectorClients.js";
import { sessionDeepLink } from "../bot/links.js";
import { ActivityAnnouncer } from "../bot/meetings/activityAnnouncer.js";
import { BackgroundWork } from "../bot/meetings/backgroundWork.js";
import { CommitmentCheckIns } from "../bot/meetings/commitmentCheckIns.js";
import { ProactiveSender } from "../bot/meetings/proactiveSender.js";
import { TeamsMeetingRoles } from "../bot/meetings/teamsMeetingRoles.js";
import { postJoinRequest } from "../bot/membership/joinRequests.js";
import { SessionReminders } from "../bot/reminders/sessionReminders.js";
import { insightsThreads } from "../compute/insightsThreads.js";
import type { ActivityRepository } from "../domain/activities/activityRepository.js";
import { ActivityService } from "../domain/activities/activityService.js";
import { RubricService } from "../domain/activities/communityRubrics.js";
import { RoleLookup } from "../domain/activities/meetingRoles.js";
import { ModuleService } from "../domain/activities/modules/moduleService.js";
import { QuestionsAheadService } from "../domain/activities/questionsAhead.js";
import { rotaOfSessions } from "../domain/activities/sessionRota.js";
import { TeachingTopicService } from "../domain/activities/teachingTopics.js";
import { AnswerService } from "../domain/ask/answerService.js";
import { AskService } from "../domain/ask/askService.js";
import { QuestionRoutingService } from "../domain/ask/questionRoutingService.js";
import { RecognitionService } from "../domain/ask/recognition.js";
import { ReputationService } from "../domain/ask/reputation.js";
import { routingPeopleOf } from "../domain/ask/routingPeople.js";
import { CommitmentService } from "../domain/commitments/commitmentService.js";
import type { MeetingPlaceLookups } from "../domain/commitments/meetingPlace.js";
import { CommunityService } from "../domain/communities/communityService.js";
import { CommunityHomeService } from "../domain/home/communityHomeService.js";
import { MyLearningService } from "../domain/home/myLearningService.js";
import { InsightsService } from "../domain/insights/insightsService.js";
import { LibraryService } from "../domain/library/libraryService.js";
import { MeetingOutcomeService } from "../domain/meetings/meetingOutcomeService.js";
import { NoDirectory, type PeopleDirectory } from "../domain/people/peopleDirectory.js";
import { PersonTimeZones } from "../domain/people/personTimeZones.js";
import { PlaybookService } from "../domain/playbooks/playbookService.js";
import type { MeetingScheduler } from "../domain/sessions/meetingScheduler.js";
import { SessionReminderPlanner } from "../domain/sessions/sessionReminders.js";
import { SessionService } from "../domain/sessions/sessionService.js";
import { createGraphAdapters } from "../graph/graphAdapters.js";
import { createLogger, type Logger } from "../observability/logger.js";
import { SyncedLibrarySearch } from "../search/memory/syncedLibrarySearch.js";
import { repairHelpfulVoteFacts } from "../storage/helpfulVoteFactsRepair.js";
import { InsightsFactsReader } from "../storage/insightsFactsReader.js";
import { TableStore } from "../storage/tableStore.js";
import { TablesActivityRepository } from "../storage/tablesActivityRepository.js";
import { TablesAnswerRepository } from "../storage/tablesAnswerRepository.js";
import { TablesCircleMemory } from "../storage/tablesCircleMemory.js";
import { TablesCommitmentRepository } from "../storage/tablesCommitmentRepository.js";
import { TablesCommunityRepository } from "../storage/tablesCommunityRepository.js";
import { TablesCommunityRubrics } from "../storage/tablesCommunityRubrics.js";
import { TablesEntryRepository } from "../storage/tablesEntryRepository.js";
import { TablesInsightsStore } from "../storage/tablesInsightsStore.js";
import { TablesMeetingRepository } from "../storage/tablesMeetingRepository.js";
import { TablesModules } from "../storage/tablesModules.js";
import { TablesOrgContextCache } from "../storage/tablesOrgContextCache.js";
import { TablesPlaybookRepository } from "../storage/tablesPlaybookRepository.js";
import { TablesQuestionRouteRepository } from "../storage/tablesQuestionRouteRepository.js";
import { TablesQuestionsAhead } from "../storage/tablesQuestionsAhead.js";
import { communityMembersOf, TablesSessionPlanRepository } from "../storage/tablesSessionPlanRepository.js";
import { TablesSessionRepository } from "../storage/tablesSessionRepository.js";
import { TablesTeachingTopics } from "../storage/tablesTeachingTopics.js";
import { TablesTimeZoneStore } from "../storage/tablesTimeZoneStore.js";
import { createTabTokenValidator } from "./auth/tabTokenValidator.js";
import type { AppConfig } from "./config.js";
import { createHttpApp } from "./httpApp.js";
import { routeLibraryConsoleTo } from "./libraryConsole.js";
import type { LocalMode } from "./localMode.js";

/** How often an instance looks for session reminders that are due (locally: often, for tests). */
const REMINDER_POLL_MS = 60_000;
const REMINDER_POLL_LOCAL_MS = 2_000;
/** How often an instance looks for communities whose network insights are due. */
const INSIGHTS_POLL_MS = 5 * 60_000;

/** botbuilder's authentication settings; the signing-key location is only ever changed locally. */
function botAuthenticationOptions(config: AppConfig): ConfigurationBotFrameworkAuthenticationOptions {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.password,
    MicrosoftAppType: config.bot.type,
    MicrosoftAppTenantId: config.bot.tenantId,
  };
  const metadataUrl = config.bot.openIdMetadataUrl;
  if (!metadataUrl) return options;
  // Giving one URL switches botbuilder to "parameterized" authentication, which then needs the
  // public cloud's other values spelled out (botframework-connector AuthenticationConstants).
  return {
    ...options,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
    ToChannelFromBotOAuthScope: "https://api.botframework.com",
    ToBotFromChannelTokenIssuer: "https://api.botframework.com",
    OAuthUrl: "https://api.botframework.com",
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
  };
}

/** A running PeerCircle server. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The composition root: the only place that wires real adapters to the domain. Connects storage
 * (creating tables), builds the bot and the HTTP app, and listens. `local` (local mode only, see
 * src/local/localMode.ts) adds the stand-ins and demo data; it is stopped with the server, or at
 * once when the server fails to start.
 */
export async function startServer(
  config: AppConfig,
  logger: Logger = createLogger(),
  local?: LocalMode,
): Promise<RunningServer> {
  try {
    const server = await wireAndListen(config, logger, local);
    return {
      ...server,
      close: async () => {
        await server.close();
        await local?.stop();
      },
    };
  } catch (error) {
    await local?.stop();
    throw error;
  }
}

async function wireAndListen(config: AppConfig, logger: Logger, local?: LocalMode): Promise<RunningServer> {
  const store = await TableStore.connect(config.storage);
  await store.ensureTables();

  const communityRepository = new TablesCommunityRepository(store);
  const communities = new CommunityService(communityRepository, undefined, {
    onJoinWriteFailed: ([first], error) =>
      logger.warn("Memberships from taking part could not be written yet; trying again", {
        tenantId: first?.tenantId,
        communityId: first?.communityId,
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  const entries = new TablesEntryRepository(store);
  await repairStoredData(store, entries, logger);
  const library = new LibraryService(entries, communities, new SyncedLibrarySearch(entries));
  const playbooks = new PlaybookService(new TablesPlaybookRepository(store), entries, communities);

  // Microsoft Graph: the real one by configuration; locally, without GRAPH_BASE_URL, the stand-in
  // for the synthetic organisation, reached over HTTP by the same client as Graph.
  const graphBaseUrl = config.graph.baseUrl ?? local?.graphBaseUrl;
  const graph =
    config.graph.auth && graphBaseUrl
      ? createGraphAdapters({
          baseUrl: graphBaseUrl,
          auth: config.graph.auth,
          cacheTtlMs: config.graph.cacheTtlMs,
          cache: new TablesOrgContextCache(store),
          log: logger,
        })
      : undefined;
  if (!graph) logger.warn("Microsoft Graph is off: no org context and no Teams meetings (set GRAPH_AUTH)");
  const directory: PeopleDirectory = graph?.directory ?? new NoDirectory();
  /** Schedules sessions' Teams meetings; undefined when Graph is off. */
  const meetingScheduler: MeetingScheduler | undefined = graph?.meetingScheduler;
  const sessionPlan = new TablesSessionPlanRepository(store);
  const timeZones = new PersonTimeZones(new TablesTimeZoneStore(store));
  // Without a scheduler (Graph off) stewards are told Teams meetings cannot be scheduled.
  const sessionRepository = new TablesSessionRepository(store);
  const sessions = new SessionService(sessionRepository, communities, undefined, {
    plan: sessionPlan,
    members: communityMembersOf(communityRepository),
    ...(meetingScheduler ? { scheduler: meetingScheduler } : {}),
  });

  const commitmentRepository = new TablesCommitmentRepository(store);
  const commitments = new CommitmentService(commitmentRepository, { communities, facts: entries });
  const insights = new InsightsService(
    communities,
    new TablesInsightsStore(store),
    new InsightsFactsReader(communityRepository, entries, commitmentRepository, directory),
    {
      personLevel: (tenantId) =>
        config.insights.personLevelOff !== "all" &&
        !config.insights.personLevelOff.includes(tenantId.toLowerCase()),
      instanceId: randomUUID(),
      refreshMs: config.insights.refreshMs,
      compute: insightsThreads({
        ...(config.insights.threads !== undefined ? { threads: config.insights.threads } : {}),
        onFallback: (error) =>
          logger.warn("network insights: the worker thread failed, computed on the main thread", {
            error: error instanceof Error ? error.message : String(error),
          }),
      }),
      onError: (error, ids) =>
        logger.warn("network insights: computation failed", {
          ...ids,
          error: error instanceof Error ? error.message : String(error),
        }),
    },
  );
  const home = new CommunityHomeService(
    communities,
    library,
    sessions,
    playbooks,
    entries,
    undefined,
    commitments,
  );
  const activityRepository = new TablesActivityRepository(store);
  const meetingStore = new TablesMeetingRepository(store);
  const adapter = new TeamsAdapter(botAuthenticationOptions(config));
  keepConnectorClients(adapter);
  const rota = rotaOfSessions(sessions);
  const teachingTopics = new TeachingTopicService(new TablesTeachingTopics(store), communities, rota);
  const questionsAhead = new QuestionsAheadService(new TablesQuestionsAhead(store), communities);
  const modules = new ModuleService(new TablesModules(store), communities, activityRepository);
  const rubrics = new RubricService(new TablesCommunityRubrics(store), communities);
  const activities = new ActivityService(activityRepository, directory, {
    topics: teachingTopics,
    phaseContent: modules,
    rubrics,
    questionsAhead,
    rota,
    communities,
    commitments,
    meetingRoles: meetingRolesOf(adapter, config, meetingStore, logger),
    circles: new TablesCircleMemory(store),
    lessons: {
      publish: (caller, communityId, lesson) => library.publishDeidentified(caller, communityId, lesson),
    },
  });
  const outcomes = new MeetingOutcomeService(meetingStore, library, communities, directory);
  const myLearning = new MyLearningService(communities, library, sessions, activities, outcomes);

  const background = new BackgroundWork(logger);
  const sender = new ProactiveSender(adapter, config.bot.appId, meetingStore, logger);
  const announcer = new ActivityAnnouncer({
    activities,
    library,
    communities,
    playbooks,
    answers: new TablesAnswerRepository(store),
    // An AMA's unanswered questions go on to the community's routing (built below, used at a close).
    questionRouting: {
      route: async (caller, communityId, question) => {
        await questionRouting.routeQuestion(caller, communityId, question.entryId);
      },
    },
    sender,
    logger,
    instanceId: randomUUID(),
    links: { publicUrl: config.publicUrl, teamsAppId: config.teamsAppId },
    sessions,
  });
  const reminders = new SessionReminders({
    planner: new SessionReminderPlanner(sessionPlan),
    claims: sessionPlan,
    sender,
    channelsOf: async (tenantId, communityId) => {
      const community = await communityRepository.get(tenantId, communityId);
      return [community?.channelId, community?.teamId].filter((id): id is string => !!id);
    },
    // A Teams deep link: it opens the session inside Teams on every client.
    sessionLink: (communityId, sessionId) =>
      sessionDeepLink({ publicUrl: config.publicUrl, teamsAppId: config.teamsAppId }, communityId, sessionId),
    logger,
    instanceId: randomUUID(),
  });
  const checkIns = new CommitmentCheckIns({
    commitments,
    places: meetingPlaceLookups({ communities, sessions, activities: activityRepository }),
    sender,
    allowedTenants: new Set(config.auth.allowedTenants),
    logger,
    instanceId: randomUUID(),
  });
  // A new request to join a private community goes to its channel as a card the stewards answer.
  communities.whenJoinRequested((community, request) =>
    postJoinRequest({ sender, background, logger }, community, request),
  );
  const answerRepository = new TablesAnswerRepository(store);
  const answers = new AnswerService(answerRepository, library, communities, entries);
  const questionRouting = new QuestionRoutingService({
    routes: new TablesQuestionRouteRepository(store),
    library,
    communities,
    answers: answerRepository,
    people: routingPeopleOf({
      plan: sessionPlan,
      sessions: sessionRepository,
      zoneOf: (tenantId, ids) => timeZones.zonesOf(tenantId, ids),
    }),
    notifier: routedQuestionNotifier({
      sender,
      links: { publicUrl: config.publicUrl, teamsAppId: config.teamsAppId },
      languageOf: async (tenantId, userId) =>
        (await directory.getMany(tenantId, [userId])).people.get(userId)?.preferredLanguage,
    }),
    onCallExpert: (caller, communityId) => home.onCallExpert(caller, communityId),
    instanceId: randomUUID(),
  });
  answers.whenAnswered((tenantId, communityId, questionId) =>
    questionRouting.answered(tenantId, communityId, questionId),
  );
  const escalation = new QuestionEscalation(questionRouting, logger);
  // Generated answers only when an admin configured a model; otherwise the library is quoted.
  const asking = new AskService(
    library,
    config.generatedAnswers
      ? new GeneratedAnswerer(azureOpenAiCompletion(config.generatedAnswers), logger)
      : undefined,
  );
  const bot = createBotApplication({
    adapter,
    botAppId: config.bot.appId,
    logger,
    communities,
    library,
    sessions,
    links: { publicUrl: config.publicUrl, teamsAppId: config.teamsAppId },
    allowedTenants: new Set(config.auth.allowedTenants),
    answers,
    questionRouting,
    asking,
    questionsAhead,
    timeZones,
    meetings: {
      activities,
      topics: teachingTopics,
      modules,
      rubrics,
      communities,
      directory,
      announcer,
      sender,
      background,
      outcomes,
      checkIns,
    },
  });
  const localRoutes = await local?.attach({
    communities,
    sessions,
    playbooks,
    entries,
    library,
    memberships: communityRepository,
    communityExists: async (tenantId, communityId) =>
      (await communityRepository.get(tenantId, communityId)) !== undefined,
  });

  const app = createHttpApp({
    config,
    logger,
    adapter,
    bot,
    validateTabToken: createTabTokenValidator(config.auth),
    communities,
    library,
    answers,
    questionRouting: {
      routing: questionRouting,
      asking,
      reputation: new ReputationService(communities, library, entries, sessions),
      recognition: new RecognitionService(communities, communityRepository, recognitionPoster({ sender })),
    },
    sessions,
    playbooks,
    home,
    myLearning,
    timeZones,
    activities,
    teachingTopics,
    modules,
    rubrics,
    questionsAhead,
    commitments,
    insights,
    directory,
    checkStorage: (signal) => store.ping(signal),
    ...(localRoutes ? { localRoutes } : {}),
  });

  // botbuilder prints token failures and turn errors raw to the console; they go through the
  // redacting logger instead.
  const restoreConsole = routeLibraryConsoleTo(logger);
  const server = await listen(app, config.port, config.host).catch(async (error: unknown) => {
    // Nothing is served (a port in use): stop what was started to serve, then say why.
    await graph?.close();
    restoreConsole();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${port}`;
  logger.info("PeerCircle is listening", { url, mode: config.mode, botAuth: !config.bot.authDisabled });
  // Open activities (stored): phase changes and ends are announced and closed by whichever instance
  // wins the lease, whoever started the activity.
  announcer.start(config.activityPollMs);
  // Session reminders: every instance polls; a claim row makes each go out once.
  reminders.start(config.mode === "local" ? REMINDER_POLL_LOCAL_MS : REMINDER_POLL_MS);
  // Due-day check-ins on commitments: the same, one claim row per commitment and day.
  checkIns.start(config.mode === "local" ? REMINDER_POLL_LOCAL_MS : REMINDER_POLL_MS);
  // Routed questions past their target go to the next person: one claim per route and pass.
  escalation.start(config.mode === "local" ? REMINDER_POLL_LOCAL_MS : REMINDER_POLL_MS);
  // Network insights: each instance looks for due communities; a lease lets one compute each.
  insights.start(Math.min(config.insights.refreshMs, INSIGHTS_POLL_MS));

  return {
    url,
    port,
    close: async () => {
      await announcer.stop();
      await reminders.stop();
      await checkIns.stop();
      await escalation.stop();
      await insights.stop();
      await communities.stop();
      await background.drain();
      await sender.drain();
      await graph?.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      restoreConsole();
    },
  };
}

/**
 * Where a meeting belongs, read from what the app stores: the caller's communities, their sessions'
 * join links, and the activities run in the meeting's chat (newest first, a few at most).
 */
function meetingPlaceLookups(deps: {
  communities: CommunityService;
  sessions: SessionService;
  activities: Pick<ActivityRepository, "activityIdsOfConversation" | "loadFlow">;
}): MeetingPlaceLookups {
  return {
    communitiesOf: async (caller) =>
      (await deps.communities.listVisible(caller)).map((c) => ({
        id: c.id,
        name: c.name,
        isMember: c.isMember,
        ...(c.teamId ? { teamId: c.teamId } : {}),
      })),
    sessionsOf: (caller, communityId) => deps.sessions.forExport(caller, communityId),
    activitiesOf: async (tenantId, conversationId) => {
      const ids = (await deps.activities.activityIdsOfConversation(tenantId, conversationId)).slice(0, 5);
      const flows = await Promise.all(ids.map((id) => deps.activities.loadFlow(tenantId, id)));
      return flows.flatMap((flow) =>
        flow
          ? [
              {
                communityId: flow.activity.communityId,
                ...(flow.activity.sessionId ? { sessionId: flow.activity.sessionId } : {}),
              },
            ]
          : [],
      );
    },
  };
}

/**
 * Meeting roles from Teams (organisers and presenters steer activities too), kept a minute per
 * instance; a lookup that fails or takes over 2 s leaves steering to the facilitator, logged.
 */
function meetingRolesOf(
  adapter: TeamsAdapter,
  config: AppConfig,
  references: TablesMeetingRepository,
  logger: Logger,
): RoleLookup {
  return new RoleLookup(new TeamsMeetingRoles(adapter, config.bot.appId, references), {
    onUnavailable: (details) =>
      logger.warn("Meeting role unknown: only the facilitator steers until Teams answers", details),
  });
}

/**
 * One-off repairs of stored data, run at every start before the instance serves; each marks what it
 * has done, so after the first start it costs a point read per community. A failed repair does not
 * stop the start (the data is served as it is) and is tried again at the next start.
 */
async function repairStoredData(store: TableStore, entries: TablesEntryRepository, logger: Logger) {
  try {
    const report = await repairHelpfulVoteFacts(store, entries);
    if (report.repaired > 0) logger.info("Helpful-vote learning facts repaired", { ...report });
  } catch (error) {
    logger.warn("Repairing helpful-vote learning facts failed; it runs again at the next start", {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Listens on the port; rejects with the listen error (EADDRINUSE for a port in use), which
 * Express 5 hands to the callback instead of emitting it.
 */
function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
