import { TeamsAdapter } from "@microsoft/teams-ai";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { QuestionEscalation } from "../../src/bot/asking/questionEscalation.js";
import { routedQuestionNotifier } from "../../src/bot/asking/routedQuestionNotifier.js";
import { ProactiveSender } from "../../src/bot/meetings/proactiveSender.js";
import { QuestionRoutingService } from "../../src/domain/ask/questionRoutingService.js";
import { routingPeopleOf } from "../../src/domain/ask/routingPeople.js";
import { NotFoundError } from "../../src/domain/errors.js";
import { createLogger } from "../../src/observability/logger.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesAnswerRepository } from "../../src/storage/tablesAnswerRepository.js";
import { TablesMeetingRepository } from "../../src/storage/tablesMeetingRepository.js";
import { TablesQuestionRouteRepository } from "../../src/storage/tablesQuestionRouteRepository.js";
import { TablesSessionPlanRepository } from "../../src/storage/tablesSessionPlanRepository.js";
import { TablesSessionRepository } from "../../src/storage/tablesSessionRepository.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { BOT_ID } from "../support/teamsActivities.js";
import { uniqueTablePrefix } from "../support/testServer.js";

/**
 * The response-time clock across two instances sharing one set of tables, with an injected clock:
 * both escalation jobs pass at the same moments, and each person is sent the question once; past
 * the target it goes to the next person (snoozed people passed over, unreachable ones skipped);
 * an answer stops it.
 */
const tenant = "tenant-ask-escalation";
const community = "community-esc";
const people = Array.from({ length: 5 }, (_, i) => ({ id: `user-${i}`, displayName: `Person ${i}` }));
const asker = { id: "asker", displayName: "Asker" };
const notUsed = () => {
  throw new NotFoundError("not used by the escalation job");
};

describe("escalating routed questions by the clock, once across two instances", () => {
  const connector = new ConnectorRecorder();
  const logger = createLogger({ silent: true });
  let jobs: QuestionEscalation[] = [];
  let routes: TablesQuestionRouteRepository;
  let answers: TablesAnswerRepository;

  beforeAll(async () => {
    await connector.start();
    const tablePrefix = uniqueTablePrefix();
    const connectionString = inject("tablesConnectionString");
    jobs = await Promise.all(
      ["one", "two"].map(async (instanceId) => {
        const store = await TableStore.connect({ connectionString, tablePrefix });
        await store.ensureTables();
        const sender = new ProactiveSender(
          new TeamsAdapter({}),
          "",
          new TablesMeetingRepository(store),
          logger,
        );
        const service = new QuestionRoutingService({
          routes: new TablesQuestionRouteRepository(store),
          library: { get: notUsed, searchCommunity: notUsed, openQuestion: notUsed },
          communities: { get: notUsed },
          answers: new TablesAnswerRepository(store),
          people: routingPeopleOf({
            plan: new TablesSessionPlanRepository(store),
            sessions: new TablesSessionRepository(store),
          }),
          notifier: routedQuestionNotifier({
            sender,
            links: { publicUrl: "https://peercircle.example", teamsAppId: "" },
          }),
          onCallExpert: notUsed,
          instanceId,
        });
        return new QuestionEscalation(service, logger);
      }),
    );
    const store = await TableStore.connect({ connectionString, tablePrefix });
    routes = new TablesQuestionRouteRepository(store);
    answers = new TablesAnswerRepository(store);
    const references = new TablesMeetingRepository(store);
    // Everyone but person 2 has PeerCircle in personal chat: the bot can reach them.
    for (const p of people.filter((p) => p.id !== "user-2"))
      await references.save(
        tenant,
        { userId: p.id },
        JSON.stringify({
          serviceUrl: connector.serviceUrl,
          channelId: "msteams",
          conversation: { id: `a:${p.id}`, conversationType: "personal", tenantId: tenant },
          bot: { id: BOT_ID, name: "PeerCircle" },
        }),
      );
    // Person 1 snoozed their roles for the month.
    await new TablesSessionPlanRepository(store).setRolePreference(tenant, community, {
      userId: "user-1",
      displayName: "Person 1",
      willing: [],
      snoozedUntil: "2031-06-01T00:00:00.000Z",
      updatedAt: "2031-05-01T00:00:00.000Z",
    });
  });
  afterAll(async () => {
    await connector.stop();
  });

  it("sends each person the question once, escalates past the target, and stops at an answer", async () => {
    const [one, two] = jobs as [QuestionEscalation, QuestionEscalation];
    // Tuesday 08:00 UTC: the route was made but its instance stopped before asking anyone.
    const t0 = new Date("2031-05-06T08:00:00Z");
    await routes.create({
      tenantId: tenant,
      communityId: community,
      communityName: "Pipelines guild",
      questionId: "q-1",
      title: "How do we archive the zebra pipeline's logs?",
      asker,
      createdAt: t0.toISOString(),
      state: "waiting",
      queue: people,
      asked: [],
      nextCheckAt: t0.toISOString(),
    });
    const both = (at: Date) => Promise.all([one.runOnce(at), two.runOnce(at)]);
    const sum = (n: number[]) => n.reduce((a, b) => a + b, 0);

    // Two at once: person 0; person 1 is snoozed; person 2 cannot be reached, so person 3.
    expect(sum(await both(t0))).toBe(2);
    expect(sum(await both(t0))).toBe(0);
    await connector.waitFor(2);
    expect(connector.activities.map((a) => a.conversationId).sort()).toEqual(["a:user-0", "a:user-3"]);
    let route = await routes.get(tenant, community, "q-1");
    // The working day starts at 09:00 (UTC: nobody's zone is known): 4 working hours → 13:00.
    expect(route?.asked.map((a) => [a.person.id, a.dueAt, a.outcome ?? "waiting"])).toEqual([
      ["user-0", "2031-05-06T13:00:00.000Z", "waiting"],
      ["user-2", "2031-05-06T13:00:00.000Z", "unreachable"],
      ["user-3", "2031-05-06T13:00:00.000Z", "waiting"],
    ]);

    // A minute before the target nothing moves; at it, the next person is asked, once.
    expect(sum(await both(new Date("2031-05-06T12:59:00Z")))).toBe(0);
    expect(sum(await both(new Date("2031-05-06T13:00:00Z")))).toBe(1);
    await connector.waitFor(3);
    expect(connector.activities.map((a) => a.conversationId).sort()).toEqual([
      "a:user-0",
      "a:user-3",
      "a:user-4",
    ]);
    route = await routes.get(tenant, community, "q-1");
    expect(route?.queue.map((p) => p.id)).toEqual(["user-1"]);

    // Person 4 answers: the next pass closes the route instead of asking anyone else.
    await answers.create({
      tenantId: tenant,
      communityId: community,
      questionId: "q-1",
      id: "a-1",
      author: people[4] as (typeof people)[0],
      body: "Cool tier, then archive.",
      createdAt: "2031-05-06T14:00:00.000Z",
      updatedAt: "2031-05-06T14:00:00.000Z",
      voterIds: [],
      accepted: false,
      history: [],
    });
    expect(sum(await both(new Date("2031-05-07T17:00:00Z")))).toBe(0);
    expect((await routes.get(tenant, community, "q-1"))?.state).toBe("answered");
    expect(connector.activities).toHaveLength(3);
  });
});
