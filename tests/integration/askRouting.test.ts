import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectorRecorder, type RecordedActivity } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import { type Person, ServerInstances } from "../support/serverInstances.js";
import {
  botInstalledActivity,
  invokeActivity,
  messageActivity,
  postActivity,
  postInvoke,
  teamsUser,
} from "../support/teamsActivities.js";

/**
 * A question the library cannot answer, routed to the community's on-call expert from the rota,
 * with two server instances sharing one set of tables: the asker's "Ask the community" reaches
 * both instances (as a retried invoke can), the question is opened once and the expert gets
 * exactly one card in personal chat; their Answer dialog puts the answer under the question.
 */
// biome-ignore lint/suspicious/noExplicitAny: card JSON is loosely shaped
type Json = any;

const QUESTION = "How do we archive the zebra pipeline's logs after a year?";

function cardOf(activity: RecordedActivity | undefined): Json {
  return activity?.body.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
    ?.content;
}

describe("routing an unanswered question to the on-call expert, across two instances", () => {
  let instances: ServerInstances;
  const connector = new ConnectorRecorder();
  const [steward, expert, asker] = org.users.filter((u) => u.department).slice(0, 3) as unknown as [
    Person,
    Person,
    Person,
  ];
  let communityId = "";

  beforeAll(async () => {
    await connector.start();
    instances = await ServerInstances.start(2);
    const [a, b] = [instances.instance(0), instances.instance(1)];
    const created = await instances.api(a, steward, "POST", "/communities", {
      name: "Pipelines guild",
      purpose: "People who run the data pipelines.",
    });
    expect(created.status).toBe(201);
    communityId = created.body.id;
    for (const p of [expert, asker])
      expect((await instances.api(b, p, "POST", `/communities/${communityId}/join`)).status).toBeLessThan(
        300,
      );
    const session = await instances.api(a, steward, "POST", `/communities/${communityId}/sessions`, {
      title: "Ask the expert",
      format: "ama",
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      timeZone: "Europe/Berlin",
    });
    expect(session.status).toBe(201);
    const role = await instances.api(
      b,
      steward,
      "PUT",
      `/communities/${communityId}/sessions/${session.body.id}/roles/on-call-expert`,
      {
        person: expert,
      },
    );
    expect(role.status).toBe(200);
    // The expert has PeerCircle in personal chat: the bot knows where to reach them.
    await postActivity(
      a.baseUrl,
      botInstalledActivity({
        serviceUrl: connector.serviceUrl,
        conversationType: "personal",
        from: teamsUser(expert),
      } as Json),
    );
    await connector.waitFor(1);
    connector.clear();
  });
  afterAll(async () => {
    await instances?.close();
    await connector.stop();
  });

  it("answers in the language of the asker's Teams client", async () => {
    const asked = {
      ...messageActivity("Wie archivieren wir die Protokolle der Zebra-Pipeline?", {
        serviceUrl: connector.serviceUrl,
        from: teamsUser(asker),
      }),
      locale: "de-DE",
    };
    await postActivity(instances.instance(0).baseUrl, asked);
    await connector.waitFor(1);
    const reply = connector.activities[0];
    expect(reply?.body.text).toBe(
      "Ich habe in der Bibliothek Ihrer Communities keine Antwort darauf gefunden, und ich rate nicht.",
    );
    expect(cardOf(reply).actions.map((x: Json) => x.title)).toEqual(["Community fragen"]);
    connector.clear();
  });

  it("opens the question once, sends the expert one card, and takes their answer from the dialog", async () => {
    const [a, b] = [instances.instance(0), instances.instance(1)];
    const asked = messageActivity(QUESTION, { serviceUrl: connector.serviceUrl, from: teamsUser(asker) });
    await postActivity(b.baseUrl, asked);
    await connector.waitFor(1);
    const reply = connector.activities[0];
    expect(reply?.body.text).toContain("could not find an answer");
    const button = cardOf(reply).actions.find((x: Json) => x.title === "Ask the community");
    connector.clear();

    const press = invokeActivity(
      "adaptiveCard/action",
      { action: { type: "Action.Execute", verb: button.verb, data: button.data } },
      { serviceUrl: connector.serviceUrl, from: teamsUser(asker), conversationId: asked.conversation.id },
    );
    const answers = await Promise.all([postInvoke(a.baseUrl, press), postInvoke(b.baseUrl, press)]);
    const texts = answers.map((r) => JSON.stringify(r.body.value));
    expect(texts.filter((t) => t.includes("now open in"))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("already open in"))).toHaveLength(1);
    expect(texts.find((t) => t.includes("now open in"))).toContain(`Sent to ${expert?.displayName}`);

    await connector.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    // The expert's directory entry says German: the question reaches them in German.
    const routed = connector.activities.filter((x) =>
      JSON.stringify(cardOf(x) ?? {}).includes("gehören zu denen, die sich auskennen"),
    );
    expect(routed).toHaveLength(1);
    const card = cardOf(routed[0]);
    expect(JSON.stringify(card)).toContain(QUESTION);
    const answer = card.actions.find((x: Json) => x.title === "Antworten");

    const asExpert = { serviceUrl: connector.serviceUrl, from: teamsUser(expert as Person) };
    const fetched = await postInvoke(
      a.baseUrl,
      invokeActivity("task/fetch", { data: answer.data }, asExpert),
    );
    const dialogCard = fetched.body.task.value.card.content;
    // The dialog speaks the language of the client it opens in (this one says en-US).
    expect(dialogCard.actions[0].title).toBe("Post answer");
    const submit = dialogCard.actions[0];
    const empty = await postInvoke(
      b.baseUrl,
      invokeActivity("task/submit", { data: { ...submit.data, answer: "  " } }, asExpert),
    );
    expect(JSON.stringify(empty.body.task.value.card.content)).toContain("Write your answer first.");
    // Teams may deliver the submit again (same activity id), here to the other instance: one answer.
    const submitted = invokeActivity(
      "task/submit",
      { data: { ...submit.data, answer: "Move them to the cool tier, then archive." } },
      { ...asExpert, activityId: "answer-submit-1" },
    );
    for (const server of [b, a]) {
      const posted = await postInvoke(server.baseUrl, submitted);
      expect(posted.body.task.value).toContain("your answer is under the question");
    }

    const list = await instances.api(
      a,
      asker,
      "GET",
      `/communities/${communityId}/entries/${answer.data.questionId}/answers`,
    );
    expect(list.body.items.map((i: Json) => [i.author.id, i.body])).toEqual([
      [expert?.id, "Move them to the cool tier, then archive."],
    ]);
  });
});
