import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routingPeopleOf } from "../../src/domain/ask/routingPeople.js";
import { PersonTimeZones } from "../../src/domain/people/personTimeZones.js";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesTimeZoneStore } from "../../src/storage/tablesTimeZoneStore.js";
import { TenantData } from "../../src/storage/tenantData.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { eventually } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";
import { messageActivity, postActivity, teamsUser } from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

type Person = { id: string; displayName: string };

/**
 * People's own time zones, from what their clients report: the tab's `PUT /api/me/time-zone` and
 * `localTimezone` on the messages their Teams client sends the bot. Routing counts a person's
 * working hours on their zone, and the community's sessions' zone stands in for anyone else's.
 */
describe("a person's own time zone", () => {
  let server: TestServer;
  let store: TableStore;
  let zones: PersonTimeZones;
  const connector = new ConnectorRecorder();
  const [steward, member, third] = demoPeople(org) as unknown as [Person, Person, Person];
  const tenantId = org.tenantId.toLowerCase();

  const putZone = async (as: Person, body: unknown) =>
    fetch(`${server.baseUrl}/api/me/time-zone`, {
      method: "PUT",
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, as.id)}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
    store = await TableStore.connect({
      connectionString: server.config.storage.connectionString ?? "",
      tablePrefix: server.config.storage.tablePrefix,
    });
    zones = new PersonTimeZones(new TablesTimeZoneStore(store));
  });
  afterAll(async () => {
    await server?.close();
    await connector.stop();
  });

  it("keeps the zone the tab reports, and refuses a name no time zone has without keeping it", async () => {
    expect((await putZone(member, { timeZone: "Pacific/Auckland" })).status).toBe(204);
    const refused = await putZone(member, { timeZone: "Mars/Olympus_Mons" });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("time zone");
    expect((await putZone(member, {})).status).toBe(400);
    expect(await zones.zonesOf(tenantId, [member.id, steward.id])).toEqual(
      new Map([[member.id, "Pacific/Auckland"]]),
    );
  });

  it("keeps the zone a person's Teams client reports on a message to the bot", async () => {
    const activity = {
      ...messageActivity("help", { serviceUrl: connector.serviceUrl, from: teamsUser(third) }),
      localTimezone: "America/Los_Angeles",
    };
    expect((await postActivity(server.baseUrl, activity)).status).toBe(200);
    await eventually(
      async () => (await zones.zonesOf(tenantId, [third.id])).get(third.id),
      "the zone from the message kept",
    );
    expect((await zones.zonesOf(tenantId, [third.id])).get(third.id)).toBe("America/Los_Angeles");
  });

  it("times routed questions on each person's own zone, the community's sessions' zone standing in", async () => {
    const people = routingPeopleOf({
      plan: { listRolePreferences: async () => [] },
      sessions: {
        listForCommunity: async () =>
          [{ createdAt: "2026-11-01T00:00:00Z", timeZone: "Europe/Berlin" }] as never,
      },
      zoneOf: (tenant, ids) => zones.zonesOf(tenant, ids),
    });
    expect(await people.timeZones(tenantId, server.demoCommunityId, [member.id, steward.id])).toEqual(
      new Map([
        [member.id, "Pacific/Auckland"],
        [steward.id, "Europe/Berlin"],
      ]),
    );
  });

  it("is in the person's own export and goes with their erasure", async () => {
    const data = new TenantData(store);
    const exported = await data.exportUser(tenantId, member.id);
    expect(JSON.stringify(exported.tables.OrgContext)).toContain("Pacific/Auckland");
    expect(JSON.stringify((await data.exportUser(tenantId, steward.id)).tables.OrgContext)).not.toContain(
      "Pacific/Auckland",
    );
    await data.deleteUser(tenantId, member.id);
    expect(await zones.zonesOf(tenantId, [member.id])).toEqual(new Map());
  });
});
