import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { org, person } from "../support/orgFixture.js";
import { TokenIssuer } from "../support/tabTokenForgery.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const clientId = "00000000-0000-4000-8000-00000000c0de";
const otherTenant = "99999999-0000-4000-8000-000000000009";

type User = { id: string; displayName: string };

// The real server with two tenants allowed, tokens signed by a stand-in for Entra ID's keys, so a
// second organisation's people can ask for the first one's community.
describe("membership over HTTP: stewards manage members and stewards, people ask to join", () => {
  let issuer: TokenIssuer;
  let server: TestServer;
  const steward = person(1) as User;
  const member = person(2) as User;
  const outsider = person(3) as User;
  const asker = person(4) as User;
  const declined = person(5) as User;
  const voter = person(6) as User;
  const stranger = { id: person(7).id, displayName: "Stranger Elsewhere" };

  beforeAll(async () => {
    issuer = await TokenIssuer.start({ tenantId: org.tenantId, clientId, otherTenantId: otherTenant });
    server = await startTestServer({
      env: {
        TAB_TOKEN_JWKS_URL: issuer.jwksUrl,
        AAD_APP_CLIENT_ID: clientId,
        ALLOWED_TENANTS: `${org.tenantId},${otherTenant}`,
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await issuer?.close();
  });

  async function call(user: User, method: string, path: string, body?: unknown, tenant = org.tenantId) {
    const token = await issuer.token({ claims: { tid: tenant, name: user.displayName } }, user.id);
    const res = await fetch(`${server.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: the test reads loosely shaped JSON answers
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any };
  }

  async function community(privacy: "open" | "private", name = `Circle ${Math.random()}`) {
    const created = await call(steward, "POST", "/communities", { name, purpose: "Peer coaching.", privacy });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  const memberIds = async (id: string) =>
    ((await call(steward, "GET", `/communities/${id}/members`)).body.items as { id: string }[]).map(
      (m) => m.id,
    );

  it("lets a steward add and remove members of a private community; others cannot", async () => {
    const id = await community("private", "Leadership Circle");
    const preview = await call(member, "GET", `/communities/${id}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ name: "Leadership Circle", isMember: false, joinRequested: false });
    const home = await call(member, "GET", `/communities/${id}/home`);
    expect(home.status).toBe(403);
    expect(home.body.error.message).toContain("Leadership Circle is private");

    const added = await call(steward, "POST", `/communities/${id}/members`, member);
    expect(added.status).toBe(200);
    expect(added.body.memberCount).toBe(2);
    expect((await call(member, "GET", `/communities/${id}/home`)).status).toBe(200);
    const list = await call(member, "GET", `/communities/${id}/members`);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: steward.id, isSteward: true }),
      expect.objectContaining({ id: member.id, displayName: member.displayName, isSteward: false }),
    ]);

    const byMember = await call(member, "POST", `/communities/${id}/members`, outsider);
    expect(byMember.status).toBe(403);
    expect((await call(member, "DELETE", `/communities/${id}/members/${steward.id}`)).status).toBe(403);
    expect(await memberIds(id)).not.toContain(outsider.id);

    const bad = await call(steward, "POST", `/communities/${id}/members`, { id: "", displayName: "" });
    expect(bad.status).toBe(400);

    const removed = await call(steward, "DELETE", `/communities/${id}/members/${member.id}`);
    expect(removed.body.memberCount).toBe(1);
    expect((await call(member, "GET", `/communities/${id}/home`)).status).toBe(403);
    expect(await memberIds(id)).toEqual([steward.id]);
  });

  it("takes a request to join to the stewards, who approve or decline it", async () => {
    const id = await community("private");
    const asked = await call(asker, "POST", `/communities/${id}/join-requests`);
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ isMember: false, joinRequested: true });
    await call(asker, "POST", `/communities/${id}/join-requests`); // asking twice is one request
    await call(declined, "POST", `/communities/${id}/join-requests`);
    expect((await call(asker, "GET", `/communities/${id}`)).body.joinRequested).toBe(true);

    expect((await call(steward, "GET", `/communities/${id}`)).body.pendingRequestCount).toBe(2);
    expect((await call(steward, "GET", `/communities/${id}/home`)).body.community.pendingRequestCount).toBe(
      2,
    );
    const requests = await call(steward, "GET", `/communities/${id}/join-requests`);
    expect(requests.body.items.map((r: { userId: string }) => r.userId)).toEqual([asker.id, declined.id]);
    expect((await call(asker, "GET", `/communities/${id}/join-requests`)).status).toBe(403);
    expect((await call(asker, "POST", `/communities/${id}/join-requests/${asker.id}/approve`)).status).toBe(
      403,
    );

    const approve = await call(steward, "POST", `/communities/${id}/join-requests/${asker.id}/approve`);
    expect(approve.status).toBe(204);
    expect((await call(asker, "GET", `/communities/${id}`)).body).toMatchObject({
      isMember: true,
      memberCount: 2,
    });
    const decline = await call(steward, "POST", `/communities/${id}/join-requests/${declined.id}/decline`);
    expect(decline.status).toBe(204);
    expect((await call(declined, "GET", `/communities/${id}`)).body).toMatchObject({
      isMember: false,
      joinRequested: false,
    });
    expect(await memberIds(id)).toEqual([steward.id, asker.id]);
    expect((await call(steward, "GET", `/communities/${id}`)).body.pendingRequestCount).toBe(0);

    const again = await call(steward, "POST", `/communities/${id}/join-requests/${declined.id}/approve`);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe("This request was already answered or withdrawn.");
    const odd = await call(steward, "POST", `/communities/${id}/join-requests/${declined.id}/maybe`);
    expect(odd.status).toBe(400);
  });

  it("joins an open community at once on a request, without a steward", async () => {
    const id = await community("open");
    const asked = await call(asker, "POST", `/communities/${id}/join-requests`);
    expect(asked.body).toMatchObject({ isMember: true, joinRequested: false, memberCount: 2 });
  });

  it("changes stewards: a new steward becomes a member, the last steward cannot step down or leave", async () => {
    const id = await community("private");
    const alone = await call(steward, "POST", `/communities/${id}/leave`);
    expect(alone.status).toBe(400);
    expect(alone.body.error.message).toContain("name another steward");
    const stepDown = await call(steward, "DELETE", `/communities/${id}/stewards/${steward.id}`);
    expect(stepDown.status).toBe(400);
    expect(stepDown.body.error.message).toContain("name another steward first");
    expect((await call(steward, "DELETE", `/communities/${id}/members/${steward.id}`)).status).toBe(400);

    const named = await call(steward, "POST", `/communities/${id}/stewards`, member);
    expect(named.status).toBe(200);
    expect(named.body.stewards.map((s: User) => s.id)).toEqual([steward.id, member.id]);
    expect(named.body.memberCount).toBe(2);
    expect((await call(member, "GET", `/communities/${id}`)).body).toMatchObject({
      isMember: true,
      isSteward: true,
    });

    // Naming stewards through the community's own form (PATCH) makes them members too.
    const read = await call(steward, "GET", `/communities/${id}`);
    const token = await issuer.token({ claims: { name: steward.displayName } }, steward.id);
    const patched = await fetch(`${server.baseUrl}/api/communities/${id}`, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "if-match": read.body.etag,
      },
      body: JSON.stringify({ stewards: [steward, member, outsider] }),
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { memberCount: number }).memberCount).toBe(3);
    expect((await call(outsider, "GET", `/communities/${id}`)).body).toMatchObject({
      isMember: true,
      isSteward: true,
    });

    // A steward steps down and stays a member; the first steward can now leave.
    const down = await call(outsider, "DELETE", `/communities/${id}/stewards/${outsider.id}`);
    expect(down.body.stewards.map((s: User) => s.id)).toEqual([steward.id, member.id]);
    expect((await call(outsider, "GET", `/communities/${id}`)).body).toMatchObject({
      isMember: true,
      isSteward: false,
    });
    const removeSteward = await call(steward, "DELETE", `/communities/${id}/members/${member.id}`);
    expect(removeSteward.body.stewards.map((s: User) => s.id)).toEqual([steward.id]);
    expect(removeSteward.body.memberCount).toBe(2);
    const last = await call(outsider, "DELETE", `/communities/${id}/members/${steward.id}`);
    expect(last.status).toBe(403); // outsider is a member, not a steward any more
    const leaveLast = await call(steward, "DELETE", `/communities/${id}/members/${steward.id}`);
    expect(leaveLast.status).toBe(400);
  });

  it("keeps a private community's activity from non-members: no reading, no joining, nothing written", async () => {
    const id = await community("private");
    const chat = `19:meeting_private${Date.now()}@thread.v2`;
    const created = await call(steward, "POST", "/activities", {
      communityId: id,
      conversationId: chat,
      prompt: "What is our hardest leadership call this quarter?",
    });
    expect(created.status).toBe(201);
    const activityId = created.body.activity.id as string;
    await call(steward, "POST", `/activities/${activityId}/controls`, { kind: "start" });

    const read = await call(outsider, "GET", `/activities/${activityId}`);
    expect(read.status).toBe(403);
    expect(JSON.stringify(read.body)).not.toContain("hardest leadership call");
    const current = await call(outsider, "GET", `/activities?conversationId=${encodeURIComponent(chat)}`);
    expect(current.status).toBe(403);
    expect((await call(outsider, "POST", `/activities/${activityId}/join`)).status).toBe(403);
    const reflection = await call(outsider, "PUT", `/activities/${activityId}/reflection`, { text: "Mine" });
    expect(reflection.status).toBe(403);

    const seen = await call(steward, "GET", `/activities/${activityId}`);
    expect(seen.body.activity.participantCount).toBe(0);
    expect((await call(outsider, "GET", `/communities/${id}`)).body.isMember).toBe(false);
  });

  it("joins a non-member who votes, answers an invitation or joins an activity in an open community, and says so", async () => {
    const id = await community("open");
    const entry = await call(steward, "POST", `/communities/${id}/entries`, {
      type: "insight",
      title: "Name the decision first",
      body: "Say what is being decided before discussing it.",
    });
    const session = await call(steward, "POST", `/communities/${id}/sessions`, {
      title: "Case round",
      format: "open",
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    expect(session.status).toBe(201);

    const vote = await call(voter, "PUT", `/communities/${id}/entries/${entry.body.id}/vote`);
    expect(vote.status).toBe(200);
    expect(vote.body).toMatchObject({ helpfulCount: 1, hasVoted: true, joinedCommunity: true });
    expect((await call(voter, "GET", `/communities/${id}`)).body).toMatchObject({
      isMember: true,
      memberCount: 2,
    });
    const unvote = await call(voter, "DELETE", `/communities/${id}/entries/${entry.body.id}/vote`);
    expect(unvote.body.joinedCommunity).toBeUndefined();

    const rsvp = await call(asker, "PUT", `/communities/${id}/sessions/${session.body.id}/rsvp`, {
      response: "going",
    });
    expect(rsvp.status).toBe(200);
    expect(rsvp.body).toMatchObject({ myRsvp: "going", joinedCommunity: true });
    const again = await call(asker, "PUT", `/communities/${id}/sessions/${session.body.id}/rsvp`, {
      response: "maybe",
    });
    expect(again.body.joinedCommunity).toBeUndefined();

    const activity = await call(steward, "POST", "/activities", {
      communityId: id,
      conversationId: `19:meeting_open${Date.now()}@thread.v2`,
      prompt: "Which decision did we name too late?",
    });
    const joined = await call(declined, "POST", `/activities/${activity.body.activity.id}/join`);
    expect(joined.status).toBe(200);
    expect(joined.body.joinedCommunity).toBe(true);
    // Writing a reflection joins the activity, and with it the community.
    await call(steward, "POST", `/activities/${activity.body.activity.id}/controls`, { kind: "start" });
    const reflected = await call(member, "PUT", `/activities/${activity.body.activity.id}/reflection`, {
      text: "We named it after the vote.",
    });
    expect(reflected.status).toBe(200);
    // Joined by taking part, the count settles from the membership rows right after the answer.
    for (let tries = 0; ; tries++) {
      const count = (await call(steward, "GET", `/communities/${id}`)).body.memberCount;
      if (count === 5 || tries > 50) {
        expect(count).toBe(5);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await memberIds(id)).toEqual(expect.arrayContaining([voter.id, asker.id, declined.id, member.id]));
  });

  it("refuses votes and invitation answers from a private community's non-members, and changes nothing", async () => {
    const id = await community("private");
    const entry = await call(steward, "POST", `/communities/${id}/entries`, {
      type: "insight",
      title: "Private learning",
      body: "For members.",
    });
    const session = await call(steward, "POST", `/communities/${id}/sessions`, {
      title: "Members' round",
      format: "open",
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    const vote = await call(voter, "PUT", `/communities/${id}/entries/${entry.body.id}/vote`);
    expect(vote.status).toBe(403);
    expect(vote.body.error.message).toContain("is private: ask to join it");
    const rsvp = await call(voter, "PUT", `/communities/${id}/sessions/${session.body.id}/rsvp`, {
      response: "going",
    });
    expect(rsvp.status).toBe(403);

    const entryNow = await call(steward, "GET", `/communities/${id}/entries/${entry.body.id}`);
    expect(entryNow.body.helpfulCount).toBe(0);
    const sessionNow = await call(steward, "GET", `/communities/${id}/sessions/${session.body.id}`);
    expect(sessionNow.body.rsvpCounts).toEqual({ going: 0, maybe: 0, no: 0 });
    expect((await call(steward, "GET", `/communities/${id}`)).body.memberCount).toBe(1);
    expect(await memberIds(id)).toEqual([steward.id]);
  });

  it("answers 404 to another organisation, which can neither see, ask to join nor manage", async () => {
    const id = await community("private");
    for (const [method, path, body] of [
      ["GET", `/communities/${id}`, undefined],
      ["POST", `/communities/${id}/join-requests`, undefined],
      ["GET", `/communities/${id}/members`, undefined],
      ["POST", `/communities/${id}/members`, stranger],
      ["GET", `/communities/${id}/join-requests`, undefined],
    ] as const) {
      const res = await call(stranger, method, path, body, otherTenant);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await call(steward, "GET", `/communities/${id}`)).body.pendingRequestCount).toBe(0);
    expect(await memberIds(id)).toEqual([steward.id]);
  });
});
