import { afterAll, beforeAll } from "vitest";
import { DEMO_TEAM } from "../../src/local/demoCommunity.js";
import { ConnectorRecorder } from "./connectorRecorder.js";
import { MeetingChat } from "./meetingChat.js";
import { botInstalledActivity, installInDemoTeam, postActivity } from "./teamsActivities.js";
import { startTestServer, type TestServer, tokenFor, uniqueTablePrefix } from "./testServer.js";

export type Person = { id: string; displayName: string };

export interface Answer {
  status: number;
  etag: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers.
  body: any;
}

/**
 * Server instances with the demo data in one set of tables, the bot installed in the demo team and
 * in a meeting's chat, and the Bot Connector stand-in recording what the bot sends: what the tests
 * of a format run over the side panel's API share. Requests go to the instances in turn.
 */
export class MeetingInstances {
  private constructor(
    readonly servers: TestServer[],
    readonly connector: ConnectorRecorder,
    readonly meeting: { chat: string; meetingId: string },
  ) {}

  /**
   * Instances started before a suite's tests and closed after them (vitest hooks), as the format
   * tests share them: read `current()` inside a test.
   */
  static forSuite(count: number, meeting: { chat: string; meetingId: string }): () => MeetingInstances {
    let instances: MeetingInstances | undefined;
    beforeAll(async () => {
      instances = await MeetingInstances.start(count, meeting);
    });
    afterAll(async () => {
      await instances?.close();
    });
    return () => {
      if (!instances) throw new Error("the meeting's instances have not started");
      return instances;
    };
  }

  /** The meeting's chat over the Bot Framework protocol, each turn to the next instance, as Teams' would. */
  chat(idPrefix: string): MeetingChat {
    let turn = 0;
    return new MeetingChat(
      () => (this.servers[turn++ % this.servers.length] as TestServer).baseUrl,
      this.connector,
      this.meeting.chat,
      this.meeting.meetingId,
      idPrefix,
    );
  }

  /**
   * The facilitator's controls of one activity through the API, each request on the next instance
   * and keyed by what it does (a retried one is the same request); any answer but 200 fails.
   */
  controls(facilitator: Person, activityId: string, keyPrefix: string) {
    let step = 0;
    return async (kind: string, phaseIndex?: number): Promise<Answer> => {
      const res = await this.api(step++, facilitator, "POST", `/activities/${activityId}/controls`, {
        kind,
        requestId: `${keyPrefix}-${kind}-${phaseIndex ?? ""}`,
        ...(phaseIndex === undefined ? {} : { phaseIndex }),
      });
      if (res.status !== 200) throw new Error(`${kind} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res;
    };
  }

  static async start(count: number, meeting: { chat: string; meetingId: string }): Promise<MeetingInstances> {
    const connector = new ConnectorRecorder();
    await connector.start();
    const tablePrefix = uniqueTablePrefix();
    const servers = await Promise.all(
      Array.from({ length: count }, () =>
        startTestServer({ demo: true, env: { TABLE_PREFIX: tablePrefix, ACTIVITY_POLL_MS: "200" } }),
      ),
    );
    const [first] = servers as [TestServer];
    await installInDemoTeam(first.baseUrl, connector, DEMO_TEAM);
    const inMeeting = botInstalledActivity({
      serviceUrl: connector.serviceUrl,
      conversationType: "groupChat",
      conversationId: meeting.chat,
    });
    Object.assign(inMeeting.channelData, { meeting: { id: meeting.meetingId } });
    await postActivity(first.baseUrl, inMeeting);
    await connector.waitFor(1);
    return new MeetingInstances(servers, connector, meeting);
  }

  /** The demo community every instance seeded. */
  get communityId(): string {
    return (this.servers[0] as TestServer).demoCommunityId;
  }

  /** Calls the tab API as `user` on the `i`-th instance (round robin). */
  async api(
    i: number,
    user: Person,
    method: string,
    route: string,
    body?: unknown,
    ifMatch?: string,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const server = this.servers[i % this.servers.length] as TestServer;
    const res = await fetch(`${server.baseUrl}/api${route}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(server.baseUrl, user.id)}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(ifMatch ? { "if-match": ifMatch } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, etag: res.headers.get("etag"), body: text ? JSON.parse(text) : undefined };
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((s) => s.close()));
    await this.connector.stop();
  }
}

/** Waits for `probe` to give a value (what a background close or poll leaves), or fails naming `what`. */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A test file's meeting instances: started before its tests, stopped after them. Call it in the
 * `describe` block; the function it returns gives the running instances.
 */
export function meetingInstancesFor(
  count: number,
  meeting: { chat: string; meetingId: string },
): () => MeetingInstances {
  let instances: MeetingInstances | undefined;
  beforeAll(async () => {
    instances = await MeetingInstances.start(count, meeting);
  });
  afterAll(async () => {
    await instances?.close();
  });
  return () => {
    if (!instances) throw new Error("The meeting's server instances have not started.");
    return instances;
  };
}
