import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { org } from "../support/orgFixture.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

const [steward, member] = demoPeople(org);

/** Calls the tab API as `user` on `server`. */
async function api(
  server: TestServer,
  user: { id: string } | undefined,
  method: string,
  route: string,
  body?: unknown,
) {
  const res = await fetch(`${server.baseUrl}/api${route}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenFor(server.baseUrl, user?.id ?? "")}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

describe("what people submit is stored as they see it", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: true });
  });
  afterAll(() => server.close());
  const community = () => `/communities/${server.demoCommunityId}`;

  it("refuses a session on 30 February instead of storing it on 1 March, and stores nothing", async () => {
    const res = await api(server, steward, "POST", `${community()}/sessions`, {
      title: "Leap-day retrospective",
      format: "open",
      startsAt: "2024-02-30T10:00",
      timeZone: "Europe/Berlin",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ field: "startsAt" })]);
    const list = await api(
      server,
      steward,
      "GET",
      `${community()}/sessions?from=2024-02-01T00:00:00Z&to=2024-03-31T00:00:00Z`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { title: string }) => s.title)).not.toContain("Leap-day retrospective");
  });

  it("answers sessions without the tenant id", async () => {
    const created = await api(server, steward, "POST", `${community()}/sessions`, {
      title: "Case round: the outage",
      format: "case-round",
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty("tenantId");
    const one = await api(server, member, "GET", `${community()}/sessions/${created.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body).not.toHaveProperty("tenantId");
    const rsvp = await api(server, member, "PUT", `${community()}/sessions/${created.body.id}/rsvp`, {
      response: "going",
    });
    expect(rsvp.body).not.toHaveProperty("tenantId");
    const list = await api(server, member, "GET", `${community()}/sessions`);
    expect(list.body.items.length).toBeGreaterThan(0);
    for (const item of list.body.items) expect(item).not.toHaveProperty("tenantId");
  });

  it("strips NUL, ESC and bidi overrides from titles, bodies and tags, and search finds the word", async () => {
    const created = await api(server, member, "POST", `${community()}/entries`, {
      type: "howto",
      title: "Rotate\u0000 the vault\u001b[2J key",
      body: "Change the Pass\u200Bword \u202Eevery 90 days\u202C.",
      tags: ["se\u0000curity", "\u001bops"],
    });
    expect(created.status).toBe(201);
    const stored = await api(server, member, "GET", `${community()}/entries/${created.body.id}`);
    expect(stored.body).toMatchObject({
      title: "Rotate the vault[2J key",
      body: "Change the Password every 90 days.",
      tags: ["security", "ops"],
    });
    const found = await api(server, member, "GET", `${community()}/entries?q=password`);
    expect(found.body.items.map((hit: { id: string }) => hit.id)).toContain(created.body.id);
  });
});

describe("per-person rate limit on the tab API", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      demo: true,
      env: { TAB_API_RATE_LIMIT: "5", TAB_API_RATE_WINDOW_SECONDS: "600" },
    });
  });
  afterAll(() => server.close());

  it("answers 429 with Retry-After to one person over the limit, and serves another person", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api(server, member, "GET", "/me")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const over = await api(server, member, "GET", "/me");
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe("too_many_requests");
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect((await api(server, steward, "GET", "/me")).status).toBe(200);
  });
});
