import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommitmentService } from "../../src/domain/commitments/commitmentService.js";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesCommitmentRepository } from "../../src/storage/tablesCommitmentRepository.js";
import { org } from "../support/orgFixture.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

type User = { id: string; displayName: string };

describe("commitments API for My learning and the community home", () => {
  let server: TestServer;
  let recorder: CommitmentService;
  const tokens = new Map<string, Promise<string>>();
  const [ada, ben, steward] = demoPeople(org).slice(0, 3) as unknown as [User, User, User];
  const outsider = org.users.find((u) => !demoPeople(org).some((p) => p.id === u.id)) as User;
  const tenantId = org.tenantId.toLowerCase();

  async function call(
    user: User,
    method: string,
    route: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    let token = tokens.get(user.id);
    if (!token) {
      token = tokenFor(server.baseUrl, user.id);
      tokens.set(user.id, token);
    }
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      method,
      headers: {
        authorization: `Bearer ${await token}`,
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
  }

  async function commit(who: User, communityId: string, text: string, activityId = `act-${Math.random()}`) {
    await recorder.recordFromActivity({
      tenantId,
      owner: { id: who.id, displayName: who.displayName },
      communityId,
      source: { activityId, format: "think-pair-share", conversationId: "19:meeting_api@thread.v2" },
      text,
      partners: [{ id: steward.id, displayName: steward.displayName }],
      at: new Date().toISOString(),
    });
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    const store = await TableStore.connect(server.config.storage);
    recorder = new CommitmentService(new TablesCommitmentRepository(store));
  });
  afterAll(() => server.close());

  it("lists only the caller's own, and lets only the owner change status, note and due day", async () => {
    await commit(ada, server.demoCommunityId, "Write the runbook for on-call");
    await commit(ben, server.demoCommunityId, "Ben's private plan");
    const mine = await call(ada, "GET", "/me/commitments");
    expect(mine.status).toBe(200);
    const [item] = mine.body.items;
    expect(item).toMatchObject({
      text: "Write the runbook for on-call",
      status: "open",
      owner: { id: ada.id },
      partners: [{ id: steward.id, displayName: steward.displayName }],
      history: [{ status: "open" }],
    });
    expect(item.tenantId).toBeUndefined();
    expect(JSON.stringify(mine.body)).not.toContain("Ben's private plan");
    const path = `/me/commitments/${item.id}`;

    // Without If-Match: refused, nothing changes.
    expect((await call(ada, "PATCH", path, { status: "done" })).status).toBe(428);
    // Bad input: a clear 400, nothing changes.
    const bad = await call(ada, "PATCH", path, { status: "finished" }, { "If-Match": item.etag });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Pick open, done, partly or dropped.");
    const badDue = await call(
      ada,
      "PATCH",
      path,
      { status: "open", due: "2025-02-30" },
      { "If-Match": item.etag },
    );
    expect(badDue.status).toBe(400);
    expect(badDue.body.error.message).toBe("Give the due date as YYYY-MM-DD (a day that exists).");
    // Someone else: not theirs to change (or to know of), nothing changes.
    const other = await call(ben, "PATCH", path, { status: "dropped" }, { "If-Match": item.etag });
    expect(other.status).toBe(404);
    expect((await call(ada, "GET", "/me/commitments")).body.items[0].etag).toBe(item.etag);

    const done = await call(
      ada,
      "PATCH",
      path,
      { status: "done", note: "Shared it in the channel", due: "2030-01-15" },
      { "If-Match": item.etag },
    );
    expect(done.status).toBe(200);
    expect(done.etag).toBe(done.body.etag);
    expect(done.body).toMatchObject({ status: "done", due: "2030-01-15" });
    expect(done.body.history.map((h: { status: string; note?: string }) => [h.status, h.note])).toEqual([
      ["open", undefined],
      ["done", "Shared it in the channel"],
    ]);
    // The version Ada saw before is stale now.
    const stale = await call(ada, "PATCH", path, { status: "dropped" }, { "If-Match": item.etag });
    expect(stale.status).toBe(412);
    expect((await call(ada, "GET", "/me/commitments")).body.items[0]).toMatchObject({ status: "done" });
  });

  it("shows a community's follow-through rate to members, with no names; a private one's to nobody else", async () => {
    const created = await call(steward, "POST", "/communities", {
      name: "Accountability Circle",
      purpose: "Following through together.",
      privacy: "private",
    });
    expect(created.status).toBe(201);
    const communityId = created.body.id as string;
    await commit(ada, communityId, "Try a retro format");
    await commit(ben, communityId, "Mentor a newcomer");
    const [adas] = (await call(ada, "GET", "/me/commitments")).body.items.filter(
      (c: { communityId: string }) => c.communityId === communityId,
    );
    await call(ada, "PATCH", `/me/commitments/${adas.id}`, { status: "partly" }, { "If-Match": adas.etag });

    const rate = await call(steward, "GET", `/communities/${communityId}/follow-through`);
    expect(rate.status).toBe(200);
    expect(rate.body).toMatchObject({
      communityId,
      total: 2,
      partly: 1,
      open: 1,
      done: 0,
      dropped: 0,
      rate: 0.5,
    });
    expect(JSON.stringify(rate.body)).not.toMatch(new RegExp(`${ada.id}|${ben.id}|Ada|Ben|retro`));
    // The community home carries the same counts and rate, and nothing more.
    const home = await call(steward, "GET", `/communities/${communityId}/home`);
    expect(home.body.followThrough).toEqual({ total: 2, done: 0, partly: 1, dropped: 0, open: 1, rate: 0.5 });
    expect(JSON.stringify(home.body)).not.toContain("retro");
    expect((await call(outsider, "GET", `/communities/${communityId}/follow-through`)).status).toBe(403);
    const badWindow = await call(steward, "GET", `/communities/${communityId}/follow-through?from=soon`);
    expect(badWindow.status).toBe(400);
  });
});
