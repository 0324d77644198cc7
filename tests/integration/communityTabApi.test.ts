import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { org, person } from "../support/orgFixture.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

describe("tab API: calendar, playbooks, community home, My learning, people", () => {
  let server: TestServer;
  const [steward, member, second] = demoPeople(org);
  const outsider = person(300);

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
  });
  afterAll(() => server.close());

  async function api(
    user: { id: string } | undefined,
    method: string,
    route: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, user?.id ?? "")}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: res.status,
      etag: res.headers.get("etag") ?? "",
      body: res.status === 204 ? undefined : await res.json(),
    };
  }
  const community = () => `/communities/${server.demoCommunityId}`;
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  it("lets stewards plan sessions with format defaults; members may not", async () => {
    const created = await api(steward, "POST", `${community()}/sessions`, {
      title: "Micro-teach: lineage in five minutes",
      format: "micro-teach",
      startsAt: inDays(3),
      timeZone: "Europe/Berlin",
      agenda: ["Teach", "Questions"],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ durationMinutes: 10, timeZone: "Europe/Berlin", canEdit: true });
    expect(created.body.roles.map((r: { role: string }) => r.role)).toEqual([
      "micro-teacher",
      "facilitator",
      "observer",
    ]);
    expect(
      (
        await api(member, "POST", `${community()}/sessions`, {
          title: "Mine",
          format: "open",
          startsAt: inDays(1),
        })
      ).status,
    ).toBe(403);
    const bad = await api(steward, "POST", `${community()}/sessions`, {
      title: "Hm",
      format: "poker",
      startsAt: "soon",
      timeZone: "Mars/Base",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(["title", "format", "startsAt", "timeZone"]),
    );
  });

  it("counts RSVPs, one answer per person, and edits sessions with ETags", async () => {
    const created = await api(steward, "POST", `${community()}/sessions`, {
      title: "Think-pair-share on lineage",
      format: "think-pair-share",
      startsAt: inDays(5),
    });
    const id = created.body.id as string;
    await api(member, "PUT", `${community()}/sessions/${id}/rsvp`, { response: "going" });
    await api(member, "PUT", `${community()}/sessions/${id}/rsvp`, { response: "maybe" });
    const answered = await api(second, "PUT", `${community()}/sessions/${id}/rsvp`, { response: "going" });
    expect(answered.body.rsvpCounts).toEqual({ going: 1, maybe: 1, no: 0 });
    expect(answered.body.myRsvp).toBe("going");
    // The RSVP's answer replaces the session in the tab: it still says whether a Teams meeting can
    // be scheduled, so "Edit session" after an RSVP offers the option as before.
    const read = await api(steward, "GET", `${community()}/sessions/${id}`);
    expect(typeof read.body.canScheduleMeetings).toBe("boolean");
    expect(answered.body.canScheduleMeetings).toBe(read.body.canScheduleMeetings);
    expect(created.body.canScheduleMeetings).toBe(read.body.canScheduleMeetings);
    expect(
      (await api(member, "PUT", `${community()}/sessions/${id}/rsvp`, { response: "perhaps" })).status,
    ).toBe(400);

    const edit = await api(
      steward,
      "PATCH",
      `${community()}/sessions/${id}`,
      { durationMinutes: 45 },
      { "if-match": created.etag },
    );
    expect(edit.body.durationMinutes).toBe(45);
    const stale = await api(
      steward,
      "PATCH",
      `${community()}/sessions/${id}`,
      { durationMinutes: 50 },
      { "if-match": created.etag },
    );
    expect(stale.status).toBe(412);
    expect(
      (await api(steward, "PATCH", `${community()}/sessions/${id}`, { durationMinutes: 50 })).status,
    ).toBe(428);
  });

  it("lets a member take the note-taker role but not the facilitator role, and nobody holds two roles", async () => {
    const created = await api(steward, "POST", `${community()}/sessions`, {
      title: "Knowledge café",
      format: "knowledge-cafe",
      startsAt: inDays(7),
    });
    const id = created.body.id as string;
    const me = { id: member?.id, displayName: member?.displayName };
    const took = await api(member, "PUT", `${community()}/sessions/${id}/roles/note-taker`, { person: me });
    expect(took.body.roles.find((r: { role: string }) => r.role === "note-taker").person.id).toBe(member?.id);
    expect(
      (await api(member, "PUT", `${community()}/sessions/${id}/roles/facilitator`, { person: me })).status,
    ).toBe(403);
    // One person, one role: the note-taker cannot also facilitate, and the reason is said.
    const twice = await api(steward, "PUT", `${community()}/sessions/${id}/roles/facilitator`, {
      person: me,
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain("already has another role in this session");
    const other = { id: second?.id, displayName: second?.displayName };
    const assigned = await api(steward, "PUT", `${community()}/sessions/${id}/roles/facilitator`, {
      person: other,
    });
    expect(assigned.body.roles.find((r: { role: string }) => r.role === "facilitator").person.id).toBe(
      second?.id,
    );
  });

  it("compiles playbooks that members tick off for themselves", async () => {
    const entry = async (title: string) =>
      (
        await api(steward, "POST", `${community()}/entries`, {
          type: "howto",
          title,
          body: `${title}: how we do it.`,
        })
      ).body.id as string;
    const first = await entry("Check the upstream schema");
    const secondEntry = await entry("Page the owner");
    const created = await api(steward, "POST", `${community()}/playbooks`, {
      title: "Pipeline failure at night",
      items: [{ entryId: first }, { entryId: secondEntry, note: "Only after 15 minutes" }],
      starter: true,
    });
    expect(created.status).toBe(201);
    // The contract's answer: the tenant id stays on the server.
    expect(created.body).not.toHaveProperty("tenantId");
    expect(created.body.items.map((i: { title: string }) => i.title)).toEqual([
      "Check the upstream schema",
      "Page the owner",
    ]);
    const id = created.body.id as string;
    const ticked = await api(member, "PUT", `${community()}/playbooks/${id}/done/${first}`);
    expect(ticked.body.done).toEqual([first]);
    expect(ticked.body).not.toHaveProperty("tenantId");
    const others = await api(second, "GET", `${community()}/playbooks/${id}`);
    expect(others.body.done).toEqual([]);
    const unticked = await api(member, "DELETE", `${community()}/playbooks/${id}/done/${first}`);
    expect(unticked.body.done).toEqual([]);
    expect(
      (await api(member, "POST", `${community()}/playbooks`, { title: "Mine", items: [{ entryId: first }] }))
        .status,
    ).toBe(403);
    expect(
      (
        await api(steward, "POST", `${community()}/playbooks`, {
          title: "Ghost",
          items: [{ entryId: "nope" }],
        })
      ).status,
    ).toBe(400);
  });

  it("composes the community home: sessions, entries, open questions, who to ask, teachers, newcomer steps", async () => {
    await api(member, "POST", `${community()}/entries`, {
      type: "qa",
      title: "How do we version schemas?",
      body: "Open question.",
      tags: ["pipelines"],
    });
    const answer = await api(second, "POST", `${community()}/entries`, {
      type: "insight",
      title: "Version pipelines by contract",
      body: "Use contracts.",
      tags: ["pipelines"],
    });
    await api(member, "PUT", `${community()}/entries/${answer.body.id}/vote`);
    const home = await api(member, "GET", `${community()}/home`);
    expect(home.status).toBe(200);
    // The community as its own read shows it to the caller, so a tab opening on the home asks once.
    const own = await api(member, "GET", community());
    expect(home.body.community).toEqual(own.body);
    expect(home.body.community).not.toHaveProperty("tenantId");
    expect(home.body.nextSessions.length).toBeGreaterThan(0);
    expect(
      home.body.nextSessions[0].startsAt < home.body.nextSessions.at(-1).startsAt ||
        home.body.nextSessions.length === 1,
    ).toBe(true);
    expect(home.body.openQuestions.map((q: { title: string }) => q.title)).toContain(
      "How do we version schemas?",
    );
    const pipelines = home.body.whoToAsk.find((t: { tag: string }) => t.tag === "pipelines");
    expect(pipelines.people[0].person.id).toBe(second?.id);
    expect(home.body.naturalTeachers.map((t: { person: { id: string } }) => t.person.id)).toContain(
      second?.id,
    );
    expect(home.body.newcomer.steps).toMatchObject({ firstContribution: true, takeNoteTaker: true });
    const newcomerHome = await api(outsider, "GET", `${community()}/home`);
    expect(newcomerHome.body.newcomer).toMatchObject({
      isNewcomer: true,
      steps: { firstContribution: false, takeNoteTaker: false },
    });
    expect(newcomerHome.body.newcomer.starterPlaybookId).toBeDefined();
  });

  it("shows a first day truthfully: no questions is not 'all answered', 0-vote entries are not most helpful, a future RSVP is not observing, stewards get no newcomer pathway", async () => {
    const created = await api(steward, "POST", "/communities", {
      name: "Fresh Community",
      purpose: "Just started.",
      privacy: "open",
    });
    expect(created.status).toBe(201);
    const fresh = `/communities/${created.body.id}`;
    // People of their own, so the other tests' views of the demo members stay as they were.
    const newcomer = person(301);
    const author = person(302);
    await api(newcomer, "POST", `${fresh}/join`);
    const empty = await api(newcomer, "GET", `${fresh}/home`);
    expect(empty.body).toMatchObject({ questionsAsked: 0, openQuestions: [], helpfulEntries: [] });

    await api(author, "POST", `${fresh}/join`);
    await api(author, "POST", `${fresh}/entries`, {
      type: "insight",
      title: "Nobody voted yet",
      body: "Body.",
    });
    const session = await api(steward, "POST", `${fresh}/sessions`, {
      title: "First call",
      format: "open",
      startsAt: inDays(5),
      timeZone: "Europe/Berlin",
    });
    await api(newcomer, "PUT", `${fresh}/sessions/${session.body.id}/rsvp`, { response: "going" });
    const home = await api(newcomer, "GET", `${fresh}/home`);
    expect(home.body.recentEntries.map((e: { title: string }) => e.title)).toEqual(["Nobody voted yet"]);
    expect(home.body.helpfulEntries).toEqual([]);
    expect(home.body.newcomer).toMatchObject({ isNewcomer: true, steps: { observeSession: false } });

    const stewardHome = await api(steward, "GET", `${fresh}/home`);
    expect(stewardHome.body.newcomer.isNewcomer).toBe(false);
  });

  it("gathers My learning across my communities", async () => {
    const mine = await api(member, "GET", "/me/learning");
    expect(mine.status).toBe(200);
    expect(mine.body.authored.map((e: { title: string }) => e.title)).toContain("How do we version schemas?");
    expect(mine.body.sessions.some((s: { myRoles: string[] }) => s.myRoles.includes("note-taker"))).toBe(
      true,
    );
    expect(
      mine.body.sessions.every((s: { communityName: string }) => s.communityName === "Data Community"),
    ).toBe(true);
    expect(mine.body.commitments).toEqual([]);
    const nobody = await api(outsider, "GET", "/me/learning");
    expect(nobody.body).toMatchObject({ authored: [], saved: [], sessions: [] });
  });

  it("finds people of the organisation for pickers, and only of the caller's tenant", async () => {
    const found = await api(
      member,
      "GET",
      `/people?q=${encodeURIComponent((org.users[5]?.displayName ?? "").slice(0, 5))}`,
    );
    expect(found.body.items.length).toBeGreaterThan(0);
    expect(found.body.items[0]).not.toHaveProperty("managerId");
  });
});
