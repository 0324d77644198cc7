import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TEAM, demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { actionsOf, type Card, MeetingChat, valuesOf } from "../support/meetingChat.js";
import { eventually } from "../support/meetingInstances.js";
import { org } from "../support/orgFixture.js";
import { installInDemoTeam } from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

/**
 * A micro-teach run from the meeting chat over the Bot Framework protocol, with 9 people: the
 * command, the set-up dialog from the definition, Join, the teacher's notes (anyone else refused
 * kindly), questions through the dialog (a retried invoke kept once), the same button opening the
 * teacher's answer dialog (most voted first, the next unanswered one after each answer), what each
 * learned, and the close with its summary and the answered questions in the library.
 */
const MEETING_CHAT = "19:meeting_bWljcm9UZWFjaEJvdA@thread.v2";
const MEETING_ID = "MCMxOTptZWV0aW5nX2JXbGpjbTlVWldGamFFSnZkQSMw";

type Person = { id: string; displayName: string };

describe("Micro-teach from the meeting chat, over the Bot Framework protocol: 9 people", () => {
  let server: TestServer;
  const connector = new ConnectorRecorder();
  const facilitator = demoPeople(org)[0] as Person;
  const people = org.users.filter((u) => u.department && u.id !== facilitator.id).slice(0, 9) as Person[];
  const chat = new MeetingChat(() => server.baseUrl, connector, MEETING_CHAT, MEETING_ID, "mt");
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

  it("teaches, takes questions, answers them and closes with Q&A entries, all from the chat", async () => {
    await chat.say("micro-teach Regex lookarounds", facilitator);
    const invitation = await eventually(() => headed("Micro-teach")[0], "the set-up invitation");
    const setUp = actionsOf(invitation)[0];
    expect(setUp.data).toMatchObject({ format: "micro-teach" });
    // A topic in the community's queue: the dialog offers it, and its proposer teaches.
    const teacher = people[0] as Person;
    const proposed = await fetch(
      `${server.baseUrl}/api/communities/${server.demoCommunityId}/micro-teach-topics`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${await tokenFor(server.baseUrl, teacher.id)}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ text: "Regex lookarounds in five minutes", requestId: "bot-topic" }),
      },
    );
    const topicId = (await proposed.json()).topics[0].id as string;
    const form = (await fetchDialog(setUp.data.verb, setUp.data, facilitator)).body.task.value.card.content;
    expect(valuesOf(form)).toMatchObject({
      format: "micro-teach",
      teach: 4,
      "teach-ask": 2,
      "teach-answer": 3,
    });
    const topics = form.body.find((e: Card) => e.id === "topicId");
    expect(topics.choices).toEqual([
      { title: `Regex lookarounds in five minutes · ${teacher.displayName}`, value: topicId },
    ]);
    // The chat's people to pick the teacher from (left empty here: the topic's proposer teaches).
    expect(
      form.body.find((e: Card) => e.id === "holder-teacher").choices.map((c: Card) => c.value),
    ).toContain(facilitator.id);
    const start = actionsOf(form).find((a: Card) => a.title === "Start");
    await submitDialog(
      start.data.verb,
      { ...valuesOf(form), ...start.data, topicId },
      facilitator,
      "mt-setup",
    );
    const first = await eventually(() => headed("Micro-teach · Teach")[0], "the teach card");
    const activityId = actionsOf(first).find((a: Card) => a.data?.activityId).data.activityId as string;
    for (const p of people) {
      const joined = await execute("tps.join", { activityId }, p);
      expect(JSON.stringify(joined.body.value)).toContain("You have joined");
    }
    const view = (await api(facilitator.id, `/activities/${activityId}`)).body.activity;
    expect(view.roleHolders.teacher.id).toBe(teacher.id);
    const [asker, second, ...others] = people.filter((p) => p.id !== teacher.id) as [
      Person,
      Person,
      ...Person[],
    ];

    await execute("tps.control", { activityId, kind: "start" }, facilitator, "mt-start");
    // The notes' button is on the teacher's own card alone.
    const notesButton = async (p: Person) =>
      actionsOf((await execute("tps.refresh", { activityId }, p)).body.value).some(
        (a: Card) => a.data?.kind === "teaching-notes",
      );
    expect(await notesButton(teacher)).toBe(true);
    expect(await notesButton(asker)).toBe(false);
    const refused = await submitDialog(
      "activity.saveWriting",
      { activityId, kind: "teaching-notes", text: "not mine to write" },
      asker,
    );
    expect(JSON.stringify(refused.body)).toContain("Only the teacher writes the teaching notes.");
    const notes = await submitDialog(
      "activity.saveWriting",
      { activityId, kind: "teaching-notes", text: "(?=…) looks ahead; (?<=…) looks behind." },
      teacher,
    );
    expect(notes.body.task.value).toMatch(/saved/i);

    // Questions: through the kind's dialog, a retried invoke kept once; votes through the API.
    await execute("tps.control", { activityId, kind: "next", phaseIndex: 0 }, facilitator, "mt-next-0");
    const asking = await eventually(() => headed("Micro-teach · Questions")[0], "the questions card");
    const askButton = actionsOf(asking).find((a: Card) => a.data?.kind === "teach-question");
    expect(askButton).toBeDefined();
    const dialogForAsker = await fetchDialog(askButton.data.verb, askButton.data, asker);
    expect(dialogForAsker.body.task.value.title).toBe("Add a question");
    for (const _ of [1, 2])
      await submitDialog(
        "activity.saveWriting",
        { activityId, kind: "teach-question", text: "Do lookbehinds work in JavaScript?" },
        asker,
        "mt-q1",
      );
    await submitDialog(
      "activity.saveWriting",
      { activityId, kind: "teach-question", text: "Can a lookahead be negative?" },
      second,
    );
    const questions = (await api(asker.id, `/activities/${activityId}`)).body.activity.submissions.filter(
      (s: { kind: string }) => s.kind === "teach-question",
    ) as { ownerId: string; itemId: string; text: string }[];
    expect(questions).toHaveLength(2);
    const negative = questions.find((q) => q.text.startsWith("Can")) as { ownerId: string; itemId: string };
    for (const voter of others) {
      const res = await fetch(
        `${server.baseUrl}/api/activities/${activityId}/submissions/teach-question/${negative.ownerId}/${negative.itemId}/vote`,
        { method: "PUT", headers: { authorization: `Bearer ${await tokenFor(server.baseUrl, voter.id)}` } },
      );
      expect(res.status).toBe(200);
    }

    // Answers: the same button opens the teacher's answer dialog, most voted first.
    await execute("tps.control", { activityId, kind: "next", phaseIndex: 1 }, facilitator, "mt-next-1");
    // On the teacher's own card the kind's button reads Answer; on the others', Add question.
    const buttonOf = async (p: Person) =>
      actionsOf((await execute("tps.refresh", { activityId }, p)).body.value).find(
        (a: Card) => a.data?.kind === "teach-question",
      )?.title;
    expect(await buttonOf(teacher)).toBe("Answer");
    expect(await buttonOf(asker)).toBe("Add question");
    const answering = await fetchDialog(askButton.data.verb, askButton.data, teacher);
    expect(answering.body.task.value.title).toBe("Answer the questions");
    const answerForm = answering.body.task.value.card.content;
    const choice = answerForm.body.find((e: Card) => e.type === "Input.ChoiceSet");
    expect(choice.choices.map((c: Card) => c.title)).toEqual([
      `Can a lookahead be negative? (${others.length})`,
      "Do lookbehinds work in JavaScript?",
    ]);
    expect(choice.value).toBe(`${negative.ownerId}|${negative.itemId}`);
    const send = actionsOf(answerForm)[0];
    const notTeacher = await submitDialog(
      send.data.verb,
      { ...send.data, item: choice.value, text: "Yes." },
      asker,
    );
    expect(JSON.stringify(notTeacher.body)).toContain("Only the teacher");
    const next = await submitDialog(
      send.data.verb,
      { ...send.data, item: choice.value, text: "Yes: (?!…) matches where the pattern does not." },
      teacher,
    );
    // The next unanswered question comes up in the same dialog.
    const nextForm = next.body.task.value.card.content;
    const nextChoice = nextForm.body.find((e: Card) => e.type === "Input.ChoiceSet");
    expect(nextChoice.choices[0].title).toBe(`✓ Can a lookahead be negative? (${others.length})`);
    const done = await submitDialog(
      send.data.verb,
      { ...send.data, item: nextChoice.value, text: "Yes, in Node 20 and every current browser." },
      teacher,
    );
    expect(done.body.task.value).toBe("Answered. Every question has its answer now.");

    // What each learned, then the close.
    await execute("tps.control", { activityId, kind: "next", phaseIndex: 2 }, facilitator, "mt-next-2");
    for (const p of [asker, second])
      expect(
        (
          await submitDialog(
            "activity.saveWriting",
            { activityId, kind: "learned", text: `Lookarounds do not consume: ${p.displayName}` },
            p,
          )
        ).body.task.value,
      ).toMatch(/My learning/);
    await submitDialog("tps.controlDialog", { activityId, kind: "end" }, facilitator, "mt-end");
    const summary = await eventually(() => headed("Micro-teach summary")[0], "the summary");
    const tookPart = people.length;
    expect(summary.body.find((e: Card) => e.type === "FactSet").facts).toEqual([
      { title: "Took part", value: String(tookPart) },
      { title: "Teaching notes", value: "1" },
      { title: "Questions", value: "2" },
      { title: "Answered", value: "2" },
      { title: "Things we learned", value: "2" },
    ]);
    const entry = await eventually(async () => {
      const res = await api(
        asker.id,
        `/communities/${server.demoCommunityId}/entries/micro-teach-${activityId}-teach-question-${negative.itemId}`,
      );
      return res.status === 200 && res.body.answered ? res.body : undefined;
    }, "the answered question in the library");
    expect(entry).toMatchObject({ type: "qa", title: "Can a lookahead be negative?" });
  });
});
