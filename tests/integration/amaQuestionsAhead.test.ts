import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { cardOf } from "../support/meetingChat.js";
import { MeetingInstances, type Person } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";
import { invokeActivity, postInvoke, teamsUser } from "../support/teamsActivities.js";
import type { TestServer } from "../support/testServer.js";

/**
 * An AMA's reminder card in the community's channel invites questions ahead through a dialog
 * (which works on mobile too): asked once however often Teams delivers the submit, and kept for
 * the session, where the activity starts with them.
 */
const MEETING_CHAT = "19:meeting_QW1hQWhlYWQ@thread.v2";

describe("an AMA's reminder invites questions ahead", () => {
  const [steward, member] = demoPeople(org) as unknown as [Person, Person];
  let meeting: MeetingInstances;

  beforeAll(async () => {
    meeting = await MeetingInstances.start(2, {
      chat: MEETING_CHAT,
      meetingId: "MCMxOTptZWV0aW5nX0FtYUFoZWFk",
    });
  });
  afterAll(async () => {
    await meeting?.close();
  });

  it("invites questions a day ahead and in the reminder, and the dialog's question is kept once", async () => {
    const sessions = `/communities/${meeting.communityId}/sessions`;
    expect(
      (
        await meeting.api(0, steward, "PUT", `${sessions}/reminder-settings`, {
          enabled: true,
          leadMinutes: 60,
        })
      ).status,
    ).toBe(200);
    const session = await meeting.api(1, steward, "POST", sessions, {
      title: "AMA: the data platform",
      format: "ama",
      startsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    });
    expect(session.status).toBe(201);
    const reminderCard = () =>
      meeting.connector.activities
        .filter((a) => a.conversationId === DEMO_TEAM.channelId)
        .map(cardOf)
        .find((c) => JSON.stringify(c ?? {}).includes("Coming up: AMA: the data platform"));
    await expect.poll(() => reminderCard() !== undefined, { timeout: 15_000 }).toBe(true);
    const card = reminderCard();
    const actions = card.actions as { title: string; data?: Record<string, unknown> }[];
    expect(actions.length).toBeLessThanOrEqual(3);
    expect(actions.find((a) => a.title === "Ask ahead")?.data).toMatchObject({
      communityId: meeting.communityId,
      sessionId: session.body.id,
    });

    // A day ahead (far beyond the reminder's lead time), the card that invites questions alone.
    const later = await meeting.api(0, steward, "POST", sessions, {
      title: "AMA: tomorrow's platform",
      format: "ama",
      startsAt: new Date(Date.now() + 20 * 60 * 60_000).toISOString(),
    });
    const channelCards = (text: string) =>
      meeting.connector.activities
        .filter((a) => a.conversationId === DEMO_TEAM.channelId)
        .map(cardOf)
        .filter((c) => JSON.stringify(c ?? {}).includes(text));
    await expect
      .poll(() => channelCards("Questions for: AMA: tomorrow's platform").length, { timeout: 15_000 })
      .toBe(1);
    // Several passes of both instances later: still one, and no reminder yet.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(channelCards("Questions for: AMA: tomorrow's platform")).toHaveLength(1);
    expect(channelCards("Coming up: AMA: tomorrow's platform")).toHaveLength(0);
    const invitation = channelCards("Questions for: AMA: tomorrow's platform")[0];
    const invitationActions = invitation.actions as {
      title: string;
      style?: string;
      data?: Record<string, unknown>;
    }[];
    expect(invitationActions.map((a) => [a.title, a.style])).toEqual([
      ["Ask ahead", "positive"],
      ["Open session", undefined],
    ]);
    const ask = invitationActions[0];
    expect(ask?.data).toMatchObject({ communityId: meeting.communityId, sessionId: later.body.id });

    const server = meeting.servers[0] as TestServer;
    const invoke = (name: string, value: unknown, id: string) =>
      postInvoke(
        server.baseUrl,
        invokeActivity(name, value, {
          serviceUrl: meeting.connector.serviceUrl,
          conversationType: "channel",
          conversationId: DEMO_TEAM.channelId,
          from: teamsUser(member),
          activityId: id,
        }),
      );
    const askData = (ask?.data ?? {}) as Record<string, unknown>;
    const { msteams: _m, ...target } = askData;
    const opened = await invoke("task/fetch", { data: askData }, "ahead-fetch");
    expect(opened.body.task.value.card.content.body.some((b: { id?: string }) => b.id === "question")).toBe(
      true,
    );
    const submit = (text: string, id: string) =>
      invoke("task/submit", { data: { ...target, verb: "session.askAhead", question: text } }, id);
    const tooShort = await submit("?", "ahead-0");
    expect(tooShort.body.task.type).toBe("continue");
    expect(JSON.stringify(tooShort.body.task.value.card)).toContain(
      "Write your question in a few words at least.",
    );
    for (const _ of [1, 2]) {
      const sent = await submit("Which tables are safe to backfill?", "ahead-1");
      expect(sent.body.task).toMatchObject({
        type: "message",
        value: "Thank you: your question is ready for the session.",
      });
    }
    const kept = await meeting.api(1, steward, "GET", `${sessions}/${later.body.id}/questions-ahead`);
    expect(kept.body.items.map((q: { text: string; asker: Person }) => [q.text, q.asker.id])).toEqual([
      ["Which tables are safe to backfill?", member.id],
    ]);
  });
});
