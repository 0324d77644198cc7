import { describe, expect, inject, it } from "vitest";
import { TABLES } from "../../src/storage/keys.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesQuestionRouteRepository } from "../../src/storage/tablesQuestionRouteRepository.js";
import { TenantData } from "../../src/storage/tenantData.js";
import { uniqueTablePrefix } from "../support/testServer.js";

/** A question's route names people (the asker, who was asked, who is next): export and erasure cover it. */
describe("a question's route in a person's data export and erasure", () => {
  it("is exported to the people it names, and erasing one keeps the route with a pseudonym", async () => {
    const store = await TableStore.connect({
      connectionString: inject("tablesConnectionString"),
      tablePrefix: uniqueTablePrefix(),
    });
    await store.ensureTables();
    const routes = new TablesQuestionRouteRepository(store);
    const tenant = "tenant-route-data";
    const [asker, expert, next] = ["user-asker", "user-expert", "user-next"].map((id) => ({
      id,
      displayName: `Name of ${id}`,
    })) as [
      { id: string; displayName: string },
      { id: string; displayName: string },
      { id: string; displayName: string },
    ];
    await routes.create({
      tenantId: tenant,
      communityId: "c1",
      communityName: "Guild",
      questionId: "q1",
      title: "How?",
      asker,
      createdAt: "2031-05-06T08:00:00.000Z",
      state: "waiting",
      queue: [next],
      asked: [
        {
          person: expert,
          askedAt: "2031-05-06T08:00:00.000Z",
          dueAt: "2031-05-06T13:00:00.000Z",
          timeZone: "UTC",
        },
      ],
      nextCheckAt: "2031-05-06T13:00:00.000Z",
    });
    const data = new TenantData(store);
    for (const person of [asker, expert, next])
      expect((await data.exportUser(tenant, person.id)).tables[TABLES.questionRoutes]).toHaveLength(1);

    const report = await data.deleteUser(tenant, expert.id);
    expect(report.anonymised[TABLES.questionRoutes]).toBe(1);
    const after = await routes.get(tenant, "c1", "q1");
    expect(JSON.stringify(after)).not.toContain(expert.id);
    expect(after?.asked[0]?.person.id).toBe(report.pseudonymId);
    expect(after?.asker).toEqual(asker);
    expect(after?.queue).toEqual([next]);
  });
});
