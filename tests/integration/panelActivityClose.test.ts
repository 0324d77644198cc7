import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesActivityRepository } from "../../src/storage/tablesActivityRepository.js";
import { TablesEntryRepository } from "../../src/storage/tablesEntryRepository.js";
import { ConnectorRecorder, type RecordedActivity } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import { botInstalledActivity, installInDemoTeam, postActivity } from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor, uniqueTablePrefix } from "../support/testServer.js";

/**
 * A think-pair-share set up and run from the meeting side panel (the tab API) closes from its
 * stored state alone: the instance that ran it stops between the end and the close (it never
 * polls), and of the two instances started after it exactly one posts the summary, saves the
 * shared insights and records the pair conversations.
 */
const MEETING_CHAT = "19:meeting_cGFuZWxDbG9zZVRlc3Q@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX2NHRnVaV3hEYkc5elpWUmxjM1FAdGhyZWFkLnYyIzA=";

type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: card JSON is loosely shaped
type Card = any;

function cardOf(activity: RecordedActivity): Card {
  return activity.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;
}

async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const until = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a side-panel think-pair-share closes from its stored state", () => {
  const connector = new ConnectorRecorder();
  const tablePrefix = uniqueTablePrefix();
  const [facilitator, ...members] = demoPeople(org).slice(0, 6) as unknown as Person[];
  const people = members as Person[];
  let runner: TestServer;
  let after: TestServer[] = [];
  let closedRunner = false;

  async function api(server: TestServer, user: Person, method: string, route: string, body?: unknown) {
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, user.id)}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers.
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any };
  }

  const summaries = () =>
    connector.activities.filter((a) =>
      String(cardOf(a)?.body?.[0]?.text ?? "").startsWith("Think-pair-share summary"),
    );

  beforeAll(async () => {
    await connector.start();
    // The instance the panel talks to never polls on its own: only its requests act.
    runner = await startTestServer({
      demo: true,
      env: { TABLE_PREFIX: tablePrefix, ACTIVITY_POLL_MS: "3600000" },
    });
    // The bot knows the community's channel (installed in its team) and the meeting chat.
    await installInDemoTeam(runner.baseUrl, connector, DEMO_TEAM);
    const inMeeting = botInstalledActivity({
      serviceUrl: connector.serviceUrl,
      conversationType: "groupChat",
      conversationId: MEETING_CHAT,
    });
    Object.assign(inMeeting.channelData, { meeting: { id: MEETING_ID } });
    await postActivity(runner.baseUrl, inMeeting);
    await connector.waitFor(1);
    connector.clear();
  });
  afterAll(async () => {
    await Promise.all([closedRunner ? undefined : runner?.close(), ...after.map((s) => s.close())]);
    await connector.stop();
  });

  it("is run from the panel API, ended, and closed exactly once by the instances started after", async () => {
    const created = await api(runner, facilitator as Person, "POST", "/activities", {
      communityId: runner.demoCommunityId,
      conversationId: MEETING_CHAT,
      meetingId: MEETING_ID,
      prompt: "What made our last handover smooth?",
      minutes: { think: 2, pair: 5, share: 5 },
      pairingRule: "cross-department",
      requestId: "panel-setup-1",
    });
    expect(created.status).toBe(201);
    const id: string = created.body.activity.id;
    const control = (kind: string, extra: Record<string, unknown> = {}) =>
      api(runner, facilitator as Person, "POST", `/activities/${id}/controls`, {
        kind,
        requestId: `${kind}-${extra.phaseIndex ?? ""}`,
        ...extra,
      });
    expect((await control("start")).status).toBe(200);
    for (const p of people) {
      const res = await api(runner, p, "PUT", `/activities/${id}/reflection`, {
        text: `A private thought of ${p.displayName}`,
      });
      expect(res.status).toBe(200);
    }
    expect((await control("next", { phaseIndex: 0 })).status).toBe(200);
    // Five people: a pair and a trio. One member of each group shares the group's insight.
    const view = await api(runner, facilitator as Person, "GET", `/activities/${id}`);
    const groups: { id: string; members: Person[] }[] = view.body.activity.groups;
    expect(groups.map((g) => g.members.length).sort()).toEqual([2, 3]);
    for (const group of groups) {
      const writer = group.members[0] as Person;
      const res = await api(runner, writer, "PUT", `/activities/${id}/share`, {
        text: `Group ${group.members.map((m) => m.displayName).join(" & ")}: write the handover down first`,
      });
      expect(res.status).toBe(200);
    }
    expect((await control("end")).status).toBe(200);

    // The instance that ran it goes away before anything closed it: nothing was posted yet.
    await new Promise((r) => setTimeout(r, 300));
    expect(summaries()).toHaveLength(0);
    await runner.close();
    closedRunner = true;

    // Two instances come up on the same storage; one of them closes it, once.
    after = await Promise.all(
      [1, 2].map(() =>
        startTestServer({ demo: true, env: { TABLE_PREFIX: tablePrefix, ACTIVITY_POLL_MS: "100" } }),
      ),
    );
    await eventually(() => summaries().length >= 2 || undefined, "the summary in the chat and the channel");
    // Several more passes of both pollers: nothing more goes out.
    await new Promise((r) => setTimeout(r, 1_000));
    const sent = summaries();
    expect(sent.map((a) => a.conversationId).sort()).toEqual([DEMO_TEAM.channelId, MEETING_CHAT].sort());
    const text = JSON.stringify(cardOf(sent[0] as RecordedActivity));
    expect(text).toContain("What made our last handover smooth?");
    expect(text).toContain("write the handover down first");

    const [one] = after as [TestServer];
    // Each shared insight is in the library once, linked to the meeting.
    for (const group of groups) {
      const entry = await api(
        one,
        people[0] as Person,
        "GET",
        `/communities/${one.demoCommunityId}/entries/tps-${id}-${group.id}`,
      );
      expect(entry.status).toBe(200);
      expect(entry.body.source).toMatchObject({ kind: "meeting", meetingId: MEETING_ID, activityId: id });
    }
    const store = await TableStore.connect({
      connectionString: one.config.storage.connectionString,
      tablePrefix,
    });
    const entries = new TablesEntryRepository(store);
    const saved = (
      await entries.listInteractions(org.tenantId.toLowerCase(), one.demoCommunityId, "")
    ).filter((i) => i.kind === "paired");
    // Every member with every other member of their group, once each way: 2 + 6.
    const expected = groups.flatMap((g) =>
      g.members.flatMap((from) =>
        g.members.filter((to) => to.id !== from.id).map((to) => `${from.id}>${to.id}`),
      ),
    );
    expect(saved.map((i) => `${i.from.id}>${i.to.id}`).sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(8);
    // Closed: it left the open list, so no instance keeps polling it.
    const open = await new TablesActivityRepository(store).openActivities();
    expect(open.map((o) => o.activityId)).not.toContain(id);
  });
});
