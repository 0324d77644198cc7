import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { org, person } from "../support/orgFixture.js";
import { startTestServer, type TestServer, tokenFor, uniqueTablePrefix } from "../support/testServer.js";

type User = { id: string; displayName?: string; mail?: string; userPrincipalName?: string };

/** Calls the tab API of one server instance as a person, with a token from that instance. */
function apiOf(baseUrl: string) {
  const tokens = new Map<string, Promise<string>>();
  const token = (id: string) => {
    let t = tokens.get(id);
    if (!t) {
      t = tokenFor(baseUrl, id);
      tokens.set(id, t);
    }
    return t;
  };
  return async (
    user: User | undefined,
    method: string,
    route: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${baseUrl}/api${route}`, {
      method,
      headers: {
        ...(user ? { authorization: `Bearer ${await token(user.id)}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      etag: res.headers.get("etag") ?? "",
      // biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers.
      body: (text ? JSON.parse(text) : undefined) as any,
    };
  };
}

const MEETING_CHAT = "19:meeting_YWN0aXZpdHlBcGlUZXN0@thread.v2";

describe("activity API for the side panel and the stage", () => {
  let server: TestServer;
  let api: ReturnType<typeof apiOf>;
  const [facilitator, alice, bob] = demoPeople(org).slice(0, 3) as unknown as [User, User, User];
  let chat = MEETING_CHAT;

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    api = apiOf(server.baseUrl);
  });
  afterAll(() => server.close());

  async function setUp(conversationId: string, prompt = "What slowed your last release down?") {
    const created = await api(facilitator, "POST", "/activities", {
      communityId: server.demoCommunityId,
      conversationId,
      meetingId: "MCMxOTptZWV0aW5nX2FjdGl2aXR5QXBpVGVzdEB0aHJlYWQudjIjMA==",
      prompt,
      minutes: { think: 2, pair: 5, share: 5 },
      pairingRule: "cross-department",
      requestId: `setup-${conversationId}`,
    });
    expect(created.status).toBe(201);
    return created.body.activity.id as string;
  }

  it("answers 401 without a tab token", async () => {
    expect(
      (await api(undefined, "GET", `/activities?conversationId=${encodeURIComponent(chat)}`)).status,
    ).toBe(401);
  });

  it("says no activity runs in a meeting chat until one is set up, and validates set-up", async () => {
    const none = await api(alice, "GET", `/activities?conversationId=${encodeURIComponent(chat)}`);
    expect(none.status).toBe(200);
    expect(none.body.activity).toBeNull();
    expect((await api(alice, "GET", "/activities")).status).toBe(400);

    const bad = await api(facilitator, "POST", "/activities", {
      communityId: server.demoCommunityId,
      conversationId: chat,
      prompt: "?",
      pairingRule: "by-shoe-size",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(["prompt", "pairingRule"]),
    );
    const nowhere = await api(facilitator, "POST", "/activities", {
      communityId: "no-such-community",
      conversationId: chat,
      prompt: "Anything",
    });
    expect(nowhere.status).toBe(404);
  });

  it("runs think-pair-share: private reflections, counts, partners, shares without lost text, highlights, commitments", async () => {
    chat = `19:meeting_run${Date.now()}@thread.v2`;
    const id = await setUp(chat);
    // A retried set-up (same request id) is the same activity.
    expect(await setUp(chat)).toBe(id);

    // Everyone in the meeting finds it by the meeting chat; polls answer 304 until something changes.
    const current = await api(alice, "GET", `/activities?conversationId=${encodeURIComponent(chat)}`);
    expect(current.body.activity).toMatchObject({
      id,
      isFacilitator: false,
      state: { status: "not-started" },
      phases: [{ id: "think", minutes: 2 }, { id: "pair" }, { id: "share" }, { id: "close" }],
    });
    expect(current.etag).toBe(current.body.version);
    const unchanged = await api(alice, "GET", `/activities/${id}`, undefined, {
      "If-None-Match": current.etag,
    });
    expect(unchanged.status).toBe(304);

    // Only the facilitator controls the phases.
    expect((await api(alice, "POST", `/activities/${id}/controls`, { kind: "start" })).status).toBe(403);
    const started = await api(facilitator, "POST", `/activities/${id}/controls`, {
      kind: "start",
      requestId: "start-1",
    });
    expect(started.status).toBe(200);
    expect(started.body.activity.state).toMatchObject({ status: "running", phaseId: "think" });
    expect(Date.parse(started.body.activity.state.endsAt)).toBeGreaterThan(Date.now() + 60_000);
    const afterStart = await api(alice, "GET", `/activities/${id}`, undefined, {
      "If-None-Match": current.etag,
    });
    expect(afterStart.status).toBe(200);
    // While a phase runs, clients count down to endsAt: the time left is not in the answer, so a
    // poll a moment later is still unchanged.
    expect(afterStart.body.activity.state.remainingMs).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 25));
    const momentLater = await api(alice, "GET", `/activities/${id}`, undefined, {
      "If-None-Match": afterStart.etag,
    });
    expect(momentLater.status).toBe(304);
    // A retried control applies once.
    expect(
      (await api(facilitator, "POST", `/activities/${id}/controls`, { kind: "start", requestId: "start-1" }))
        .status,
    ).toBe(200);

    // Reflections: private to the writer; everyone sees only how many.
    const mine = await api(alice, "PUT", `/activities/${id}/reflection`, { text: "Alice's private thought" });
    expect(mine.status).toBe(200);
    expect(mine.body.activity.me).toMatchObject({
      joined: true,
      reflection: { text: "Alice's private thought" },
    });
    const reflectionEtag = mine.body.activity.me.reflection.etag as string;
    expect(
      (await api(bob, "PUT", `/activities/${id}/reflection`, { text: "Bob's private thought" })).status,
    ).toBe(200);
    const edited = await api(
      alice,
      "PUT",
      `/activities/${id}/reflection`,
      { text: "Alice's second thought" },
      { "If-Match": reflectionEtag },
    );
    expect(edited.status).toBe(200);
    const stale = await api(
      alice,
      "PUT",
      `/activities/${id}/reflection`,
      { text: "From an old window" },
      { "If-Match": reflectionEtag },
    );
    expect(stale.status).toBe(412);
    const stage = await api(facilitator, "GET", `/activities/${id}`);
    expect(stage.body.activity).toMatchObject({ reflectedCount: 2, participantCount: 2 });
    const everything =
      JSON.stringify(stage.body) + JSON.stringify((await api(bob, "GET", `/activities/${id}`)).body);
    expect(everything).not.toContain("Alice's");
    expect((await api(alice, "PUT", `/activities/${id}/reflection`, { text: "" })).status).toBe(400);
    // The one submission path: any kind the format takes, by name; others refused in words.
    const general = await api(alice, "PUT", `/activities/${id}/submissions/reflection`, {
      text: "Alice's second thought",
    });
    expect(general.status).toBe(200);
    // It answers with what was saved, as its writer reads it, not the whole activity again.
    expect(general.body.activity).toBeUndefined();
    expect(general.body.saved).toMatchObject({
      kind: "reflection",
      ownerId: alice.id,
      text: "Alice's second thought",
      mine: true,
      by: { id: alice.id },
    });
    expect(general.body.saved.etag).toEqual(expect.any(String));
    const afterwards = await api(alice, "GET", `/activities/${id}`);
    expect(afterwards.body.activity.me.reflection).toMatchObject({
      text: "Alice's second thought",
      etag: general.body.saved.etag,
    });
    expect(afterwards.body.activity.reflectedCount).toBe(2);
    const unknown = await api(alice, "POST", `/activities/${id}/submissions/advice`, { text: "x" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Think-pair-share takes no such submission.");
    const forged = await api(alice, "PUT", `/activities/${id}/submissions/participant%7Cx`, { text: "x" });
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toBe("That is not a kind of submission PeerCircle knows.");

    // Pair: the two are each other's partner, with a one-click Teams chat by e-mail address.
    expect((await api(alice, "PUT", `/activities/${id}/share`, { text: "Too early" })).status).toBe(400);
    const paired = await api(facilitator, "POST", `/activities/${id}/controls`, {
      kind: "next",
      phaseIndex: 0,
    });
    expect(paired.body.activity.state.phaseId).toBe("pair");
    const alicePaired = await api(alice, "GET", `/activities/${id}`);
    // Bob joined through the tab: his token's principal name is what the chat deep link takes.
    expect(alicePaired.body.activity.me.group.partners).toEqual([
      { id: bob.id, displayName: bob.displayName, principalName: bob.userPrincipalName },
    ]);
    expect(alicePaired.body.partnerChatUrl).toBe(
      `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(bob.userPrincipalName ?? "")}`,
    );

    // Share: one entry per pair; an edit from a stale version is a conflict with both texts.
    const first = await api(alice, "PUT", `/activities/${id}/share`, {
      text: "Releases wait on manual sign-off",
      requestId: "share-a1",
    });
    expect(first.status).toBe(200);
    const aliceVersion = first.body.activity.me.share.etag as string;
    const blind = await api(bob, "PUT", `/activities/${id}/share`, {
      text: "Flaky tests",
      requestId: "share-b1",
    });
    expect(blind.status).toBe(409);
    const conflict = blind.body.error;
    expect(conflict).toMatchObject({
      code: "share_conflict",
      current: { text: "Releases wait on manual sign-off", editedBy: { id: alice.id } },
      yours: "Flaky tests",
    });
    expect(conflict.merged).toContain("Releases wait on manual sign-off");
    expect(conflict.merged).toContain("Flaky tests");
    const bobEdit = await api(
      bob,
      "PUT",
      `/activities/${id}/share`,
      { text: conflict.merged, requestId: "share-b2" },
      { "If-Match": conflict.current.etag },
    );
    expect(bobEdit.status).toBe(200);
    const late = await api(
      alice,
      "PUT",
      `/activities/${id}/share`,
      { text: "Sign-off takes two days", requestId: "share-a2" },
      { "If-Match": aliceVersion },
    );
    expect(late.status).toBe(412);
    expect(late.body.error.current.text).toContain("Flaky tests");
    expect(late.body.error.yours).toBe("Sign-off takes two days");
    // A retried write (same request id) is recognised, not a conflict.
    expect(
      (
        await api(
          bob,
          "PUT",
          `/activities/${id}/share`,
          { text: conflict.merged, requestId: "share-b2" },
          { "If-Match": conflict.current.etag },
        )
      ).status,
    ).toBe(200);

    // The wall, and highlights by the facilitator only, in the share phase.
    await api(facilitator, "POST", `/activities/${id}/controls`, { kind: "next", phaseIndex: 1 });
    const wall = (await api(facilitator, "GET", `/activities/${id}`)).body.activity.wall;
    expect(wall).toHaveLength(1);
    const groupId = wall[0].groupId as string;
    expect((await api(alice, "PUT", `/activities/${id}/highlights/${groupId}`)).status).toBe(403);
    const lit = await api(facilitator, "PUT", `/activities/${id}/highlights/${groupId}`);
    expect(lit.body.activity.wall[0]).toMatchObject({ highlighted: true });
    expect((await api(facilitator, "PUT", `/activities/${id}/highlights/nope`)).status).toBe(404);

    // Extend, pause, resume, end; then a commitment, which lands in My learning with the reflection.
    const extended = await api(facilitator, "POST", `/activities/${id}/controls`, {
      kind: "extend",
      phaseIndex: 2,
      minutes: 2,
    });
    expect(extended.body.activity.state.durationMs).toBe(7 * 60_000);
    const paused = await api(facilitator, "POST", `/activities/${id}/controls`, { kind: "pause" });
    expect(paused.body.activity.state.status).toBe("paused");
    expect((await api(facilitator, "POST", `/activities/${id}/controls`, { kind: "pause" })).status).toBe(
      400,
    );
    await api(facilitator, "POST", `/activities/${id}/controls`, { kind: "resume" });
    const ended = await api(facilitator, "POST", `/activities/${id}/controls`, { kind: "end" });
    expect(ended.body.activity.state.status).toBe("ended");
    const none = await api(alice, "GET", `/activities?conversationId=${encodeURIComponent(chat)}`);
    expect(none.body.activity).toBeNull();
    const committed = await api(alice, "PUT", `/activities/${id}/commitment`, {
      text: "Automate the release sign-off",
    });
    expect(committed.status).toBe(200);
    expect(committed.body.activity).toMatchObject({
      commitmentCount: 1,
      me: { commitment: { text: "Automate the release sign-off" } },
    });

    const learning = await api(alice, "GET", "/me/learning");
    expect(learning.body.reflections).toEqual([
      expect.objectContaining({
        activityId: id,
        text: "Alice's second thought",
        communityName: "Data Community",
      }),
    ]);
    expect(learning.body.commitments).toEqual([
      expect.objectContaining({ activityId: id, text: "Automate the release sign-off" }),
    ]);
    expect(JSON.stringify((await api(bob, "GET", "/me/learning")).body)).not.toContain("Alice's");
  });

  it("keeps activities of another tenant's or another meeting apart", async () => {
    const other = `19:meeting_other${Date.now()}@thread.v2`;
    const none = await api(alice, "GET", `/activities?conversationId=${encodeURIComponent(other)}`);
    expect(none.body.activity).toBeNull();
    expect((await api(alice, "GET", "/activities/does-not-exist")).status).toBe(404);
  });
});

describe("300 participants reflecting at the same second through two instances", () => {
  it("counts every reflection exactly once", { timeout: 180_000 }, async () => {
    const tablePrefix = uniqueTablePrefix();
    const a = await startTestServer({ demo: true, env: { TABLE_PREFIX: tablePrefix } });
    const b = await startTestServer({ demo: true, env: { TABLE_PREFIX: tablePrefix } });
    try {
      const [apiA, apiB] = [apiOf(a.baseUrl), apiOf(b.baseUrl)];
      const facilitator = demoPeople(org)[0] as User;
      const chat = `19:meeting_crowd${Date.now()}@thread.v2`;
      const created = await apiA(facilitator, "POST", "/activities", {
        communityId: a.demoCommunityId,
        conversationId: chat,
        prompt: "One thing you learned this week",
      });
      const id = created.body.activity.id as string;
      await apiB(facilitator, "POST", `/activities/${id}/controls`, { kind: "start" });

      const people = Array.from({ length: 300 }, (_, i) => person(i + 10) as User);
      const apiFor = (i: number) => (i % 2 === 0 ? apiA : apiB);
      // Tokens first, so the writes themselves go out together.
      await Promise.all(people.map((p, i) => apiFor(i)(p, "GET", `/activities/${id}`)));
      const answers = await Promise.all(
        people.map((p, i) =>
          apiFor(i)(p, "PUT", `/activities/${id}/reflection`, { text: `Reflection ${i}` }),
        ),
      );
      expect(
        answers
          .filter((r) => r.status !== 200)
          .map((r) => JSON.stringify(r.body))
          .slice(0, 3),
      ).toEqual([]);
      // A retried submission changes nothing.
      await apiA(people[0], "PUT", `/activities/${id}/reflection`, { text: "Reflection 0" });

      for (const api of [apiA, apiB]) {
        const view = (await api(facilitator, "GET", `/activities/${id}`)).body.activity;
        expect(view).toMatchObject({ reflectedCount: 300, participantCount: 300 });
      }
      const own = await apiB(people[7], "GET", `/activities/${id}`);
      expect(own.body.activity.me.reflection.text).toBe("Reflection 7");
    } finally {
      await a.close();
      await b.close();
    }
  });
});
