import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { org } from "../support/orgFixture.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

/**
 * Answers under a question over the tab's API (real server, real Azurite): members answer, vote
 * and edit (the old text kept), the asker accepts (the question is answered, the home's open
 * questions shrink, the answerer is credited), others may not, a steward takes it back; a
 * private community's questions stay with its members.
 */
type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely
type Json = any;

describe("answers and acceptance over the API", () => {
  let server: TestServer;
  const [steward, asker, answerer, other] = demoPeople(org) as unknown as [Person, Person, Person, Person];
  const demoIds = new Set(demoPeople(org).map((p) => p.id));
  const outsider = org.users.find((u) => !demoIds.has(u.id)) as Person;
  const tokens = new Map<string, string>();

  const call = async (method: string, path: string, as: Person, body?: unknown) => {
    const token = tokens.get(as.id) ?? (await tokenFor(server.baseUrl, as.id));
    tokens.set(as.id, token);
    const res = await fetch(`${server.baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
  };

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  const openQuestions = async (as: Person) =>
    ((await call("GET", `/communities/${server.demoCommunityId}/home`, as)).body.openQuestions as Json[]).map(
      (q) => q.id,
    );

  it("answers, votes, edits, accepts, and a steward takes the acceptance back", async () => {
    const c = server.demoCommunityId;
    const asked = await call("POST", `/communities/${c}/entries`, asker, {
      type: "qa",
      title: "How do we rotate the warehouse service account's key?",
      body: "The key expires next month. Who has done this before?",
    });
    expect(asked.status).toBe(201);
    const q = asked.body.id as string;
    expect(await openQuestions(asker)).toContain(q);
    const base = `/communities/${c}/entries/${q}/answers`;

    const added = await call("POST", base, answerer, {
      body: 'Create the second key first, switch the loader, then revoke the first. <script>alert("x")</script>',
    });
    expect(added.status).toBe(201);
    expect(added.body.body).not.toContain("<script");
    expect(added.body).toMatchObject({
      author: { id: answerer.id },
      votes: 0,
      accepted: false,
      canAccept: false,
    });
    expect(added.body.tenantId).toBeUndefined();
    const a = added.body.id as string;

    expect((await call("POST", base, answerer, { body: "   " })).status).toBe(400);
    expect((await call("POST", `${base}/${a}/vote`, answerer)).status).toBe(400);
    await call("POST", `${base}/${a}/vote`, other);
    const voted = await call("POST", `${base}/${a}/vote`, other);
    expect(voted.body).toMatchObject({ votes: 1, hasVoted: true });

    expect((await call("PATCH", `${base}/${a}`, other, { body: "Mine now" })).status).toBe(403);
    const edited = await call("PATCH", `${base}/${a}`, answerer, {
      body: "Create the second key first, then revoke the first.",
    });
    expect(edited.body.body).toBe("Create the second key first, then revoke the first.");
    expect(edited.body.history.map((h: Json) => h.body)[0]).toContain("switch the loader");

    expect((await call("POST", `${base}/${a}/accept`, other)).status).toBe(403);
    const accepted = await call("POST", `${base}/${a}/accept`, asker);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ accepted: true, acceptedBy: { id: asker.id } });
    expect((await call("GET", `/communities/${c}/entries/${q}`, asker)).body.answered).toBe(true);
    expect(await openQuestions(asker)).not.toContain(q);
    // The answerer is credited: a learning interaction from the asker, once however often it is accepted.
    await call("POST", `${base}/${a}/accept`, steward);
    const home = (await call("GET", `/communities/${c}/home`, asker)).body;
    const teacher = (home.naturalTeachers as Json[]).find((t) => t.person.id === answerer.id);
    expect(teacher?.helpful).toBe(1);
    const listed = await call("GET", base, other);
    expect(listed.body.items.map((i: Json) => [i.id, i.accepted])).toEqual([[a, true]]);

    expect((await call("DELETE", `${base}/${a}/accept`, asker)).status).toBe(403);
    const taken = await call("DELETE", `${base}/${a}/accept`, steward);
    expect(taken.body.accepted).toBe(false);
    expect((await call("GET", `/communities/${c}/entries/${q}`, asker)).body.answered).toBe(false);
    expect(await openQuestions(asker)).toContain(q);
  });

  it("keeps a private community's questions to its members, and outsiders cannot answer an open one", async () => {
    const created = await call("POST", "/communities", steward, {
      name: "Private answers",
      purpose: "Questions for the stewards only.",
      privacy: "private",
    });
    expect(created.status).toBe(201);
    const c = created.body.id as string;
    const asked = await call("POST", `/communities/${c}/entries`, steward, {
      type: "qa",
      title: "Which budget line pays for the catalogue licence?",
      body: "Finance asked.",
    });
    const base = `/communities/${c}/entries/${asked.body.id}/answers`;
    expect((await call("POST", base, steward, { body: "Line 4711." })).status).toBe(201);
    for (const [method, path] of [
      ["GET", base],
      ["POST", base],
    ] as const) {
      const res = await call(method, path, asker, method === "POST" ? { body: "A guess" } : undefined);
      expect([403, 404]).toContain(res.status);
    }
    // An open community: reading is open, answering is for members.
    const openQ = await call("POST", `/communities/${server.demoCommunityId}/entries`, asker, {
      type: "qa",
      title: "Where is the data catalogue's glossary?",
      body: "I cannot find it.",
    });
    const openBase = `/communities/${server.demoCommunityId}/entries/${openQ.body.id}/answers`;
    expect((await call("GET", openBase, outsider)).status).toBe(200);
    expect((await call("POST", openBase, outsider, { body: "Top right." })).status).toBe(403);
    // Answers only go under questions.
    const howto = await call("POST", `/communities/${server.demoCommunityId}/entries`, asker, {
      type: "howto",
      title: "Naming dbt models",
      body: "stg_, int_, fct_.",
    });
    expect(
      (
        await call(
          "POST",
          `/communities/${server.demoCommunityId}/entries/${howto.body.id}/answers`,
          answerer,
          { body: "x" },
        )
      ).status,
    ).toBe(400);
  });
});
