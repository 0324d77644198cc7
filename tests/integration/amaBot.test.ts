import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { actionsOf, type Card, MeetingChat, valuesOf } from "../support/meetingChat.js";
import { eventually } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";
import { installInDemoTeam } from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

/**
 * An AMA with the on-call expert run from the meeting chat over the Bot Framework protocol, with 8
 * people: the command, the set-up dialog, Join, questions from 8 people through the dialog (a
 * retried invoke kept once), the expert's answers through the same button, and the close: the
 * summary counts the answered, the answered question is an answered Q&A entry crediting the
 * expert and the others are the community's open questions.
 */
const MEETING_CHAT = "19:meeting_YW1hQm90VGVzdA@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX1lXMWhRbTkwVkdWemRB";

type Person = { id: string; displayName: string };

describe("AMA with the on-call expert from the meeting chat, over the Bot Framework protocol: 8 people", () => {
  let server: TestServer;
  const connector = new ConnectorRecorder();
  const facilitator = demoPeople(org)[0] as Person;
  const people = org.users.filter((u) => u.department && u.id !== facilitator.id).slice(0, 8) as Person[];
  const chat = new MeetingChat(() => server.baseUrl, connector, MEETING_CHAT, MEETING_ID, "ama");
  const execute = chat.execute.bind(chat);
  const fetchDialog = chat.fetchDialog.bind(chat);
  const submitDialog = chat.submitDialog.bind(chat);
  const headed = (text: string) => chat.headed(text);

  async function api(userId: string, route: string) {
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      headers: { authorization: `Bearer ${await tokenFor(server.baseUrl, userId)}` },
    });
    return { status: res.status, body: await res.json() };
  }

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({ demo: true });
    await installInDemoTeam(server.baseUrl, connector, DEMO_TEAM);
  });
  afterAll(async () => {
    await server?.close();
    await connector.stop();
  });

  it("collects questions, has the expert answer them and closes with Q&A entries, all from the chat", async () => {
    await chat.say("ama Ask our data platform's expert", facilitator);
    const invitation = await eventually(
      () => headed("AMA with the on-call expert")[0],
      "the set-up invitation",
    );
    const setUp = actionsOf(invitation)[0];
    expect(setUp.data).toMatchObject({ format: "ama" });
    const form = (await fetchDialog(setUp.data.verb, setUp.data, facilitator)).body.task.value.card.content;
    expect(valuesOf(form)).toMatchObject({ format: "ama", "ama-ask": 40, "ama-wrap-up": 5 });
    const start = actionsOf(form).find((a: Card) => a.title === "Start");
    // The expert picked in Teams' people picker (its value is the person's Entra id).
    const picked = people[0] as Person;
    await submitDialog(
      start.data.verb,
      { ...valuesOf(form), ...start.data, "holder-expert": picked.id },
      facilitator,
      "ama-setup",
    );
    const first = await eventually(
      () => headed("AMA with the on-call expert · Ask the expert")[0],
      "the first card",
    );
    const activityId = actionsOf(first).find((a: Card) => a.data?.activityId).data.activityId as string;
    for (const p of people) {
      const joined = await execute("tps.join", { activityId }, p);
      expect(JSON.stringify(joined.body.value)).toContain("You have joined");
    }
    const view = (await api(facilitator.id, `/activities/${activityId}`)).body.activity;
    expect(view.roleHolders.expert).toEqual({ id: picked.id, displayName: picked.displayName });
    const expert = picked;
    const askers = people.filter((p) => p.id !== expert.id);
    await execute("tps.control", { activityId, kind: "start" }, facilitator, "ama-start");

    const askButton = actionsOf(
      (await execute("tps.refresh", { activityId }, askers[0] as Person)).body.value,
    ).find((a: Card) => a.data?.kind === "ama-question");
    expect(askButton).toBeDefined();
    for (const [i, p] of askers.entries())
      for (const _ of [1, 2])
        await submitDialog(
          "activity.saveWriting",
          { activityId, kind: "ama-question", text: `Question ${i + 1}: how do we handle case ${i + 1}?` },
          p,
          `ama-q${i}`,
        );
    const listed = (await api(expert.id, `/activities/${activityId}`)).body.activity.submissions.filter(
      (s: { kind: string }) => s.kind === "ama-question",
    ) as { ownerId: string; itemId: string; text: string }[];
    expect(listed).toHaveLength(askers.length);

    const answering = await fetchDialog(askButton.data.verb, askButton.data, expert);
    expect(answering.body.task.value.title).toBe("Answer the questions");
    const answerForm = answering.body.task.value.card.content;
    const choice = answerForm.body.find((e: Card) => e.type === "Input.ChoiceSet");
    const send = actionsOf(answerForm)[0];
    const refused = await submitDialog(
      send.data.verb,
      { ...send.data, item: choice.value, text: "Me?" },
      askers[1] as Person,
    );
    expect(JSON.stringify(refused.body)).toContain(
      `Only the expert, ${expert.displayName}, answers the questions.`,
    );
    await submitDialog(
      send.data.verb,
      { ...send.data, item: choice.value, text: "We backfill into a shadow table first." },
      expert,
      "ama-answer-1",
    );
    await submitDialog("tps.controlDialog", { activityId, kind: "end" }, facilitator, "ama-end");
    const summary = await eventually(() => headed("AMA with the on-call expert summary")[0], "the summary");
    expect(summary.body.find((e: Card) => e.type === "FactSet").facts).toEqual([
      { title: "Took part", value: String(people.length) },
      { title: "Questions", value: String(askers.length) },
      { title: "Answered", value: "1" },
    ]);
    const [ownerId, itemId] = String(choice.value).split("|");
    const answered = await eventually(async () => {
      const res = await api(
        askers[2]?.id as string,
        `/communities/${server.demoCommunityId}/entries/ama-${activityId}-ama-question-${itemId}`,
      );
      return res.status === 200 && res.body.answered ? res.body : undefined;
    }, "the answered question");
    expect(answered.author.id).toBe(ownerId);
    const answers = await api(
      askers[2]?.id as string,
      `/communities/${server.demoCommunityId}/entries/${answered.id}/answers`,
    );
    expect(answers.body.items.map((a: { author: Person }) => a.author.id)).toEqual([expert.id]);
    const open = listed.filter((q) => q.itemId !== itemId);
    for (const q of open) {
      const entry = await eventually(async () => {
        const res = await api(
          facilitator.id,
          `/communities/${server.demoCommunityId}/entries/ama-${activityId}-ama-question-${q.itemId}`,
        );
        return res.status === 200 ? res.body : undefined;
      }, "an open question");
      expect(entry.answered).not.toBe(true);
    }
  });
});
