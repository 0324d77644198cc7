import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder, type RecordedActivity } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import {
  botInstalledActivity,
  FIXTURE_TENANT_ID,
  invokeActivity,
  messageActivity,
  postActivity,
  postInvoke,
  teamsUser,
} from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor, uniqueTablePrefix } from "../support/testServer.js";

type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: card JSON is loosely shaped
type Card = any;

/** The private meeting chat the think-pair-share ran in. */
const FIRST_CHAT = "19:meeting_Zmlyc3Qtc2Vzc2lvbg@thread.v2";
/** The next session's private meeting chat: only the calendar session's join link names it. */
const NEXT_CHAT = "19:meeting_bmV4dC1zZXNzaW9u@thread.v2";
const NEXT_JOIN_URL = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(NEXT_CHAT)}/0?context=%7b%22Tid%22%3a%22${FIXTURE_TENANT_ID}%22%7d`;

function cardOf(activity: RecordedActivity | undefined): Card {
  return activity?.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;
}

async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("commitment check-ins over the Bot Framework protocol (two instances, one storage account)", () => {
  const connector = new ConnectorRecorder();
  let a: TestServer;
  let b: TestServer;
  const people = demoPeople(org).slice(0, 5) as unknown as Person[];
  const [facilitator, ada, ben, cem, dina] = people as [Person, Person, Person, Person, Person];
  let communityId = "";
  let sequence = 0;

  async function api(
    server: TestServer,
    who: Person,
    method: string,
    route: string,
    body?: unknown,
    ifMatch?: string,
  ) {
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, who.id)}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(ifMatch ? { "if-match": ifMatch } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  const inChat = (conversationId: string, as: Person) => ({
    serviceUrl: connector.serviceUrl,
    conversationType: "groupChat" as const,
    conversationId,
    from: teamsUser(as),
  });
  const invoke = (server: TestServer, chat: string, name: string, value: unknown, as: Person) =>
    postInvoke(
      server.baseUrl,
      invokeActivity(name, value, { ...inChat(chat, as), activityId: `invoke-${sequence++}` }),
    );
  const meetingStart = (
    chat: string,
    meetingId: string,
    startTime: string,
    extra: Record<string, unknown> = {},
  ) => ({
    ...messageActivity("", inChat(chat, facilitator)),
    type: "event",
    name: "application/vnd.microsoft.meetingStart",
    value: { Id: meetingId, Title: "Data weekly", MeetingType: "Scheduled", StartTime: startTime, ...extra },
    channelData: { tenant: { id: FIXTURE_TENANT_ID }, meeting: { id: meetingId } },
    text: undefined,
  });
  const checkInCards = (chat: string) =>
    connector.activities
      .filter((x) => x.conversationId === chat)
      .map(cardOf)
      .filter((c) => String(c?.body?.[0]?.text ?? "").startsWith("Check-in"));

  beforeAll(async () => {
    await connector.start();
    const TABLE_PREFIX = uniqueTablePrefix();
    [a, b] = await Promise.all([
      startTestServer({ demo: true, env: { TABLE_PREFIX } }),
      startTestServer({ demo: true, env: { TABLE_PREFIX } }),
    ]);
    communityId = a.demoCommunityId;
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await connector.stop();
  });

  it("runs a think-pair-share in a private meeting where people commit through the bot's dialog", async () => {
    const created = await api(a, facilitator, "POST", "/activities", {
      communityId,
      conversationId: FIRST_CHAT,
      prompt: "What will you try before next time?",
    });
    const id = created.activity?.id ?? created.id;
    for (const [i, p] of [ada, ben, cem, dina].entries())
      await api(i % 2 ? a : b, p, "POST", `/activities/${id}/join`);
    await api(a, facilitator, "POST", `/activities/${id}/controls`, { kind: "start" });
    await api(b, facilitator, "POST", `/activities/${id}/controls`, { kind: "next", phaseIndex: 0 });
    await api(a, ada, "GET", `/activities/${id}`); // the pair phase's first read forms the groups
    await api(b, facilitator, "POST", `/activities/${id}/controls`, { kind: "next", phaseIndex: 1 });
    await api(a, facilitator, "POST", `/activities/${id}/controls`, { kind: "next", phaseIndex: 2 });
    for (const [i, p] of [ada, ben, cem].entries()) {
      const saved = await invoke(
        i % 2 ? a : b,
        FIRST_CHAT,
        "task/submit",
        {
          data: {
            verb: "tps.saveCommitment",
            activityId: id,
            text: `Try a written agenda (${p.displayName})`,
          },
        },
        p,
      );
      expect(saved.body.task.value).toMatch(/commitment is saved/);
    }
    // Dina has already done hers by the next session: it is not checked in on.
    await invoke(
      a,
      FIRST_CHAT,
      "task/submit",
      { data: { verb: "tps.saveCommitment", activityId: id, text: "Pair on a review" } },
      dina,
    );
    // Handed to the commitments service right after the answer.
    let dinas = (await api(b, dina, "GET", "/me/commitments")).items[0];
    for (let tries = 0; !dinas && tries < 50; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      dinas = (await api(b, dina, "GET", "/me/commitments")).items[0];
    }
    expect(dinas.partners.length).toBeGreaterThan(0);
    await api(a, dina, "PATCH", `/me/commitments/${dinas.id}`, { status: "done" }, dinas.etag);
    await api(a, facilitator, "POST", `/activities/${id}/controls`, { kind: "end" });
  });

  it("posts the check-in card once at the next session in a private meeting, found by its calendar session", async () => {
    await api(a, facilitator, "POST", `/communities/${communityId}/sessions`, {
      title: "Data weekly, next round",
      format: "think-pair-share",
      startsAt: new Date(Date.now() + 60_000).toISOString(),
      durationMinutes: 45,
      joinUrl: NEXT_JOIN_URL,
    });
    connector.clear();
    // Teams delivers the start event; both instances receive it (a retry, or two deliveries).
    const start = meetingStart(NEXT_CHAT, "bmV4dC1tZWV0aW5n", new Date().toISOString());
    const answers = await Promise.all([postActivity(a.baseUrl, start), postActivity(b.baseUrl, start)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const [card] = await eventually(
      () => (checkInCards(NEXT_CHAT).length > 0 ? checkInCards(NEXT_CHAT) : undefined),
      "the check-in card",
    );
    // A third delivery, later, to the other instance: still one card.
    await postActivity(a.baseUrl, start);
    expect(checkInCards(NEXT_CHAT)).toHaveLength(1);

    const lines = card.body.slice(2).map((e: Card) => e.text);
    expect(lines).toHaveLength(3);
    for (const p of [ada, ben, cem])
      expect(lines.join("\n")).toContain(`Try a written agenda (${p.displayName})`);
    expect(lines.join("\n")).not.toContain("Pair on a review");
    expect(card.actions).toHaveLength(1);
    expect(card.actions[0]).toMatchObject({
      style: "positive",
      data: { msteams: { type: "task/fetch" }, verb: "commitment.update", communityId },
    });
  });

  it("lets each owner update their own from the check-in card's dialog, through the same rules", async () => {
    const button = checkInCards(NEXT_CHAT)[0].actions[0].data;
    const opened = await invoke(b, NEXT_CHAT, "task/fetch", { data: button }, ada);
    const form = opened.body.task.value.card.content;
    expect(JSON.stringify(form)).toContain(`Try a written agenda (${ada.displayName})`);
    expect(JSON.stringify(form)).not.toContain(ben.displayName);
    const save = form.actions[0].data;
    const saved = await invoke(
      a,
      NEXT_CHAT,
      "task/submit",
      { data: { ...save, status: "partly", note: "Did it twice" } },
      ada,
    );
    expect(saved.body.task.value).toBe("Saved: Partly. Thank you for following up.");
    const [mine] = (await api(a, ada, "GET", "/me/commitments")).items;
    expect(mine).toMatchObject({
      status: "partly",
      history: [{ status: "open" }, { status: "partly", note: "Did it twice" }],
    });
    // The same (now stale) dialog again: refused kindly, shown again with the latest version.
    const stale = await invoke(b, NEXT_CHAT, "task/submit", { data: { ...save, status: "done" } }, ada);
    expect(JSON.stringify(stale.body.task.value)).toMatch(/no open commitments|changed elsewhere/);
    // A bad status changes nothing.
    const benForm = (await invoke(a, NEXT_CHAT, "task/fetch", { data: button }, ben)).body.task.value.card
      .content;
    const bad = await invoke(
      b,
      NEXT_CHAT,
      "task/submit",
      { data: { ...benForm.actions[0].data, status: "finished" } },
      ben,
    );
    expect(JSON.stringify(bad.body.task.value)).toContain("Pick open, done, partly or dropped.");
    expect((await api(b, ben, "GET", "/me/commitments")).items[0].status).toBe("open");
    // Someone with no open commitment here is told so.
    const none = await invoke(a, NEXT_CHAT, "task/fetch", { data: button }, dina);
    expect(none.body.task.value).toMatch(/no open commitments here/);
  });

  it("finds a meeting's community from earlier activities in its chat when no session names it", async () => {
    connector.clear();
    const start = meetingStart(FIRST_CHAT, "Zmlyc3QtbWVldGluZw", new Date(Date.now() + 1_000).toISOString());
    await Promise.all([postActivity(b.baseUrl, start), postActivity(a.baseUrl, start)]);
    const [card] = await eventually(
      () => (checkInCards(FIRST_CHAT).length > 0 ? checkInCards(FIRST_CHAT) : undefined),
      "the check-in card",
    );
    expect(checkInCards(FIRST_CHAT)).toHaveLength(1);
    // Ada's is partly done now: only Ben's and Cem's are open.
    expect(card.body.slice(2)).toHaveLength(2);
  });

  it("sends the personal card on the due day, once across instances", async () => {
    // Cem installed the app for himself: the bot can reach him in his personal chat.
    const personalChat = `a:personal-${cem.id}`;
    await postActivity(
      a.baseUrl,
      botInstalledActivity({
        serviceUrl: connector.serviceUrl,
        conversationType: "personal",
        conversationId: personalChat,
        from: teamsUser(cem),
      }),
    );
    await eventually(
      () => (connector.activities.some((x) => x.conversationId === personalChat) ? true : undefined),
      "the welcome",
    );
    connector.clear();
    const [mine] = (await api(b, cem, "GET", "/me/commitments")).items;
    const today = new Date().toISOString().slice(0, 10);
    await api(b, cem, "PATCH", `/me/commitments/${mine.id}`, { status: "open", due: today }, mine.etag);

    const dueCards = () =>
      connector.activities
        .filter((x) => x.conversationId === personalChat)
        .map(cardOf)
        .filter((c) => c?.body?.[0]?.text === "Your commitment is due today");
    const [card] = await eventually(
      () => (dueCards().length > 0 ? dueCards() : undefined),
      "the due-day card",
    );
    expect(JSON.stringify(card)).toContain(`Try a written agenda (${cem.displayName})`);
    expect(card.actions).toEqual([
      expect.objectContaining({ title: "Update", data: expect.objectContaining({ commitmentId: mine.id }) }),
    ]);
    // Both instances poll every 2 s locally: after a few more passes of each, still one card.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(dueCards()).toHaveLength(1);

    // Its button opens the same dialog, for that commitment.
    const opened = await postInvoke(
      a.baseUrl,
      invokeActivity(
        "task/fetch",
        { data: card.actions[0].data },
        {
          serviceUrl: connector.serviceUrl,
          conversationType: "personal",
          conversationId: personalChat,
          from: teamsUser(cem),
        },
      ),
    );
    expect(JSON.stringify(opened.body.task.value.card.content)).toContain(
      `Try a written agenda (${cem.displayName})`,
    );
  });
});
