import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder, type RecordedActivity } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import { installInDemoTeam, invokeActivity, postInvoke, teamsUser } from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: cards are loosely shaped JSON read by the test
type Card = any;

const cardOf = (activity: RecordedActivity | undefined): Card =>
  activity?.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;

// A request to join a private community reaches its channel as a card (over the Bot Connector
// protocol, a local recorder standing in for the connector); a steward answers it there.
describe("requests to join as cards in the community's channel", () => {
  const connector = new ConnectorRecorder();
  let server: TestServer;
  let communityId: string;
  const steward = demoPeople(org)[0] as Person;
  const demoIds = new Set(demoPeople(org).map((p) => p.id));
  const [asker, bystander, second] = org.users.filter((u) => !demoIds.has(u.id)).slice(0, 3) as unknown as [
    Person,
    Person,
    Person,
  ];

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
    // biome-ignore lint/suspicious/noExplicitAny: the test reads loosely shaped JSON answers
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any };
  }

  const press = (verb: string, data: Record<string, unknown>, as: Person) =>
    postInvoke(
      server.baseUrl,
      invokeActivity(
        "adaptiveCard/action",
        { action: { type: "Action.Execute", verb, data: { verb, ...data } }, trigger: "manual" },
        {
          serviceUrl: connector.serviceUrl,
          conversationType: "channel",
          conversationId: DEMO_TEAM.channelId,
          from: teamsUser(as),
        },
      ),
    );

  const requestCards = () =>
    connector.activities.filter((a) =>
      JSON.stringify(cardOf(a) ?? {}).includes("asks to join Leaders' circle"),
    );

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
    // The app installed in the community's team: the bot learns where the channel is.
    await installInDemoTeam(server.baseUrl, connector, DEMO_TEAM);
    const created = await api(steward, "POST", "/communities", {
      name: "Leaders' circle",
      purpose: "Peer coaching for team leads.",
      privacy: "private",
      teamId: DEMO_TEAM.teamId,
      channelId: DEMO_TEAM.channelId,
    });
    communityId = created.body.id;
  });
  afterAll(async () => {
    await server?.close();
    await connector.stop();
  });

  it("posts one card per new request, with Approve and Decline, to the community's channel", async () => {
    await api(asker, "POST", `/communities/${communityId}/join-requests`);
    await api(asker, "POST", `/communities/${communityId}/join-requests`); // asking again posts nothing
    await expect.poll(() => requestCards().length, { timeout: 10_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requestCards()).toHaveLength(1);
    const [posted] = requestCards();
    expect(posted?.conversationId).toBe(DEMO_TEAM.channelId);
    const card = cardOf(posted);
    expect(card.body[0].text).toBe(`${asker.displayName} asks to join Leaders' circle`);
    expect(card.actions.map((a: Card) => [a.title, a.verb, a.data])).toEqual([
      ["Approve", "membership.approve", { communityId, userId: asker.id }],
      ["Decline", "membership.decline", { communityId, userId: asker.id }],
    ]);
  });

  it("refuses a non-steward's Approve and changes nothing; the steward's Approve makes a member", async () => {
    const data = { communityId, userId: asker.id };
    const refused = await press("membership.approve", data, bystander);
    expect(refused.status).toBe(200);
    expect(JSON.stringify(refused.body)).toContain("Leaders' circle is private");
    expect((await api(asker, "GET", `/communities/${communityId}`)).body.isMember).toBe(false);

    const approved = await press("membership.approve", data, steward);
    expect(approved.status).toBe(200);
    expect(approved.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(approved.body.value.body[1].text).toBe(
      `Approved by ${steward.displayName}: ${asker.displayName} is a member now.`,
    );
    expect(approved.body.value.actions).toBeUndefined();
    expect((await api(asker, "GET", `/communities/${communityId}`)).body).toMatchObject({
      isMember: true,
      memberCount: 2,
    });

    const again = await press("membership.decline", data, steward);
    expect(JSON.stringify(again.body)).toContain("This request was already answered or withdrawn.");
    expect((await api(asker, "GET", `/communities/${communityId}`)).body.isMember).toBe(true);
  });

  it("lets a steward decline from the card", async () => {
    await api(second, "POST", `/communities/${communityId}/join-requests`);
    const declined = await press("membership.decline", { communityId, userId: second.id }, steward);
    expect(declined.body.value.body[1].text).toBe(`Declined by ${steward.displayName}.`);
    expect((await api(second, "GET", `/communities/${communityId}`)).body).toMatchObject({
      isMember: false,
      joinRequested: false,
    });
  });
});
