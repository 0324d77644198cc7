import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AzureOpenAiStandIn } from "../../src/local/azureOpenAiStandIn.js";
import { demoPeople } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { org } from "../support/orgFixture.js";
import {
  invokeActivity,
  messageActivity,
  postActivity,
  postInvoke,
  teamsUser,
} from "../support/teamsActivities.js";
import { startTestServer, type TestServer, tokenFor } from "../support/testServer.js";

// biome-ignore lint/suspicious/noExplicitAny: activity JSON is loosely shaped
type Json = any;

/**
 * With an admin's Azure OpenAI settings (here the local stand-in), a question in personal chat
 * gets a generated answer over the Bot Framework protocol: Teams' AI label, citations of library
 * entries, the feedback buttons; and the feedback invoke is answered.
 */
const QUESTION = "How often do we rotate the zebra warehouse keys?";

describe("generated answers in chat, configured through the app's settings", () => {
  let server: TestServer;
  const connector = new ConnectorRecorder();
  const model = new AzureOpenAiStandIn();
  const [, member] = demoPeople(org) as unknown as [
    { id: string; displayName: string },
    { id: string; displayName: string },
  ];

  beforeAll(async () => {
    await connector.start();
    await model.start();
    server = await startTestServer({
      demo: true,
      env: {
        DEMO: "community",
        AZURE_OPENAI_ENDPOINT: model.endpoint,
        AZURE_OPENAI_DEPLOYMENT: "answers-mini",
        AZURE_OPENAI_API_VERSION: "2024-10-21",
        AZURE_OPENAI_API_KEY: "stand-in-key",
      },
    });
    const created = await fetch(`${server.baseUrl}/api/communities/${server.demoCommunityId}/entries`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, member.id)}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        type: "howto",
        title: "Rotate the zebra warehouse keys",
        body: "Rotate the zebra warehouse keys every quarter. The facilities desk issues new ones within a day.",
        tags: ["zebra"],
      }),
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await model.stop();
    await connector.stop();
  });

  it("labels the answer AI-generated, cites library entries, and takes thumbs up / down", async () => {
    const res = await postActivity(
      server.baseUrl,
      messageActivity(QUESTION, {
        serviceUrl: connector.serviceUrl,
        from: teamsUser(member),
      }),
    );
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    const reply = connector.activities[0]?.body as Json;
    expect(reply.text).toContain("Written by AI from your communities' library");
    expect(reply.text).toMatch(/In short: .+ \[1\]/);
    expect(reply.channelData).toMatchObject({ feedbackLoopEnabled: true });
    const entity = (reply.entities as Json[]).find((e) => e.type === "https://schema.org/Message");
    expect(entity?.additionalType).toEqual(["AIGeneratedContent"]);
    expect(entity?.citation.length).toBeGreaterThan(0);
    expect(model.requests.length).toBe(1);

    const feedback = await postInvoke(
      server.baseUrl,
      invokeActivity(
        "message/submitAction",
        {
          actionName: "feedback",
          actionValue: { reaction: "dislike", feedback: '{"feedbackText":"too short"}' },
        },
        { serviceUrl: connector.serviceUrl, from: teamsUser(member) },
      ),
    );
    expect(feedback.status).toBe(200);
  });

  it("gives the tab's ask box the generated answer, marked so the tab labels it", async () => {
    const res = await fetch(`${server.baseUrl}/api/communities/${server.demoCommunityId}/ask`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, member.id)}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        question: QUESTION,
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.answer).toMatchObject({ kind: "answered", generated: true });
    expect(body.answer.passages[0].text).toMatch(/^In short: /);
  });
});
