import { describe, expect, inject, it } from "vitest";
import { QuestionRoutingService } from "../../src/domain/ask/questionRoutingService.js";
import type { Caller, PersonRef } from "../../src/domain/identity.js";
import type { EntryView } from "../../src/domain/library/entryView.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesAnswerRepository } from "../../src/storage/tablesAnswerRepository.js";
import { TablesQuestionRouteRepository } from "../../src/storage/tablesQuestionRouteRepository.js";
import { uniqueTablePrefix } from "../support/testServer.js";

/**
 * An AMA's close routes its unanswered questions one after another: the community's on-call
 * expert (read from the calendar) is read once for them, not once per question, and asked first.
 */
const tenant = "tenant-on-call";
const community = "community-on-call";
const facilitator: Caller = { tenantId: tenant, userId: "facilitator", displayName: "Facilitator" };
const expert: PersonRef = { id: "expert", displayName: "On-call Expert" };

describe("routing a burst of questions to the on-call expert", () => {
  it("reads the on-call expert once for questions routed together, and again after 30 s", async () => {
    const store = await TableStore.connect({
      connectionString: inject("tablesConnectionString"),
      tablePrefix: uniqueTablePrefix(),
    });
    await store.ensureTables();
    let now = Date.parse("2026-12-07T10:00:00Z");
    let reads = 0;
    const asked: string[] = [];
    const question = (id: string) =>
      ({
        id,
        type: "qa",
        title: `Question ${id} about pricing reviews`,
        body: "How do we decide?",
        tags: [],
        author: { id: "asker", displayName: "Asker" },
        answered: false,
      }) as unknown as EntryView;
    const routing = new QuestionRoutingService({
      routes: new TablesQuestionRouteRepository(store),
      library: {
        get: async (_c, _community, id) => question(id),
        searchCommunity: async () => ({ items: [], total: 0 }) as never,
        openQuestion: async () => {
          throw new Error("not used");
        },
      },
      communities: { get: async () => ({ id: community, name: "Pricing" }) as never },
      answers: new TablesAnswerRepository(store),
      people: { snoozedUntil: async () => new Map(), timeZones: async () => new Map() },
      notifier: {
        ask: async (route, person) => {
          asked.push(`${route.questionId}:${person.id}`);
          return true;
        },
      },
      onCallExpert: async () => {
        reads++;
        return expert;
      },
      instanceId: "one",
      now: () => new Date(now),
    });
    for (const id of ["q1", "q2", "q3"]) await routing.routeQuestion(facilitator, community, id);
    expect(reads).toBe(1);
    expect(asked).toEqual(["q1:expert", "q2:expert", "q3:expert"]);
    now += 30_001;
    await routing.routeQuestion(facilitator, community, "q4");
    expect(reads).toBe(2);
  });
});
