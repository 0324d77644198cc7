import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import { TokenIssuer } from "../support/tabTokenForgery.js";
import { botInstalledActivity, postActivity, teamsUser } from "../support/teamsActivities.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/**
 * Routing an open question over the tab's API (real server, real Azurite, the Bot Connector
 * recorded): the on-call expert first, then the people the library knows for the question's
 * topics, two at a time, each in personal chat; who was asked and when for anyone who may read
 * it; the stewards' unanswered queue for stewards only (a member 403, another tenant 404); an
 * answer stops the routing; the settings are the stewards'.
 */
const clientId = "00000000-0000-4000-8000-00000000c0de";
const otherTenant = "99999999-0000-4000-8000-000000000009";
type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely
type Json = any;

describe("routing open questions to people over the API", () => {
  let issuer: TokenIssuer;
  let server: TestServer;
  const connector = new ConnectorRecorder();
  const [steward, onCall, knowsMost, knowsLess, asker, member] = org.users
    .filter((u) => u.department)
    .slice(0, 6) as unknown as Person[] as [Person, Person, Person, Person, Person, Person];
  let c = "";
  let firstQuestion = "";
  let firstAnswer = "";

  async function call(who: Person, method: string, path: string, body?: unknown, tenant = org.tenantId) {
    const token = await issuer.token({ claims: { tid: tenant, name: who.displayName } }, who.id);
    const res = await fetch(`${server.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
  }
  const entry = async (who: Person, title: string, tags: string[]) => {
    const res = await call(who, "POST", `/communities/${c}/entries`, {
      type: "insight",
      title,
      body: `${title}. Notes from practice.`,
      tags,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const question = async (title: string, who = asker) => {
    const res = await call(who, "POST", `/communities/${c}/entries`, { type: "qa", title, body: title });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    await connector.start();
    issuer = await TokenIssuer.start({ tenantId: org.tenantId, clientId, otherTenantId: otherTenant });
    server = await startTestServer({
      env: {
        TAB_TOKEN_JWKS_URL: issuer.jwksUrl,
        AAD_APP_CLIENT_ID: clientId,
        ALLOWED_TENANTS: `${org.tenantId},${otherTenant}`,
      },
    });
    const created = await call(steward, "POST", "/communities", {
      name: "Pipelines guild",
      purpose: "People who run the data pipelines.",
    });
    expect(created.status).toBe(201);
    c = created.body.id;
    for (const p of [onCall, knowsMost, knowsLess, asker, member])
      expect((await call(p, "POST", `/communities/${c}/join`)).status).toBeLessThan(300);
    // The library knows two people for "pipelines": one with more entries others found helpful.
    const helpful = await entry(knowsMost, "Backfill a partitioned pipeline safely", ["pipelines"]);
    await entry(knowsMost, "Alerting on late pipeline runs", ["pipelines"]);
    await entry(knowsLess, "Naming pipeline stages", ["pipelines"]);
    expect((await call(member, "PUT", `/communities/${c}/entries/${helpful}/vote`)).status).toBeLessThan(300);
    const session = await call(steward, "POST", `/communities/${c}/sessions`, {
      title: "Ask the expert",
      format: "ama",
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      timeZone: "Europe/Berlin",
    });
    expect(session.status).toBe(201);
    const role = await call(
      steward,
      "PUT",
      `/communities/${c}/sessions/${session.body.id}/roles/on-call-expert`,
      { person: onCall },
    );
    expect(role.status).toBe(200);
    // The bot can reach the on-call expert and the first topic expert in personal chat.
    for (const p of [onCall, knowsMost])
      await postActivity(
        server.baseUrl,
        botInstalledActivity({
          serviceUrl: connector.serviceUrl,
          conversationType: "personal",
          from: teamsUser(p),
        } as Json),
      );
    await connector.waitFor(2);
    connector.clear();
  });
  afterAll(async () => {
    await server?.close();
    await issuer?.close();
    await connector.stop();
  });

  it("routes once: the on-call expert, then who knows the topic; readers see who and when", async () => {
    const q = await question("How do we speed up our pipelines' nightly backfill?");
    const routed = await call(asker, "POST", `/communities/${c}/entries/${q}/route`);
    expect(routed.status).toBe(200);
    const route = routed.body.route;
    expect(route.state).toBe("waiting");
    expect(route.asked.map((a: Json) => a.person.id)).toEqual([onCall.id, knowsMost.id]);
    // Four working hours on the clock of the community's sessions' zone (Europe/Berlin).
    for (const a of route.asked) expect(Date.parse(a.dueAt)).toBeGreaterThan(Date.parse(a.askedAt));
    expect(route.overdue).toBe(false);
    await connector.waitFor(2);
    const cards = connector.activities.map((a) => a.conversationId).sort();
    expect(cards).toHaveLength(2);
    expect(JSON.stringify(connector.activities[0]?.body)).toContain("How do we speed up");

    // Again (a second press, another tab): the same route, nobody asked twice.
    const again = await call(member, "POST", `/communities/${c}/entries/${q}/route`);
    expect(again.body.route.asked).toEqual(route.asked);
    const seen = await call(member, "GET", `/communities/${c}/entries/${q}/route`);
    expect(seen.body.route.asked).toEqual(route.asked);
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.activities).toHaveLength(2);

    // An answer stops it: no further person, and it is not unanswered.
    const answered = await call(knowsMost, "POST", `/communities/${c}/entries/${q}/answers`, {
      body: "Split it by partition and run four at a time.",
    });
    expect(answered.status).toBe(201);
    [firstQuestion, firstAnswer] = [q, answered.body.id];
    expect((await call(asker, "GET", `/communities/${c}/entries/${q}/route`)).body.route.state).toBe(
      "answered",
    );
  });

  it("shows stewards the questions nobody could take; members 403, another tenant 404", async () => {
    await call(steward, "PUT", `/communities/${c}/routing-settings`, { askAtOnce: 1, responseHours: 4 });
    const q = await question("Who owns the zebra warehouse's cost report?");
    const routed = await call(asker, "POST", `/communities/${c}/entries/${q}/route`);
    expect(routed.body.route.asked.map((a: Json) => a.person.id)).toEqual([onCall.id]);
    // The on-call expert asks something the library knows nobody for: nobody is left to ask.
    const nobody = await question("Who owns the zebra warehouse's power bill?", onCall);
    const stuck = await call(onCall, "POST", `/communities/${c}/entries/${nobody}/route`);
    expect(stuck.body.route).toMatchObject({ state: "exhausted", asked: [], overdue: true });

    const queue = await call(steward, "GET", `/communities/${c}/unanswered`);
    expect(queue.status).toBe(200);
    // Only the one nobody could take: the other is within its target, the answered one is done.
    expect(queue.body.items.map((i: Json) => [i.questionId, i.asker.id])).toEqual([[nobody, onCall.id]]);
    expect((await call(member, "GET", `/communities/${c}/unanswered`)).status).toBe(403);
    const elsewhere = { id: steward.id, displayName: "Same id, other tenant" };
    expect(
      (await call(elsewhere, "GET", `/communities/${c}/unanswered`, undefined, otherTenant)).status,
    ).toBe(404);
    expect(
      (await call(elsewhere, "GET", `/communities/${c}/entries/${q}/route`, undefined, otherTenant)).status,
    ).toBe(404);
  });

  it("answers the library's ask box, and asks people when the library has nothing", async () => {
    const known = await call(member, "POST", `/communities/${c}/ask`, {
      question: "How do I backfill a partitioned pipeline safely?",
    });
    expect(known.status).toBe(200);
    expect(known.body.answer.kind).toBe("answered");
    expect(known.body.answer.sources[0]).toMatchObject({
      communityId: c,
      title: "Backfill a partitioned pipeline safely",
    });
    expect((await call(member, "POST", `/communities/${c}/ask`, { question: "x" })).body.error.message).toBe(
      "Ask a question of a few words.",
    );
    const unknown = await call(member, "POST", `/communities/${c}/ask`, {
      question: "Where is the yak shed?",
    });
    expect(unknown.body.answer.kind).toBe("unknown");

    const asked = await call(member, "POST", `/communities/${c}/questions`, {
      question: "Where is the yak shed?",
    });
    expect(asked.status).toBe(201);
    expect(asked.body.route.asked.map((a: Json) => a.person.id)[0]).toBe(onCall.id);
    const again = await call(member, "POST", `/communities/${c}/questions`, {
      question: " where is the  yak shed? ",
    });
    expect(again.status).toBe(200);
    expect(again.body.entryId).toBe(asked.body.entryId);
    const entry = await call(member, "GET", `/communities/${c}/entries/${asked.body.entryId}`);
    expect(entry.body).toMatchObject({ type: "qa", title: "Where is the yak shed?" });
    const empty = await call(member, "POST", `/communities/${c}/questions`, {});
    expect(empty.status).toBe(400);
  });

  it("keeps the settings to stewards and refuses bad ones with a friendly message", async () => {
    const path = `/communities/${c}/routing-settings`;
    expect((await call(member, "GET", path)).body).toMatchObject({ askAtOnce: 1, responseHours: 4 });
    expect((await call(member, "PUT", path, { askAtOnce: 2, responseHours: 8 })).status).toBe(403);
    const bad = await call(steward, "PUT", path, { askAtOnce: 0, responseHours: 8 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("Ask at least one person at a time.");
    expect((await call(steward, "GET", path)).body).toEqual({ askAtOnce: 1, responseHours: 4 });
    expect((await call(steward, "PUT", path, { askAtOnce: 2, responseHours: 8 })).body).toEqual({
      askAtOnce: 2,
      responseHours: 8,
    });
  });

  it("counts reputation from a person's own record: accepted answers, helpful votes, topics, badges", async () => {
    const before = await call(knowsMost, "GET", "/me/reputation");
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ acceptedAnswers: 0, helpfulVotes: 1, savedByOthers: 0 });
    const accepted = await call(
      asker,
      "POST",
      `/communities/${c}/entries/${firstQuestion}/answers/${firstAnswer}/accept`,
    );
    expect(accepted.status).toBe(200);
    const after = (await call(knowsMost, "GET", "/me/reputation")).body;
    expect(after).toMatchObject({ acceptedAnswers: 1, helpfulVotes: 1 });
    expect(after.topics).toEqual([{ tag: "pipelines", entries: 2, helpful: 1 }]);
    expect(after.badges).toEqual([
      { id: "first-answer", earned: true, progress: 1, threshold: 1 },
      { id: "ten-helpful", earned: false, progress: 1, threshold: 10 },
      { id: "micro-teacher", earned: false, progress: 0, threshold: 1 },
      { id: "year-of-contributions", earned: false, progress: 0, threshold: 365 },
    ]);
    // The asker's own vote-free question earns them nothing.
    expect((await call(asker, "GET", "/me/reputation")).body).toMatchObject({
      acceptedAnswers: 0,
      helpfulVotes: 0,
    });
  });

  it("shows a colleague's reputation from their record in the caller's communities, and none elsewhere", async () => {
    // The entry page's and person card's view: the same counts as their own.
    const seen = await call(member, "GET", `/people/${knowsMost.id}/reputation`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ acceptedAnswers: 1, helpfulVotes: 1 });
    expect(seen.body.topics).toEqual([{ tag: "pipelines", entries: 2, helpful: 1 }]);
    expect(seen.body.badges[0]).toEqual({ id: "first-answer", earned: true, progress: 1, threshold: 1 });
    // Another tenant's caller shares no community with them: nothing of their record shows.
    const elsewhere = { id: member.id, displayName: "Same id, other tenant" };
    const outside = await call(
      elsewhere,
      "GET",
      `/people/${knowsMost.id}/reputation`,
      undefined,
      otherTenant,
    );
    expect(outside.status).toBe(200);
    expect(outside.body).toMatchObject({ acceptedAnswers: 0, helpfulVotes: 0, savedByOthers: 0, topics: [] });
    const bad = await call(member, "GET", `/people/${encodeURIComponent("a b<c>")}/reputation`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("This is no person's id.");
  });
});
