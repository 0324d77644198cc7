import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageEntryId } from "../../src/domain/library/messageEntryId.js";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { org, person } from "../support/orgFixture.js";
import { invokeActivity, postInvoke, teamsUser } from "../support/teamsActivities.js";
import {
  repoRoot,
  startTestServer,
  type TestServer,
  tokenFor,
  uniqueTablePrefix,
} from "../support/testServer.js";

interface MessageFixture {
  name: string;
  messagePayload: { id: string; body: { content: string }; [key: string]: unknown };
  expect: { textIncludes?: string[]; textExcludes?: string[]; links?: string[]; reject?: boolean };
}

const fixtures = (
  JSON.parse(readFileSync(path.join(repoRoot, "fixtures", "teams-messages.json"), "utf8")) as {
    messages: MessageFixture[];
  }
).messages;

const CHANNEL_CONVERSATION = "19:a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6@thread.tacv2;messageid=1791216120000";

/** The submit data a person sends after reviewing the pre-filled dialog. */
function formValues(card: { body: { id?: string; value?: string }[] }): Record<string, string> {
  const values: Record<string, string> = {};
  for (const element of card.body)
    if (element.id && element.value !== undefined) values[element.id] = element.value;
  return values;
}

describe("knowledge capture: Save as insight, Find insight, unfurling, the library API", () => {
  let server: TestServer;
  const connector = new ConnectorRecorder();
  const [steward, member] = demoPeople(org);
  const outsider = person(200);

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
  });
  afterAll(async () => {
    await server.close();
    await connector.stop();
  });

  const invoke = (
    name: string,
    value: unknown,
    as = steward,
    extra: { activityId?: string; tenant?: string } = {},
  ) => {
    const activity = invokeActivity(name, value, {
      serviceUrl: connector.serviceUrl,
      conversationType: "channel",
      conversationId: CHANNEL_CONVERSATION,
      from: teamsUser(as ?? person(0)),
      ...(extra.activityId ? { activityId: extra.activityId } : {}),
    });
    (activity.channelData as Record<string, unknown>).team = { id: DEMO_TEAM.teamId };
    if (extra.tenant) {
      activity.conversation.tenantId = extra.tenant;
      activity.channelData.tenant = { id: extra.tenant };
    }
    return postInvoke(server.baseUrl, activity);
  };

  async function api(userId: string, method: string, route: string, body?: unknown) {
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, userId)}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
  }

  async function save(fixture: MessageFixture, overrides: Record<string, string> = {}, activityId?: string) {
    const fetched = await invoke("composeExtension/fetchTask", {
      commandId: "saveInsight",
      commandContext: "message",
      messagePayload: fixture.messagePayload,
    });
    expect(fetched.status).toBe(200);
    if (fetched.body.task.type === "message") return { fetched, submitted: undefined };
    const card = fetched.body.task.value.card.content;
    const submitted = await invoke(
      "composeExtension/submitAction",
      {
        commandId: "saveInsight",
        commandContext: "message",
        messagePayload: fixture.messagePayload,
        data: { ...formValues(card), action: "saveInsight", ...overrides },
      },
      steward,
      activityId ? { activityId } : {},
    );
    return { fetched, submitted };
  }

  it.each(fixtures.map((f) => [f.name, f] as const))(
    "imports the %s fixture as its expect says",
    async (_name, fixture) => {
      const { fetched, submitted } = await save(fixture);
      const entryId = messageEntryId(CHANNEL_CONVERSATION, fixture.messagePayload.id);
      const stored = await api(
        member?.id ?? "",
        "GET",
        `/communities/${server.demoCommunityId}/entries/${entryId}`,
      );
      if (fixture.expect.reject) {
        expect(fetched.body.task.type).toBe("message");
        expect(fetched.body.task.value).toMatch(/no text|deleted/i);
        expect(stored.status).toBe(404);
        return;
      }
      expect(fetched.body.task.type).toBe("continue");
      expect(submitted?.body.task?.value ?? "").toMatch(/^Saved/);
      expect(stored.status).toBe(200);
      const body = stored.body.body as string;
      for (const text of fixture.expect.textIncludes ?? []) expect(body).toContain(text);
      for (const text of fixture.expect.textExcludes ?? []) expect(body).not.toContain(text);
      for (const link of fixture.expect.links ?? []) expect(body).toContain(link);
      expect(body).not.toMatch(/javascript:|data:text|<script|onerror=/i);
      expect(stored.body.savedBy.id).toBe(steward?.id);
      const from = (fixture.messagePayload.from as { user?: { id: string } } | undefined)?.user;
      expect(stored.body.author.id).toBe(from?.id ?? steward?.id);
      expect(stored.body.source).toMatchObject({ kind: "message", messageId: fixture.messagePayload.id });
    },
  );

  it("does not duplicate a message saved twice into the same community: it offers the existing entry", async () => {
    const fixture = fixtures.find((f) => f.name === "plain-tip");
    if (!fixture) throw new Error("fixture missing");
    const again = await save(fixture, { title: "Another title" });
    expect(again.submitted?.body.task.type).toBe("continue");
    expect(JSON.stringify(again.submitted?.body.task.value.card.content)).toContain(
      "already in Data Community",
    );
    const listed = await api(
      member?.id ?? "",
      "GET",
      `/communities/${server.demoCommunityId}/entries?q=upstream%20schema`,
    );
    expect(
      listed.body.items.filter(
        (i: { id: string }) => i.id === messageEntryId(CHANNEL_CONVERSATION, fixture.messagePayload.id),
      ),
    ).toHaveLength(1);
    // Asked to share it, the person gets the existing entry's card to post, not a dead end.
    const shared = await save(fixture, { title: "Another title", share: "true" });
    expect(shared.submitted?.body.composeExtension?.type).toBe("result");
    expect(JSON.stringify(shared.submitted?.body.composeExtension.attachments[0].content)).toContain(
      "Already in Data Community's library",
    );
  });

  it("counts saved messages as learning from their authors (natural teachers on the home)", async () => {
    const home = await api(member?.id ?? "", "GET", `/communities/${server.demoCommunityId}/home`);
    const authors = new Set(
      fixtures.map((f) => (f.messagePayload.from as { user?: { id: string } }).user?.id),
    );
    const teachers = home.body.naturalTeachers as { person: { id: string }; saves: number }[];
    expect(teachers.length).toBeGreaterThan(0);
    for (const teacher of teachers) {
      expect(authors.has(teacher.person.id)).toBe(true);
      expect(teacher.saves).toBeGreaterThanOrEqual(1);
    }
    expect(teachers.map((t) => t.person.id)).not.toContain(steward?.id);
  });

  it("never creates two entries when Teams retries the same invoke", async () => {
    const fixture = {
      ...(fixtures[0] as MessageFixture),
      messagePayload: { ...(fixtures[0] as MessageFixture).messagePayload, id: "retry-1" },
    };
    const first = await save(fixture, {}, "retried-activity");
    const retried = await save(fixture, {}, "retried-activity");
    expect(first.submitted?.body.task.value).toMatch(/^Saved/);
    expect(retried.submitted?.body.task.type).toBe("continue");
    const all = await api(
      member?.id ?? "",
      "GET",
      `/communities/${server.demoCommunityId}/entries?limit=100`,
    );
    expect(
      all.body.items.filter((i: { id: string }) => i.id === messageEntryId(CHANNEL_CONVERSATION, "retry-1")),
    ).toHaveLength(1);
  });

  it("refuses bad input with the reason and keeps what the person typed", async () => {
    const fixture = {
      ...(fixtures[0] as MessageFixture),
      messagePayload: { ...(fixtures[0] as MessageFixture).messagePayload, id: "bad-input" },
    };
    const { submitted } = await save(fixture, { title: "x", body: "Still here" });
    expect(submitted?.body.task.type).toBe("continue");
    const card = JSON.stringify(submitted?.body.task.value.card.content);
    expect(card).toContain("title of at least 3 characters");
    expect(card).toContain("Still here");
    const stored = await api(
      member?.id ?? "",
      "GET",
      `/communities/${server.demoCommunityId}/entries/${messageEntryId(CHANNEL_CONVERSATION, "bad-input")}`,
    );
    expect(stored.status).toBe(404);
  });

  it("refuses an entry type the library does not know, as the tab's API does, and keeps what was typed", async () => {
    const fixture = {
      ...(fixtures[0] as MessageFixture),
      messagePayload: { ...(fixtures[0] as MessageFixture).messagePayload, id: "unknown-type" },
    };
    const { submitted } = await save(fixture, { type: "rumour", title: "Kept as typed" });
    expect(submitted?.body.task.type).toBe("continue");
    const card = JSON.stringify(submitted?.body.task.value.card.content);
    expect(card).toContain("Pick what kind of entry this is.");
    expect(card).toContain("Kept as typed");
    const stored = await api(
      member?.id ?? "",
      "GET",
      `/communities/${server.demoCommunityId}/entries/${messageEntryId(CHANNEL_CONVERSATION, "unknown-type")}`,
    );
    expect(stored.status).toBe(404);
  });

  it("takes the tags picked and the new ones typed, split the library's one way", async () => {
    const fixture = {
      ...(fixtures[0] as MessageFixture),
      messagePayload: { ...(fixtures[0] as MessageFixture).messagePayload, id: "tagged" },
    };
    const { submitted } = await save(fixture, {
      tags: "release, ci-cd",
      newTags: " Approvals ,, Parallel Work ",
    });
    expect(submitted?.body.task.value).toMatch(/^Saved/);
    const stored = await api(
      member?.id ?? "",
      "GET",
      `/communities/${server.demoCommunityId}/entries/${messageEntryId(CHANNEL_CONVERSATION, "tagged")}`,
    );
    expect(stored.body.tags).toEqual(["release", "ci-cd", "approvals", "parallel-work"]);
  });

  it("refuses people outside the allowed tenants", async () => {
    const fetched = await invoke(
      "composeExtension/fetchTask",
      { commandId: "saveInsight", messagePayload: fixtures[0]?.messagePayload },
      steward,
      { tenant: "99999999-0000-4000-8000-000000000009" },
    );
    expect(fetched.body.task.type).toBe("message");
    expect(fetched.body.task.value).toContain("not enabled for your organisation");
  });

  it("tells someone without a community what to do", async () => {
    const fetched = await invoke(
      "composeExtension/fetchTask",
      { commandId: "saveInsight", messagePayload: fixtures[0]?.messagePayload },
      outsider,
    );
    expect(fetched.body.task.value).toContain("not in a PeerCircle community yet");
  });

  it("finds insights from the compose box with the match highlighted, and recent helpful ones for an empty query", async () => {
    const found = await invoke("composeExtension/query", {
      commandId: "findInsight",
      parameters: [{ name: "query", value: "upstrem schema" }],
      queryOptions: { count: 10, skip: 0 },
    });
    expect(found.body.composeExtension.type).toBe("result");
    const first = found.body.composeExtension.attachments[0];
    expect(first.preview.contentType).toBe("application/vnd.microsoft.card.thumbnail");
    const content = JSON.stringify(first.content);
    expect(content).toContain("**");
    expect(content.toLowerCase()).toContain("schema");
    for (const attachment of found.body.composeExtension.attachments) {
      expect(Buffer.byteLength(JSON.stringify(attachment))).toBeLessThan(28 * 1024);
    }
    const initial = await invoke("composeExtension/query", {
      commandId: "findInsight",
      parameters: [{ name: "initialRun", value: "true" }],
      queryOptions: { count: 10, skip: 0 },
    });
    expect(initial.body.composeExtension.attachments.length).toBeGreaterThan(0);
    const none = await invoke(
      "composeExtension/query",
      { commandId: "findInsight", parameters: [{ name: "query", value: "schema" }] },
      outsider,
    );
    expect(none.body.composeExtension.type).toBe("message");
  });

  it("unfurls PeerCircle entry links for people who may see them, and nothing else", async () => {
    const entryId = messageEntryId(CHANNEL_CONVERSATION, (fixtures[0] as MessageFixture).messagePayload.id);
    const url = `${server.config.publicUrl}/tab/library/${server.demoCommunityId}/${entryId}`;
    const unfurled = await invoke("composeExtension/queryLink", { url });
    expect(unfurled.body.composeExtension.attachments).toHaveLength(1);
    const card = JSON.stringify(unfurled.body.composeExtension.attachments[0].content);
    expect(card).toContain("Helpful");
    expect(card).toContain("Insight");
    const foreign = await invoke("composeExtension/queryLink", {
      url: "https://example.com/tab/library/x/y",
    });
    expect(foreign.body.composeExtension.attachments).toHaveLength(0);
  });

  it("unfurls PeerCircle session links too, with a Teams deep link to the session", async () => {
    const created = await api(steward?.id ?? "", "POST", `/communities/${server.demoCommunityId}/sessions`, {
      title: "Pipeline clinic",
      format: "micro-teach",
      startsAt: "2031-03-04T09:00:00.000Z",
      durationMinutes: 45,
    });
    expect(created.status).toBe(201);
    const sessionId: string = created.body.id;
    const url = `${server.config.publicUrl}/tab/calendar/${server.demoCommunityId}/${sessionId}`;
    const unfurled = await invoke("composeExtension/queryLink", { url });
    expect(unfurled.body.composeExtension.attachments).toHaveLength(1);
    const card = unfurled.body.composeExtension.attachments[0].content;
    expect(JSON.stringify(card)).toContain("Pipeline clinic");
    expect(JSON.stringify(card)).toContain("{{DATE(2031-03-04T09:00:00Z, SHORT)}}");
    const open = card.actions.find((a: { title: string }) => a.title === "Open session");
    expect(open.url).toContain(
      encodeURIComponent(`session:${server.demoCommunityId}:${sessionId}`).slice(0, 20),
    );
    // A session that does not exist (or cannot be seen) unfurls to nothing.
    const missing = await invoke("composeExtension/queryLink", {
      url: `${server.config.publicUrl}/tab/calendar/${server.demoCommunityId}/no-such-session`,
    });
    expect(missing.body.composeExtension.attachments).toHaveLength(0);
  });

  it("counts 100 concurrent helpful votes exactly, one per person, idempotently", async () => {
    const entryId = messageEntryId(CHANNEL_CONVERSATION, (fixtures[1] as MessageFixture).messagePayload.id);
    const route = `/communities/${server.demoCommunityId}/entries/${entryId}/vote`;
    const voters = org.users.slice(100, 200);
    const tokens = await Promise.all(voters.map((v) => tokenFor(server.baseUrl, v.id)));
    const vote = (token: string) =>
      fetch(`${server.baseUrl}/api${route}`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}` },
      });
    const results = await Promise.all([...tokens, ...tokens.slice(0, 20)].map(vote));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const entry = await api(
      steward?.id ?? "",
      "GET",
      `/communities/${server.demoCommunityId}/entries/${entryId}`,
    );
    expect(entry.body.helpfulCount).toBe(100);
    const withdrawn = await api(voters[0]?.id ?? "", "DELETE", route);
    expect(withdrawn.body.helpfulCount).toBe(99);
    expect(withdrawn.body.hasVoted).toBe(false);
  });

  it("lets the tab write, edit with ETags, verify, keep history and delete", async () => {
    const base = `/communities/${server.demoCommunityId}/entries`;
    const created = await api(member?.id ?? "", "POST", base, {
      type: "howto",
      title: "Rotate storage keys without downtime",
      body: "Add the second key first. [x](javascript:alert(1)) <script>alert(1)</script>",
      tags: ["Security"],
    });
    expect(created.status).toBe(201);
    expect(created.body.body).not.toMatch(/javascript:|<script/);
    const id = created.body.id as string;

    const bad = await api(member?.id ?? "", "POST", base, { type: "nonsense", title: "", body: "" });
    expect(bad.status).toBe(400);

    const edit = await fetch(`${server.baseUrl}/api${base}/${id}`, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, member?.id ?? "")}`,
        "content-type": "application/json",
        "if-match": created.body.etag,
      },
      body: JSON.stringify({ title: "Rotate storage account keys without downtime" }),
    });
    expect(edit.status).toBe(200);
    const stale = await fetch(`${server.baseUrl}/api${base}/${id}`, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, member?.id ?? "")}`,
        "content-type": "application/json",
        "if-match": created.body.etag,
      },
      body: JSON.stringify({ title: "A lost update" }),
    });
    expect(stale.status).toBe(412);

    const sibling = await api(member?.id ?? "", "POST", base, {
      type: "lesson",
      title: "Storage keys expire quietly",
      body: "Set a reminder before the keys expire.",
      tags: ["security"],
    });
    const related = await api(member?.id ?? "", "GET", `${base}/${id}/related`);
    expect(related.body.items.map((i: { id: string }) => i.id)).toContain(sibling.body.id);
    expect(related.body.items.map((i: { id: string }) => i.id)).not.toContain(id);

    const history = await api(member?.id ?? "", "GET", `${base}/${id}/history`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].title).toBe("Rotate storage keys without downtime");

    expect(
      (await api(member?.id ?? "", "PUT", `${base}/${id}/verification`, { reviewBy: "2020-01-01" })).status,
    ).toBe(403);
    const verified = await api(steward?.id ?? "", "PUT", `${base}/${id}/verification`, {
      reviewBy: "2020-01-01",
    });
    expect(verified.body.verification.by.id).toBe(steward?.id);
    expect(verified.body.stale).toBe(true);

    const searched = await api(outsider.id, "GET", `${base}?q=rotate&verified=true`);
    expect(searched.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(searched.body.items[0].stale).toBe(true);

    expect((await api(outsider.id, "DELETE", `${base}/${id}`)).status).toBe(403);
    expect((await api(member?.id ?? "", "DELETE", `${base}/${id}`)).status).toBe(204);
    expect((await api(member?.id ?? "", "GET", `${base}/${id}`)).status).toBe(404);
    const after = await api(outsider.id, "GET", `${base}?q=rotate`);
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it("keeps private communities' entries to members", async () => {
    const created = await api(steward?.id ?? "", "POST", "/communities", {
      name: "Private circle",
      purpose: "Members only",
      privacy: "private",
    });
    const base = `/communities/${created.body.id}/entries`;
    const entry = await api(steward?.id ?? "", "POST", base, {
      type: "insight",
      title: "Secret sauce",
      body: "Only for members",
    });
    expect(entry.status).toBe(201);
    // Someone of the organisation learns the community is private (to ask to join), nothing of its content.
    const read = await api(outsider.id, "GET", `${base}/${entry.body.id}`);
    expect(read.status).toBe(403);
    expect(JSON.stringify(read.body)).not.toContain("Secret sauce");
    expect((await api(outsider.id, "GET", `${base}?q=secret`)).status).toBe(403);
    const mine = await api(outsider.id, "GET", "/entries/search?q=secret");
    expect(mine.body.items).toHaveLength(0);
  });
});

describe("two server instances on one storage account", () => {
  it("finds through one what was saved through the other, within a second", async () => {
    const tablePrefix = uniqueTablePrefix();
    const a = await startTestServer({ demo: true, env: { TABLE_PREFIX: tablePrefix } });
    const b = await startTestServer({ demo: true, env: { TABLE_PREFIX: tablePrefix } });
    try {
      const [writer, reader] = demoPeople(org);
      const search = async () => {
        const res = await fetch(`${b.baseUrl}/api/communities/${b.demoCommunityId}/entries?q=kanban`, {
          headers: { authorization: `Bearer ${await tokenFor(b.baseUrl, reader?.id ?? "")}` },
        });
        return ((await res.json()) as { items: { title: string }[] }).items;
      };
      expect(await search()).toHaveLength(0); // b builds its index now, before the write
      const created = await fetch(`${a.baseUrl}/api/communities/${a.demoCommunityId}/entries`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${await tokenFor(a.baseUrl, writer?.id ?? "")}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          type: "lesson",
          title: "Kanban limits saved our quarter",
          body: "WIP limits of three.",
        }),
      });
      expect(created.status).toBe(201);
      const deadline = Date.now() + 1_000;
      let items = await search();
      while (items.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        items = await search();
      }
      expect(items.map((i) => i.title)).toEqual(["Kanban limits saved our quarter"]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
