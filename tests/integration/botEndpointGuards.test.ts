import { generateKeyPair } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { BotFrameworkIdentity } from "../support/botFrameworkIdentity.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import {
  FIXTURE_TENANT_ID,
  invokeActivity,
  messageActivity,
  postActivity,
} from "../support/teamsActivities.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const appId = "11111111-2222-4333-8444-555555555555";

/** Posts a raw body (not necessarily an activity) to the bot endpoint. */
function postBody(baseUrl: string, body: string, authorization?: string): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body,
  });
}

async function expectInvalidActivity(res: Response, mentions: string): Promise<void> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("invalid_activity");
  expect(body.error.message).toContain(mentions);
}

describe("bot endpoint in production: the body is checked before authentication", () => {
  let server: TestServer;
  const connector = new ConnectorRecorder();

  beforeAll(async () => {
    await connector.start();
    server = await startTestServer({
      env: {
        APP_MODE: "production",
        TEAMSFX_ENV: "none",
        HOST: "127.0.0.1",
        BOT_ID: appId,
        BOT_PASSWORD: "not-a-real-secret",
        AAD_APP_CLIENT_ID: "00000000-0000-4000-8000-00000000c0de",
        AAD_APP_ID_URI: "api://peercircle.example/00000000-0000-4000-8000-00000000c0de",
        ALLOWED_TENANTS: FIXTURE_TENANT_ID,
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await connector.stop();
  });

  it("runs in production mode with bot authentication on", () => {
    expect(server.config.mode).toBe("production");
    expect(server.config.bot.authDisabled).toBe(false);
  });

  it("answers 400 to an empty object and to a numeric type (botbuilder answered 500)", async () => {
    await expectInvalidActivity(await postBody(server.baseUrl, "{}"), "type");
    await expectInvalidActivity(await postBody(server.baseUrl, '{"type":5}'), "type");
  });

  it("answers 400 to a body that is not an object", async () => {
    await expectInvalidActivity(await postBody(server.baseUrl, "[1,2]"), "body");
  });

  it("answers 400 to an invoke that does not name what it invokes", async () => {
    const { name: _name, ...nameless } = invokeActivity(
      "composeExtension/query",
      {},
      {
        serviceUrl: "https://smba.trafficmanager.net/emea/",
      },
    );
    await expectInvalidActivity(await postActivity(server.baseUrl, nameless), "name");
  });

  it("answers 400 to a reply address on this machine: loopback is for local mode only", async () => {
    const res = await postActivity(
      server.baseUrl,
      messageActivity("help", { serviceUrl: connector.serviceUrl }),
    );
    await expectInvalidActivity(res, "serviceUrl");
    expect(connector.activities).toHaveLength(0);
  });
});

describe("bot endpoint in local mode: where replies may go", () => {
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

  it("answers 400 to an activity without a serviceUrl instead of replying to the public Bot Framework", async () => {
    const { serviceUrl: _none, ...activity } = messageActivity("help", { serviceUrl: connector.serviceUrl });
    await expectInvalidActivity(await postActivity(server.baseUrl, activity), "serviceUrl");
  });

  it.each([
    ["a host that is not Teams'", "https://evil.example/"],
    ["a look-alike of Teams' host", "https://smba.trafficmanager.net.evil.example/emea/"],
    ["plain http to Teams' host", "http://smba.trafficmanager.net/emea/"],
    ["something that is not a URL", "not a url"],
  ])("answers 400 to a serviceUrl with %s", async (_name, serviceUrl) => {
    await expectInvalidActivity(
      await postActivity(server.baseUrl, messageActivity("help", { serviceUrl })),
      "serviceUrl",
    );
  });

  it("answers 400 to an activity without a conversation (botbuilder answered 500)", async () => {
    const { conversation: _none, ...activity } = messageActivity("help", {
      serviceUrl: connector.serviceUrl,
    });
    await expectInvalidActivity(await postActivity(server.baseUrl, activity), "conversation");
    expect(connector.activities).toHaveLength(0);
  });

  it("answers 502 without the raw network error when the reply cannot be delivered", async () => {
    // A loopback port nobody listens on: botbuilder answered 500 "connect ECONNREFUSED 127.0.0.1:…".
    const closed = new ConnectorRecorder();
    await closed.start();
    const serviceUrl = closed.serviceUrl;
    await closed.stop();
    const res = await postActivity(server.baseUrl, messageActivity("help", { serviceUrl }));
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    expect(JSON.parse(text).error.code).toBe("connector_unreachable");
  });

  it("still replies to a connector on this machine", async () => {
    const res = await postActivity(
      server.baseUrl,
      messageActivity("help", { serviceUrl: connector.serviceUrl }),
    );
    expect(res.status).toBe(200);
    await connector.waitFor(1);
    expect(connector.activities).toHaveLength(1);
  });
});

describe("botbuilder's console output", () => {
  let server: TestServer;
  const identity = new BotFrameworkIdentity();
  const lines: string[] = [];

  beforeAll(async () => {
    await identity.start();
    server = await startTestServer({
      env: {
        BOT_ID: appId,
        BOT_PASSWORD: "not-a-real-secret",
        BOT_OPENID_METADATA_URL: identity.metadataUrl,
      },
      logger: createLogger({ write: (_level, line) => lines.push(line) }),
    });
  });
  afterAll(async () => {
    await server.close();
    await identity.stop();
  });

  it("goes through the redacting logger, with tokens masked", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await identity.token(appId, "https://smba.trafficmanager.net/emea/", privateKey);
    const res = await postActivity(
      server.baseUrl,
      messageActivity("help", { serviceUrl: "https://smba.trafficmanager.net/emea/" }),
      `Bearer ${forged}`,
    );
    expect(res.status).toBe(401);
    // botbuilder printed "invalid signature" and the keys it tried with console.error.
    const library = lines.filter((line) => line.includes("library reported an error"));
    expect(library.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.includes("bot request refused"))).toBe(true);
    for (const line of lines) expect(line).not.toContain(forged);
  });
});
