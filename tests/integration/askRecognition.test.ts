import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder, type RecordedActivity } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import { installInDemoTeam } from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: cards and answers are loosely shaped JSON
type Json = any;

const cardOf = (activity: RecordedActivity | undefined): Json =>
  activity?.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;

/**
 * A steward's recognition card to the community's channel (the Bot Connector recorded): stewards
 * only, for members of that community only, with a note that says what for; an answer's author
 * can be recognised from it (`canRecognise` for stewards).
 */
describe("recognising a member in the community's channel", () => {
  const connector = new ConnectorRecorder();
  let server: TestServer;
  let communityId = "";
  const [steward, helper, member] = demoPeople(org) as unknown as [Person, Person, Person];
  const demoIds = new Set(demoPeople(org).map((p) => p.id));
  const outsider = org.users.find((u) => !demoIds.has(u.id)) as unknown as Person;

  async function api(person: Person, method: string, path: string, body?: unknown) {
    const res = await fetch(`${server.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, person.id)}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
  }

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
    await installInDemoTeam(server.baseUrl, connector, DEMO_TEAM);
    const created = await api(steward, "POST", "/communities", {
      name: "Pipelines guild",
      purpose: "People who run the data pipelines.",
      teamId: DEMO_TEAM.teamId,
      channelId: DEMO_TEAM.channelId,
    });
    expect(created.status).toBe(201);
    communityId = created.body.id;
    for (const p of [helper, member])
      expect((await api(p, "POST", `/communities/${communityId}/join`)).status).toBeLessThan(300);
    connector.clear();
  });
  afterAll(async () => {
    await server?.close();
    await connector.stop();
  });

  it("posts the steward's thanks to the channel, once per send, and refuses everyone else", async () => {
    const path = `/communities/${communityId}/recognitions`;
    const q = await api(member, "POST", `/communities/${communityId}/entries`, {
      type: "qa",
      title: "How do we backfill a partitioned table?",
      body: "Without locking it for a day.",
    });
    const answer = await api(helper, "POST", `/communities/${communityId}/entries/${q.body.id}/answers`, {
      body: "Four partitions at a time.",
    });
    const asSteward = await api(steward, "GET", `/communities/${communityId}/entries/${q.body.id}/answers`);
    expect(asSteward.body.items[0]).toMatchObject({ id: answer.body.id, canRecognise: true });
    const asMember = await api(member, "GET", `/communities/${communityId}/entries/${q.body.id}/answers`);
    expect(asMember.body.items[0].canRecognise).toBe(false);

    const sent = await api(steward, "POST", path, { personId: helper.id, note: "For the backfill answer." });
    expect(sent).toEqual({ status: 201, body: { posted: true } });
    await connector.waitFor(1);
    const posted = connector.activities[0];
    expect(posted?.conversationId).toBe(DEMO_TEAM.channelId);
    expect(cardOf(posted).body.map((b: Json) => b.text)).toEqual([
      "Recognition in Pipelines guild",
      `Thank you, ${helper.displayName}`,
      "For the backfill answer.",
      `From ${steward.displayName}, steward`,
    ]);

    connector.clear();
    expect((await api(member, "POST", path, { personId: helper.id, note: "Thanks!" })).status).toBe(403);
    expect((await api(steward, "POST", path, { personId: outsider.id, note: "Thanks!" })).status).toBe(404);
    const empty = await api(steward, "POST", path, { personId: helper.id, note: "   " });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain("Say what you recognise them for.");
    await new Promise((r) => setTimeout(r, 300));
    expect(connector.activities).toHaveLength(0);
  });
});
