import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesMeetingRepository } from "../../src/storage/tablesMeetingRepository.js";
import { ConnectorRecorder, type RecordedActivity } from "../support/connectorRecorder.js";
import { org, person } from "../support/orgFixture.js";
import {
  FIXTURE_TENANT_ID,
  invokeActivity,
  messageActivity,
  postActivity,
  postInvoke,
  teamsUser,
} from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

const MEETING_CHAT = "19:meeting_b3V0Y29tZXMtbWVldGluZw@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX2IzVjBZMjl0WlhNdGJXVmxkR2x1Wnc=";

type Person = { id: string; displayName: string };
// biome-ignore lint/suspicious/noExplicitAny: card JSON is loosely shaped
type Card = any;

function cardOf(activity: RecordedActivity | undefined): Card {
  return activity?.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;
}

async function eventually<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("meeting outcomes: capture from the chat, start and end events", () => {
  let server: TestServer;
  const connector = new ConnectorRecorder();
  const [steward, member] = demoPeople(org) as unknown as [Person, Person];
  const owner = person(30) as Person;
  let sequence = 0;

  const inMeeting = <T extends { channelData: Record<string, unknown> }>(activity: T) => {
    activity.channelData.meeting = { id: MEETING_ID };
    return activity;
  };
  const options = (as: Person) => ({
    serviceUrl: connector.serviceUrl,
    conversationType: "groupChat" as const,
    conversationId: MEETING_CHAT,
    from: teamsUser(as),
  });
  const invoke = (name: string, value: unknown, as: Person, activityId = `invoke-${sequence++}`) =>
    postInvoke(server.baseUrl, inMeeting(invokeActivity(name, value, { ...options(as), activityId })));
  const meetingEvent = (name: string, value: Record<string, unknown>, id = `event-${sequence++}`) => ({
    ...inMeeting({
      ...messageActivity("", options(steward)),
      type: "event",
      id,
      name,
      value,
      channelData: { tenant: { id: FIXTURE_TENANT_ID } } as Record<string, unknown>,
    }),
    text: undefined,
  });
  const headed = (prefix: string) =>
    connector.activities.map(cardOf).filter((c) => String(c?.body?.[0]?.text ?? "").startsWith(prefix));

  async function capture(as: Person, data: Record<string, unknown>, activityId?: string) {
    return invoke("task/submit", { data: { verb: "outcome.save", ...data } }, as, activityId);
  }

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
  });
  afterAll(async () => {
    await server?.close();
    await connector.stop();
  });

  it("posts a how-to when the meeting starts", async () => {
    const res = await postActivity(
      server.baseUrl,
      meetingEvent("application/vnd.microsoft.meetingStart", {
        Id: MEETING_ID,
        Title: "Data weekly",
        MeetingType: "Scheduled",
        StartTime: "2026-11-21T10:00:00Z",
      }),
    );
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    expect(cardOf(connector.activities[0]).body[0].text).toBe("Data weekly has started");
  });

  it("captures decisions, action items and insights through the command and the dialog, idempotently", async () => {
    connector.clear();
    await postActivity(
      server.baseUrl,
      inMeeting(messageActivity("decision We ship on Friday", options(member))),
    );
    await connector.waitFor(1);
    const invitation = cardOf(connector.activities[0]);
    expect(invitation.actions[0].data).toMatchObject({
      msteams: { type: "task/fetch" },
      verb: "outcome.capture",
      kind: "decision",
      text: "We ship on Friday",
    });
    const dialog = await invoke("task/fetch", { data: invitation.actions[0].data }, member);
    const form = dialog.body.task.value.card.content;
    // A decision asks for no owner or due date.
    expect(form.body[0].text).toBe("Capture a decision");
    expect(form.body.filter((e: Card) => e.id).map((e: Card) => e.id)).toEqual(["text", "communityId"]);
    const community = form.body.find((e: Card) => e.id === "communityId").value;
    expect(community).toBe(server.demoCommunityId);
    const libraries = form.body.find((e: Card) => e.id === "communityId").choices;
    expect(libraries.at(-1)).toEqual({ title: "Don't save to a library", value: "none" });

    // An action item: its owner is picked from the meeting's people (static choices every client
    // shows), the person capturing first.
    connector.setMembers(MEETING_CHAT, [
      { id: `29:${owner.id}`, aadObjectId: owner.id, name: owner.displayName },
      { id: `29:${member.id}`, aadObjectId: member.id, name: member.displayName },
    ]);
    const actionDialog = await invoke(
      "task/fetch",
      { data: { verb: "outcome.capture", kind: "action" } },
      member,
    );
    const actionForm = actionDialog.body.task.value.card.content;
    expect(actionForm.body[0].text).toBe("Capture an action item");
    expect(actionForm.body.filter((e: Card) => e.id).map((e: Card) => e.id)).toEqual([
      "text",
      "ownerId",
      "due",
      "communityId",
    ]);
    const picker = actionForm.body.find((e: Card) => e.id === "ownerId");
    expect(picker["choices.data"]).toBeUndefined();
    expect(picker.choices).toEqual([
      { title: member.displayName, value: member.id },
      { title: owner.displayName, value: owner.id },
    ]);

    const decision = await capture(
      member,
      { kind: "decision", text: "We ship on Friday", communityId: community },
      "c-1",
    );
    expect(decision.body.task.value).toMatch(/^Captured/);
    // Teams retries the same invoke: still one outcome.
    await capture(member, { kind: "decision", text: "We ship on Friday", communityId: community }, "c-1");

    const noOwner = await capture(member, { kind: "action", text: "Write the release notes" });
    expect(noOwner.body.task.type).toBe("continue");
    expect(JSON.stringify(noOwner.body)).toContain("An action item needs an owner");
    expect(JSON.stringify(noOwner.body)).toContain("Write the release notes");

    const action = await capture(steward, {
      kind: "action",
      text: "Write the release notes",
      ownerId: owner.id,
      due: "2026-12-01",
      communityId: community,
    });
    expect(action.body.task.value).toBe(
      `Captured for ${owner.displayName}. It goes into the outcomes card when the meeting ends.`,
    );
    await capture(member, {
      kind: "insight",
      text: "Smaller releases get reviewed faster",
      communityId: "none",
    });
  });

  it("on the meeting end posts one outcomes card, saves outcomes to the library, action items to owners", async () => {
    connector.clear();
    const end = meetingEvent(
      "application/vnd.microsoft.meetingEnd",
      { Id: MEETING_ID, Title: "Data weekly", MeetingType: "Scheduled", EndTime: "2026-11-21T11:00:00Z" },
      "end-1",
    );
    expect((await postActivity(server.baseUrl, end)).status).toBe(200);
    // Delivered again (Teams may): no second card.
    await postActivity(server.baseUrl, { ...end, id: "end-2" });
    const card = await eventually(() => headed("Outcomes of Data weekly")[0], "the outcomes card");
    const text = JSON.stringify(card);
    expect(text).toContain("We ship on Friday");
    expect(text).toContain("Write the release notes");
    expect(text).toContain(`<at>${owner.displayName}</at>`);
    // A due date is a day, written out the same in every time zone.
    expect(text).toContain("due Tue, 1 Dec 2026");
    expect(text).toContain("Smaller releases get reviewed faster");
    expect(card.msteams.entities).toEqual([
      {
        type: "mention",
        text: `<at>${owner.displayName}</at>`,
        mentioned: { id: owner.id, name: owner.displayName },
      },
    ]);
    expect(text.match(/We ship on Friday/g)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(headed("Outcomes of Data weekly")).toHaveLength(1);

    // In the library: the decision and the action item (the insight was not to be saved).
    const token = await tokenFor(server.baseUrl, member.id);
    const res = await fetch(
      `${server.baseUrl}/api/communities/${server.demoCommunityId}/entries?tags=meeting-outcome&pageSize=50`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const page = (await res.json()) as { items: { title: string; type: string; id: string }[] };
    const titles = page.items.map((i) => i.title).sort();
    expect(titles).toEqual(["Action item: Write the release notes", "Decision: We ship on Friday"]);
    const decision = page.items.find((i) => i.title.startsWith("Decision"));
    const entry = await fetch(
      `${server.baseUrl}/api/communities/${server.demoCommunityId}/entries/${decision?.id}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(((await entry.json()) as { source: unknown }).source).toEqual({
      kind: "meeting",
      conversationId: MEETING_CHAT,
      meetingId: MEETING_ID,
    });

    // The owner's action items (what My learning lists).
    const store = await TableStore.connect(server.config.storage);
    const items = await new TablesMeetingRepository(store).actionItemsOf(FIXTURE_TENANT_ID, owner.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      text: "Write the release notes",
      due: "2026-12-01",
      meetingId: MEETING_ID,
    });
  });

  it("lists an owner's action items in their My learning, soonest due first, and nobody else's", async () => {
    const learningOf = async (who: Person) => {
      const token = await tokenFor(server.baseUrl, who.id);
      const res = await fetch(`${server.baseUrl}/api/me/learning`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { actionItems: Record<string, unknown>[] };
    };
    await capture(member, { kind: "action", text: "Share the slides", ownerId: owner.id });
    await capture(member, {
      kind: "action",
      text: "Book the retro room",
      ownerId: owner.id,
      due: "2026-11-28",
    });

    const mine = await learningOf(owner);
    expect(mine.actionItems.map((item) => item.text)).toEqual([
      "Book the retro room",
      "Write the release notes",
      "Share the slides",
    ]);
    expect(mine.actionItems[1]).toMatchObject({
      due: "2026-12-01",
      meetingId: MEETING_ID,
      communityName: "Data Community",
      capturedBy: { id: steward.id },
    });
    expect(mine.actionItems[0]).not.toHaveProperty("communityName");
    expect((await learningOf(steward)).actionItems).toEqual([]);
    expect((await learningOf(member)).actionItems).toEqual([]);
  });
});
