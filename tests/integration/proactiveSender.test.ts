import { TeamsAdapter } from "@microsoft/teams-ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProactiveSender } from "../../src/bot/meetings/proactiveSender.js";
import type {
  ConversationReferenceStore,
  ReferenceKey,
} from "../../src/domain/meetings/conversationReferences.js";
import type { Logger } from "../../src/observability/logger.js";
import { ConnectorRecorder } from "../support/connectorRecorder.js";
import { BOT_ID, FIXTURE_TENANT_ID } from "../support/teamsActivities.js";

const CHAT = "19:meeting_throttled@thread.v2";

/** References in memory: the sender's store is not what these tests are about. */
class MemoryReferences implements ConversationReferenceStore {
  private readonly saved = new Map<string, string>();
  async save(tenantId: string, key: ReferenceKey, json: string) {
    this.saved.set(`${tenantId}|${JSON.stringify(key)}`, json);
  }
  async get(tenantId: string, key: ReferenceKey) {
    return this.saved.get(`${tenantId}|${JSON.stringify(key)}`);
  }
}

describe("the proactive sender against a throttling Bot Connector", () => {
  const connector = new ConnectorRecorder();
  const warnings: Record<string, unknown>[] = [];
  const logger: Logger = {
    info: () => {},
    warn: (_message, fields) => warnings.push(fields ?? {}),
    error: () => {},
  };
  let sender: ProactiveSender;

  beforeAll(async () => {
    await connector.start();
    const references = new MemoryReferences();
    await references.save(
      FIXTURE_TENANT_ID,
      { conversationId: CHAT },
      JSON.stringify({
        serviceUrl: connector.serviceUrl,
        channelId: "msteams",
        conversation: { id: CHAT, conversationType: "groupChat", tenantId: FIXTURE_TENANT_ID },
        bot: { id: BOT_ID, name: "PeerCircle" },
      }),
    );
    // No app id: local mode's unauthenticated adapter (no token is fetched for the connector).
    sender = new ProactiveSender(new TeamsAdapter({}), "", references, logger);
  });
  afterAll(async () => {
    await connector.stop();
  });

  it("waits as long as a 429's Retry-After says, then delivers each message once and in order", async () => {
    connector.clear();
    connector.throttle(2, 1);
    const started = Date.now();
    const sent = await sender.send(FIXTURE_TENANT_ID, { conversationId: CHAT }, [
      { type: "message", text: "first" },
      { type: "message", text: "second" },
    ]);
    // The ids the connector gave the messages (what an update of them names).
    expect(sent).toEqual(connector.activities.map((a) => a.id));
    expect(sent).toHaveLength(2);
    expect(connector.refusedAt).toHaveLength(2);
    expect(connector.activities.map((a) => a.body.text)).toEqual(["first", "second"]);
    // The second refusal came no sooner than the first one's Retry-After (1 s) allowed.
    const [first = 0, second = 0] = connector.refusedAt;
    expect(second - first).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it("backs off further when throttling outlasts the client's own retries, then gives up without crashing", async () => {
    connector.clear();
    connector.refusedAt.length = 0;
    connector.throttle(500, 0);
    await expect(
      sender.send(FIXTURE_TENANT_ID, { conversationId: CHAT }, [{ type: "message", text: "never" }]),
    ).rejects.toMatchObject({ statusCode: 429 });
    // Bounded: a few rounds of the client's retries, each round logged with its status.
    expect(connector.refusedAt.length).toBeGreaterThan(1);
    expect(connector.refusedAt.length).toBeLessThan(50);
    expect(warnings.filter((w) => w.status === 429).map((w) => w.attempt)).toEqual([1, 2, 3]);
    expect(connector.activities).toHaveLength(0);

    // The next message to the same chat still goes out (the queue is not stuck on the failure).
    connector.throttle(0, 0);
    await sender.send(FIXTURE_TENANT_ID, { conversationId: CHAT }, [{ type: "message", text: "later" }]);
    expect(connector.activities.map((a) => a.body.text)).toEqual(["later"]);
  });
});
