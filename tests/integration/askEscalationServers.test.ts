import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesQuestionRouteRepository } from "../../src/storage/tablesQuestionRouteRepository.js";
import { ConnectorRecorder, type RecordedActivity } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import { type Person, ServerInstances } from "../support/serverInstances.js";
import { botInstalledActivity, postActivity, teamsUser } from "../support/teamsActivities.js";

// biome-ignore lint/suspicious/noExplicitAny: card JSON is loosely shaped
type Json = any;
const cardOf = (activity: RecordedActivity | undefined): Json =>
  activity?.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;

/**
 * Two running servers sharing one set of tables, each with its escalation job polling (every 2 s
 * locally): a routed question whose first person's time ran out goes to the next person once, by
 * whichever server claims it, and the asker's API answer says so.
 */
describe("escalation by the servers' own jobs, once across two servers", () => {
  let instances: ServerInstances;
  const connector = new ConnectorRecorder();
  const [steward, first, next, asker] = org.users.filter((u) => u.department).slice(4, 8) as unknown as [
    Person,
    Person,
    Person,
    Person,
  ];
  let communityId = "";
  let questionId = "";

  beforeAll(async () => {
    await connector.start();
    instances = await ServerInstances.start(2);
    const [a, b] = [instances.instance(0), instances.instance(1)];
    const created = await instances.api(a, steward, "POST", "/communities", {
      name: "Escalation guild",
      purpose: "Questions that wait.",
    });
    communityId = created.body.id;
    for (const p of [first, next, asker])
      expect((await instances.api(b, p, "POST", `/communities/${communityId}/join`)).status).toBeLessThan(
        300,
      );
    const q = await instances.api(a, asker, "POST", `/communities/${communityId}/entries`, {
      type: "qa",
      title: "Who restarts the zebra loader at night?",
      body: "It stopped twice this week.",
    });
    questionId = q.body.id;
    await postActivity(
      a.baseUrl,
      botInstalledActivity({
        serviceUrl: connector.serviceUrl,
        conversationType: "personal",
        from: teamsUser(next),
      }),
    );
    await connector.waitFor(1);
    connector.clear();
  });
  afterAll(async () => {
    await instances?.close();
    await connector.stop();
  });

  it("asks the next person once when the first one's time is up", async () => {
    // The question went to `first` yesterday, and their four working hours have passed.
    const store = await TableStore.connect({
      connectionString: inject("tablesConnectionString"),
      tablePrefix: instances.tablePrefix,
    });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const passed = new Date(Date.now() - 60_000).toISOString();
    await new TablesQuestionRouteRepository(store).create({
      tenantId: org.tenantId.toLowerCase(),
      communityId,
      communityName: "Escalation guild",
      questionId,
      title: "Who restarts the zebra loader at night?",
      asker: { id: asker.id, displayName: asker.displayName },
      createdAt: yesterday,
      state: "waiting",
      queue: [{ id: next.id, displayName: next.displayName }],
      asked: [
        {
          person: { id: first.id, displayName: first.displayName },
          askedAt: yesterday,
          dueAt: passed,
          timeZone: "UTC",
          notifiedAt: yesterday,
        },
      ],
      nextCheckAt: passed,
    });

    await expect
      .poll(
        async () =>
          (
            await instances.api(
              instances.instance(1),
              asker,
              "GET",
              `/communities/${communityId}/entries/${questionId}/route`,
            )
          ).body.route.asked.length,
        { timeout: 15_000, interval: 250 },
      )
      .toBe(2);
    // Both servers have polled a few times since: still exactly one card.
    await new Promise((r) => setTimeout(r, 4_500));
    const cards = connector.activities.filter((x) =>
      JSON.stringify(cardOf(x) ?? {}).includes("zebra loader"),
    );
    expect(cards).toHaveLength(1);
    const route = (
      await instances.api(
        instances.instance(0),
        asker,
        "GET",
        `/communities/${communityId}/entries/${questionId}/route`,
      )
    ).body.route;
    expect(route.asked.map((a: Json) => [a.person.id, a.outcome ?? "waiting"])).toEqual([
      [first.id, "missed"],
      [next.id, "waiting"],
    ]);
    expect(route.overdue).toBe(true);
    const queue = await instances.api(
      instances.instance(0),
      steward,
      "GET",
      `/communities/${communityId}/unanswered`,
    );
    expect(queue.body.items.map((i: Json) => i.questionId)).toEqual([questionId]);
  });
});
