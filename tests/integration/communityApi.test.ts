import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { person } from "../support/orgFixture.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

describe("tab API: communities over HTTP with tab tokens", () => {
  let server: TestServer;
  const steward = person(1);
  const member = person(2);
  const outsider = person(3);

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
  });
  afterAll(() => server.close());

  async function call(
    userId: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const token = await tokenFor(server.baseUrl, userId);
    const res = await fetch(`${server.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: res.status,
      etag: res.headers.get("etag"),
      // biome-ignore lint/suspicious/noExplicitAny: the test reads loosely shaped JSON answers
      body: (await res.json()) as Record<string, any>,
    };
  }

  it("reports health", async () => {
    const res = await fetch(`${server.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", mode: "local" });
  });

  it("refuses calls without a token, with a garbage token, and with a token from a foreign key", async () => {
    expect((await fetch(`${server.baseUrl}/api/me`)).status).toBe(401);
    const garbage = await fetch(`${server.baseUrl}/api/me`, {
      headers: { authorization: "Bearer abc.def.ghi" },
    });
    expect(garbage.status).toBe(401);
    expect(((await garbage.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
  });

  it("knows who is calling", async () => {
    const me = await call(steward.id, "GET", "/me");
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      tenantId: "72f988bf-0000-4000-8000-000000000001",
      userId: steward.id,
      displayName: steward.displayName,
    });
  });

  it("serves the seeded demo community", async () => {
    const demo = await call(outsider.id, "GET", `/communities/${server.demoCommunityId}`);
    expect(demo.status).toBe(200);
    expect(demo.body.name).toBe("Data Community");
    expect(demo.body.memberCount).toBeGreaterThanOrEqual(10);
    expect(demo.body.tenantId).toBeUndefined();
  });

  it("creates, reads, changes with ETags, and lets people join and leave", async () => {
    const created = await call(steward.id, "POST", "/communities", {
      name: "Platform Guild",
      purpose: "Share how we run the platform.",
      tags: ["Kubernetes", "on-call"],
      privacy: "open",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Platform Guild",
      tags: ["kubernetes", "on-call"],
      isSteward: true,
      isMember: true,
      memberCount: 1,
    });
    const id = created.body.id as string;

    const joined = await call(member.id, "POST", `/communities/${id}/join`);
    expect(joined.body).toMatchObject({ isMember: true, isSteward: false, memberCount: 2 });
    const joinedAgain = await call(member.id, "POST", `/communities/${id}/join`);
    expect(joinedAgain.body.memberCount).toBe(2);

    const read = await call(steward.id, "GET", `/communities/${id}`);
    const changed = await call(
      steward.id,
      "PATCH",
      `/communities/${id}`,
      { purpose: "Share how we run it." },
      { "if-match": read.etag ?? "" },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.purpose).toBe("Share how we run it.");

    const stale = await call(
      steward.id,
      "PATCH",
      `/communities/${id}`,
      { purpose: "Lost update" },
      { "if-match": read.etag ?? "" },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe("concurrency_conflict");

    const notSteward = await call(
      member.id,
      "PATCH",
      `/communities/${id}`,
      { purpose: "x" },
      { "if-match": changed.etag ?? "" },
    );
    expect(notSteward.status).toBe(403);

    const left = await call(member.id, "POST", `/communities/${id}/leave`);
    expect(left.body).toMatchObject({ isMember: false, memberCount: 1 });
  });

  it("answers bad input with a friendly 400 naming the field, and changes nothing", async () => {
    const before = await call(steward.id, "GET", "/communities");
    const bad = await call(steward.id, "POST", "/communities", { name: "x", purpose: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_input");
    expect(bad.body.error.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(["name", "purpose"]),
    );
    const after = await call(steward.id, "GET", "/communities");
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it("keeps private communities out of others' lists; by id they see what it is, to ask to join", async () => {
    const created = await call(steward.id, "POST", "/communities", {
      name: "Leadership Circle",
      purpose: "Private peer coaching.",
      privacy: "private",
    });
    const id = created.body.id as string;
    const preview = await call(outsider.id, "GET", `/communities/${id}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ name: "Leadership Circle", isMember: false, joinRequested: false });
    const join = await call(outsider.id, "POST", `/communities/${id}/join`);
    expect(join.status).toBe(403);
    expect(join.body.error.message).toBe(
      "Leadership Circle is private: ask to join it, and one of its stewards will let you in.",
    );
    expect((await call(outsider.id, "GET", `/communities/${id}/home`)).status).toBe(403);
    const visible = await call(outsider.id, "GET", "/communities");
    expect(visible.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    const mine = await call(steward.id, "GET", "/communities");
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it("rejects identifiers that could break out of a key", async () => {
    const res = await call(steward.id, "GET", `/communities/${encodeURIComponent("a#b")}`);
    expect(res.status).toBe(400);
  });

  it("serves the privacy statement and terms the manifest links to", async () => {
    for (const page of ["privacy", "terms"]) {
      const res = await fetch(`${server.baseUrl}/${page}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("PeerCircle");
    }
  });

  it("answers unknown API paths with JSON 404", async () => {
    const res = await call(steward.id, "GET", "/nope");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});
