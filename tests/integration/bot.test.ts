import { generateKeyPair } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BotFrameworkIdentity } from "../support/botFrameworkIdentity.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { botInstalledActivity, messageActivity, postActivity } from "../support/teamsActivities.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/** Text of every TextBlock in the first Adaptive Card attachment of an activity. */
function cardText(activity: {
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}): string {
  const card = activity.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive");
  return JSON.stringify(card?.content ?? {});
}

describe("bot over the Bot Framework protocol (local mode, auth off)", () => {
  let server: TestServer;
  const connector = new ConnectorRecorder();

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  it("sends a welcome card when installed in personal scope", async () => {
    const activity = botInstalledActivity({ serviceUrl: connector.serviceUrl, conversationType: "personal" });
    const res = await postActivity(server.baseUrl, activity);
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    expect(connector.activities).toHaveLength(1);
    const [sent] = connector.activities;
    expect(sent?.conversationId).toBe(activity.conversation.id);
    expect(cardText(sent?.body ?? {})).toContain("Welcome to PeerCircle");
    expect(cardText(sent?.body ?? {})).toContain("My learning");
  });

  it("sends the team version of the welcome card when installed in a team", async () => {
    const activity = botInstalledActivity({ serviceUrl: connector.serviceUrl, conversationType: "channel" });
    await postActivity(server.baseUrl, activity);
    await connector.waitFor(1);
    expect(cardText(connector.activities[0]?.body ?? {})).toContain("Add the PeerCircle tab to a channel");
  });

  it("stays quiet when somebody else joins a conversation", async () => {
    const activity = {
      ...botInstalledActivity({ serviceUrl: connector.serviceUrl, conversationType: "channel" }),
      membersAdded: [{ id: "29:someone-else" }],
    };
    const res = await postActivity(server.baseUrl, activity);
    expect(res.status).toBe(200);
    // A help message afterwards proves the turn finished; only its reply may be recorded.
    await postActivity(server.baseUrl, messageActivity("help", { serviceUrl: connector.serviceUrl }));
    await connector.waitFor(1);
    expect(connector.activities).toHaveLength(1);
    expect(cardText(connector.activities[0]?.body ?? {})).toContain("What PeerCircle can do");
  });

  it("answers help with the help card, also when @mentioned in a channel", async () => {
    await postActivity(server.baseUrl, messageActivity("help", { serviceUrl: connector.serviceUrl }));
    const mentioned = {
      ...messageActivity("<at>PeerCircle</at> help", {
        serviceUrl: connector.serviceUrl,
        conversationType: "channel",
      }),
      entities: [
        {
          type: "mention",
          text: "<at>PeerCircle</at>",
          mentioned: { id: "28:peercircle-bot", name: "PeerCircle" },
        },
      ],
    };
    await postActivity(server.baseUrl, mentioned);
    await connector.waitFor(2);
    for (const sent of connector.activities) expect(cardText(sent.body)).toContain("What PeerCircle can do");
  });

  it("takes any other text as a question for the library, and answers a message without words with what it can do", async () => {
    await postActivity(
      server.baseUrl,
      messageActivity("what's the weather?", { serviceUrl: connector.serviceUrl }),
    );
    await connector.waitFor(1);
    expect(connector.activities[0]?.body.text).toContain("could not find an answer");
    connector.clear();
    await postActivity(server.baseUrl, messageActivity("", { serviceUrl: connector.serviceUrl }));
    await connector.waitFor(1);
    expect(connector.activities[0]?.body.text).toContain("I didn't catch that");
    expect(cardText(connector.activities[0]?.body ?? {})).toContain("What PeerCircle can do");
  });
});

describe("bot authentication with credentials configured", () => {
  const appId = "11111111-2222-4333-8444-555555555555";
  let server: TestServer;
  const connector = new ConnectorRecorder();
  const identity = new BotFrameworkIdentity();

  beforeAll(async () => {
    await connector.start();
    await identity.start();
    // Credentials set: botbuilder must now demand a Bot Framework token on every request. Its
    // signing keys come from the local stand-in, since the real ones are out of reach here.
    server = await startTestServer({
      env: {
        BOT_ID: appId,
        BOT_PASSWORD: "not-a-real-secret",
        BOT_OPENID_METADATA_URL: identity.metadataUrl,
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await connector.stop();
    await identity.stop();
  });
  beforeEach(() => connector.clear());

  // A turn that sends nothing back: replying would need an outgoing Bot Framework token, which
  // cannot be fetched here. The HTTP status alone then says whether the request was let in.
  const quietTurn = () => ({
    ...botInstalledActivity({ serviceUrl: connector.serviceUrl, conversationType: "channel" }),
    membersAdded: [{ id: "29:someone-else" }],
  });
  const help = () => messageActivity("help", { serviceUrl: connector.serviceUrl });

  it("does not disable authentication", () => {
    expect(server.config.bot.authDisabled).toBe(false);
  });

  it("answers 401 to a request without a token and runs no turn", async () => {
    const res = await postActivity(server.baseUrl, help());
    expect(res.status).toBe(401);
    expect(connector.activities).toHaveLength(0);
  });

  it("answers 401 to an unsigned (alg none) token", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ iss: "https://api.botframework.com", aud: appId })).toString(
      "base64url",
    );
    const res = await postActivity(server.baseUrl, help(), `Bearer ${header}.${payload}.`);
    expect(res.status).toBe(401);
    expect(connector.activities).toHaveLength(0);
  });

  it("answers 401 to a token signed by a key the Bot Framework does not publish", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await identity.token(appId, connector.serviceUrl, privateKey, "unpublished-key");
    const res = await postActivity(server.baseUrl, help(), `Bearer ${forged}`);
    expect(res.status).toBe(401);
    expect(connector.activities).toHaveLength(0);
  });

  /** A refusal as the caller sees it: 401, our own words, nothing of botbuilder's error text. */
  async function expectRefused(res: Response): Promise<void> {
    expect(res.status).toBe(401);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({
      error: { code: "unauthenticated", message: "The request does not carry a valid Bot Framework token." },
    });
    expect(connector.activities).toHaveLength(0);
  }

  it("answers 401 to a token whose signature does not match the published key it names", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await identity.token(appId, connector.serviceUrl, privateKey);
    // botbuilder itself answers this with 500 "invalid signature".
    await expectRefused(await postActivity(server.baseUrl, quietTurn(), `Bearer ${forged}`));
  });

  it("answers 401 to an HS256 token signed with the bot password under the published key id", async () => {
    const forged = await identity.token(
      appId,
      connector.serviceUrl,
      new TextEncoder().encode("not-a-real-secret"),
    );
    await expectRefused(await postActivity(server.baseUrl, quietTurn(), `Bearer ${forged}`));
  });

  it("answers 401 to a token that is not valid until an hour from now", async () => {
    const early = await identity.token(
      appId,
      connector.serviceUrl,
      undefined,
      undefined,
      Math.floor(Date.now() / 1000) + 3600,
    );
    // botbuilder itself answers this with 500 "jwt not active".
    await expectRefused(await postActivity(server.baseUrl, quietTurn(), `Bearer ${early}`));
  });

  it("answers 401 without botbuilder's words to a request without a token", async () => {
    await expectRefused(await postActivity(server.baseUrl, help()));
  });

  it("answers 401 to a genuine token for another bot", async () => {
    const otherBot = await identity.token("99999999-2222-4333-8444-555555555555", connector.serviceUrl);
    const res = await postActivity(server.baseUrl, quietTurn(), `Bearer ${otherBot}`);
    expect(res.status).toBe(401);
  });

  it("answers 401 to a genuine token issued for another service URL", async () => {
    const token = await identity.token(appId, "https://smba.example/other/");
    const res = await postActivity(server.baseUrl, quietTurn(), `Bearer ${token}`);
    expect(res.status).toBe(401);
  });

  it("lets a genuine Bot Framework token in", async () => {
    const token = await identity.token(appId, connector.serviceUrl);
    const res = await postActivity(server.baseUrl, quietTurn(), `Bearer ${token}`);
    expect(res.status).toBe(200);
  });
});
