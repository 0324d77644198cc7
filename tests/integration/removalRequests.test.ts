import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageEntryId } from "../../src/domain/library/messageEntryId.js";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { messageFixture } from "../e2e/librarySupport.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import { TokenIssuer } from "../support/tabTokenForgery.js";
import { invokeActivity, postInvoke, teamsUser } from "../support/teamsActivities.js";
import { startTestServer, type TestServer, uniqueTablePrefix } from "../support/testServer.js";

const clientId = "00000000-0000-4000-8000-00000000c0de";
const otherTenant = "99999999-0000-4000-8000-000000000009";
const CHANNEL = "19:a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6@thread.tacv2;messageid=1791216120000";

type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: response bodies are loosely shaped JSON read by tests
type Json = any;

/**
 * Removal requests end to end over HTTP, against Azurite, through two server instances that share
 * one set of tables (as two App Service instances would): the original author of a saved message
 * asks for removal, the entry leaves search everywhere, a steward reviews the request and keeps or
 * deletes the entry. A second tenant (allowed to use the app) must see none of it.
 */
describe("removal requests: the author asks, stewards review, keep or delete", () => {
  const connector = new ConnectorRecorder();
  const tablePrefix = uniqueTablePrefix();
  let issuer: TokenIssuer;
  let a: TestServer;
  let b: TestServer;
  const started: TestServer[] = [];
  const [stewardUser, authorUser, bystanderUser] = demoPeople(org);
  const person = (u: { id: string; displayName: string } | undefined): Person => {
    if (!u) throw new Error("the demo community has too few people");
    return { id: u.id, displayName: u.displayName };
  };
  const steward = person(stewardUser);
  const author = person(authorUser);
  const bystander = person(bystanderUser);

  const start = async () => {
    const server = await startTestServer({
      demo: true,
      env: {
        TABLE_PREFIX: tablePrefix,
        TAB_TOKEN_JWKS_URL: issuer.jwksUrl,
        AAD_APP_CLIENT_ID: clientId,
        ALLOWED_TENANTS: `${org.tenantId},${otherTenant}`,
      },
    });
    started.push(server);
    return server;
  };

  beforeAll(async () => {
    await connector.start();
    issuer = await TokenIssuer.start({ tenantId: org.tenantId, clientId, otherTenantId: otherTenant });
    a = await start();
    b = await start();
  });
  afterAll(async () => {
    for (const server of started) await server.close();
    await issuer?.close();
    await connector.stop();
  });

  const communityPath = () => `/communities/${a.demoCommunityId}`;

  async function api(
    server: TestServer,
    who: Person,
    method: string,
    route: string,
    body?: unknown,
    tenant = org.tenantId,
  ): Promise<{ status: number; body: Json }> {
    const token = await issuer.token({ claims: { tid: tenant, name: who.displayName } }, who.id);
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** The steward saves a message `author` posted (the bot's Save as insight), as Teams sends it. */
  async function saveMessageOf(messageAuthor: Person, messageId: string, text: string): Promise<string> {
    const fixture = messageFixture("plain-tip");
    const messagePayload = {
      ...fixture.messagePayload,
      id: messageId,
      from: {
        user: { userIdentityType: "aadUser", id: messageAuthor.id, displayName: messageAuthor.displayName },
      },
      body: { contentType: "html", content: `<p>${text}</p>` },
    };
    const invoke = async (name: string, value: unknown) => {
      const activity = invokeActivity(name, value, {
        serviceUrl: connector.serviceUrl,
        conversationType: "channel",
        conversationId: CHANNEL,
        from: teamsUser(steward),
      });
      (activity.channelData as Record<string, unknown>).team = { id: DEMO_TEAM.teamId };
      const answer = await postInvoke(a.baseUrl, activity);
      expect(answer.status, name).toBe(200);
      return answer.body;
    };
    const command = { commandId: "saveInsight", commandContext: "message", messagePayload };
    const fetched = await invoke("composeExtension/fetchTask", command);
    const card = fetched.task.value.card.content as { body: { id?: string; value?: string }[] };
    const values: Record<string, string> = {};
    for (const element of card.body)
      if (element.id && element.value !== undefined) values[element.id] = element.value;
    const submitted = await invoke("composeExtension/submitAction", {
      ...command,
      data: { ...values, title: text.slice(0, 60), action: "saveInsight" },
    });
    expect(String(submitted.task?.value)).toMatch(/^Saved/);
    return messageEntryId(CHANNEL, messageId);
  }

  const searchIds = async (server: TestServer, words: string): Promise<string[]> => {
    const found = await api(server, bystander, "GET", `${communityPath()}/entries?q=${words}`);
    expect(found.status).toBe(200);
    return found.body.items.map((i: { id: string }) => i.id);
  };

  /** Another instance learns of a change from the change log within its staleness bound; wait that long. */
  async function eventually(check: () => Promise<void>, timeoutMs = 5_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > until) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  const listRequests = (server: TestServer, who: Person, query = "") =>
    api(server, who, "GET", `${communityPath()}/removal-requests${query}`);

  it("hides a requested entry from search on every instance; a steward keeps it and it returns", async () => {
    const id = await saveMessageOf(
      author,
      "1791300000001",
      "Quarantine zephyrquartz tables before a backfill",
    );
    expect(await searchIds(a, "zephyrquartz")).toEqual([id]);
    expect(await searchIds(b, "zephyrquartz")).toEqual([id]);

    // Only the message's author may ask; the bystander is refused.
    expect(
      (await api(a, bystander, "POST", `${communityPath()}/entries/${id}/removal-request`, {})).status,
    ).toBe(403);
    const asked = await api(a, author, "POST", `${communityPath()}/entries/${id}/removal-request`, {
      reason: "  This was a draft; the real guidance is in the wiki.  ",
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      removalRequestedBy: { id: author.id },
      removalReason: "This was a draft; the real guidance is in the wiki.",
    });

    expect(await searchIds(a, "zephyrquartz")).toEqual([]);
    await eventually(async () => expect(await searchIds(b, "zephyrquartz")).toEqual([]));
    // An instance that builds its index after the request leaves the entry out too.
    const late = await start();
    expect(await searchIds(late, "zephyrquartz")).toEqual([]);

    const listed = await listRequests(b, steward);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        entryId: id,
        title: "Quarantine zephyrquartz tables before a backfill",
        requestedBy: { id: author.id, displayName: author.displayName },
        savedBy: expect.objectContaining({ id: steward.id }),
        reason: "This was a draft; the real guidance is in the wiki.",
      }),
    ]);
    expect(Date.now() - Date.parse(listed.body.items[0].requestedAt)).toBeLessThan(60_000);

    const kept = await api(b, steward, "DELETE", `${communityPath()}/entries/${id}/removal-request`);
    expect(kept.status).toBe(200);
    expect(kept.body.removalRequestedBy).toBeUndefined();
    expect(kept.body.removalReason).toBeUndefined();

    // Kept through instance B: instance A and the late one find it again from the change log.
    expect(await searchIds(b, "zephyrquartz")).toEqual([id]);
    await eventually(async () => expect(await searchIds(a, "zephyrquartz")).toEqual([id]));
    await eventually(async () => expect(await searchIds(late, "zephyrquartz")).toEqual([id]));
    expect((await listRequests(a, steward)).body).toMatchObject({ items: [], total: 0 });

    // The decision is in the entry's history: who kept it, when, and whose request it was.
    const history = await api(a, bystander, "GET", `${communityPath()}/entries/${id}/history`);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        editedBy: expect.objectContaining({ id: steward.id }),
        decision: expect.objectContaining({
          kind: "removalRequestDismissed",
          requestedBy: expect.objectContaining({ id: author.id }),
          reason: "This was a draft; the real guidance is in the wiki.",
        }),
      }),
    ]);
    // Keeping it again changes nothing and writes no second history item.
    expect((await api(a, steward, "DELETE", `${communityPath()}/entries/${id}/removal-request`)).status).toBe(
      200,
    );
    expect(
      (await api(a, bystander, "GET", `${communityPath()}/entries/${id}/history`)).body.items,
    ).toHaveLength(1);
  });

  it("lists requests newest first, a page at a time; a steward deletes one and it is gone", async () => {
    const older = await saveMessageOf(author, "1791300000002", "Nightly obsidianlark exports need an owner");
    const newer = await saveMessageOf(author, "1791300000003", "Rotate obsidianlark keys every quarter");
    // A request without a body, as a tab from before reasons sends it.
    expect((await api(a, author, "POST", `${communityPath()}/entries/${older}/removal-request`)).status).toBe(
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await api(b, author, "POST", `${communityPath()}/entries/${newer}/removal-request`)).status).toBe(
      200,
    );

    const first = await listRequests(a, steward, "?limit=1");
    expect(first.body.total).toBe(2);
    expect(first.body.items.map((r: { entryId: string }) => r.entryId)).toEqual([newer]);
    const second = await listRequests(a, steward, "?offset=1&limit=1");
    expect(second.body.items.map((r: { entryId: string }) => r.entryId)).toEqual([older]);
    expect(second.body.items[0].reason).toBeUndefined();
    expect((await listRequests(a, steward, "?limit=500")).status).toBe(400);

    expect((await api(a, steward, "DELETE", `${communityPath()}/entries/${older}`)).status).toBe(204);
    expect((await api(b, steward, "GET", `${communityPath()}/entries/${older}`)).status).toBe(404);
    const after = await listRequests(b, steward);
    expect(after.body.items.map((r: { entryId: string }) => r.entryId)).toEqual([newer]);
    expect(after.body.total).toBe(1);
    await eventually(async () => expect(await searchIds(b, "obsidianlark")).toEqual([]));

    // Clean up for the next test: the steward keeps the other one.
    expect(
      (await api(a, steward, "DELETE", `${communityPath()}/entries/${newer}/removal-request`)).status,
    ).toBe(200);
    expect(await searchIds(a, "obsidianlark")).toEqual([newer]);
  });

  it("refuses the review and the decision to anyone but a steward", async () => {
    const id = await saveMessageOf(author, "1791300000004", "Pin cobaltfinch versions in the lockfile");
    await api(a, author, "POST", `${communityPath()}/entries/${id}/removal-request`, { reason: "Mine" });

    for (const who of [author, bystander]) {
      const listed = await listRequests(a, who);
      expect(listed.status).toBe(403);
      expect(listed.body.error.message).toMatch(/stewards/);
      expect(JSON.stringify(listed.body)).not.toContain("cobaltfinch");
      expect((await api(a, who, "DELETE", `${communityPath()}/entries/${id}/removal-request`)).status).toBe(
        403,
      );
    }
    const reason = "x".repeat(501);
    expect(
      (await api(a, author, "POST", `${communityPath()}/entries/${id}/removal-request`, { reason })).status,
    ).toBe(400);
    // Still waiting for a steward.
    expect((await listRequests(a, steward)).body.items.map((r: { entryId: string }) => r.entryId)).toEqual([
      id,
    ]);
  });

  it("shows another tenant nothing, even a person with the steward's object id", async () => {
    const listed = await listRequests(a, steward, "");
    expect(listed.body.total).toBeGreaterThan(0);
    const [waiting] = listed.body.items as { entryId: string }[];

    const foreign = await api(
      a,
      steward,
      "GET",
      `${communityPath()}/removal-requests`,
      undefined,
      otherTenant,
    );
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain("cobaltfinch");
    const decide = await api(
      a,
      steward,
      "DELETE",
      `${communityPath()}/entries/${waiting?.entryId}/removal-request`,
      undefined,
      otherTenant,
    );
    expect(decide.status).toBe(404);
    // Their own (empty) world: the app's other tenant has no community of that id at all.
    const theirs = await api(a, steward, "GET", "/communities", undefined, otherTenant);
    expect(theirs.status).toBe(200);
    expect(JSON.stringify(theirs.body)).not.toContain(a.demoCommunityId);
    // Nothing changed at home.
    expect((await listRequests(a, steward)).body.items).toEqual(listed.body.items);
  });
});
