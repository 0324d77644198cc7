import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A meeting role as Teams' Get meeting participant API names it. */
export type MeetingRoleName = "Organizer" | "Presenter" | "Attendee";

/** An activity the bot sent to the Bot Connector, as received. */
export interface RecordedActivity {
  path: string;
  /** The id the stand-in gave the message (what an update names). */
  id?: string;
  conversationId: string;
  body: {
    type: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
    [key: string]: unknown;
  };
}

/**
 * A local stand-in for the Bot Connector service that receives the bot's replies and proactive
 * messages (`POST /v3/conversations/{id}/activities[/{replyToId}]`), answering as the service does
 * with a `ResourceResponse` `{ id }`, a chat's roster and meeting participants' roles when a test
 * sets them. Tests point `activity.serviceUrl` at it.
 */
export class ConnectorRecorder {
  readonly activities: RecordedActivity[] = [];
  /** Messages the bot replaced (`PUT /v3/conversations/{id}/activities/{messageId}`). */
  readonly updates: (RecordedActivity & { messageId: string })[] = [];
  private server: Server | undefined;
  private nextId = 1;
  private waiters: { count: number; resolve: () => void }[] = [];
  private readonly members = new Map<string, { id: string; aadObjectId: string; name: string }[]>();
  private throttled = { left: 0, retryAfterSeconds: 0 };
  private readonly meetingRoles = new Map<string, { role: MeetingRoleName; name: string }>();
  /** Get meeting participant requests received (`meetingId`, participant's Entra id, `tenantId`). */
  readonly participantLookups: { meetingId: string; participantId: string; tenantId: string | null }[] = [];
  /** Answers every Get meeting participant request with this status (403: permission not granted). */
  participantStatus: number | undefined;
  /** When each throttled post was refused (ms since the epoch). */
  readonly refusedAt: number[] = [];

  get serviceUrl(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error("ConnectorRecorder is not started");
    return `http://127.0.0.1:${address.port}/`;
  }

  /** A chat's roster, as `GET /v3/conversations/{id}/pagedmembers` answers (Teams' shape). */
  setMembers(conversationId: string, members: { id: string; aadObjectId: string; name: string }[]): void {
    this.members.set(conversationId, members);
  }

  /** Someone's role in a meeting, as Get meeting participant answers it; others get Teams' 404. */
  setMeetingRole(
    meetingId: string,
    person: { id: string; displayName: string },
    role: MeetingRoleName,
  ): void {
    this.meetingRoles.set(`${meetingId}\n${person.id}`, { role, name: person.displayName });
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      const participant = /^\/v1\/meetings\/([^/]+)\/participants\/([^/]+)$/.exec(url.pathname);
      if (req.method === "GET" && participant?.[1] && participant[2]) {
        this.answerParticipant(
          res,
          decodeURIComponent(participant[1]),
          decodeURIComponent(participant[2]),
          url.searchParams.get("tenantId"),
        );
        return;
      }
      const roster = /^\/v3\/conversations\/([^/]+)\/pagedmembers(?:\?.*)?$/.exec(req.url ?? "");
      if (req.method === "GET" && roster?.[1]) {
        const members = this.members.get(decodeURIComponent(roster[1]));
        if (!members) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ members }));
        return;
      }
      const updated = /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/.exec(req.url ?? "");
      if (req.method === "PUT" && updated?.[1] && updated[2]) {
        const body = JSON.parse(await readBody(req)) as RecordedActivity["body"];
        this.updates.push({
          path: req.url ?? "",
          conversationId: decodeURIComponent(updated[1]),
          messageId: decodeURIComponent(updated[2]),
          body,
        });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: decodeURIComponent(updated[2]) }));
        return;
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(req.url ?? "");
      if (req.method !== "POST" || !match?.[1]) {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(await readBody(req)) as RecordedActivity["body"];
      if (this.throttled.left > 0) {
        // As the service throttles: 429 with Retry-After in seconds, nothing recorded.
        this.throttled.left--;
        this.refusedAt.push(Date.now());
        res.writeHead(429, { "retry-after": String(this.throttled.retryAfterSeconds) }).end();
        return;
      }
      const id = `activity-${this.nextId++}`;
      this.activities.push({ path: req.url ?? "", conversationId: decodeURIComponent(match[1]), body, id });
      this.notify();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return this;
  }

  /** Resolves once at least `count` activities were received in total. */
  waitFor(count: number, timeoutMs = 5_000): Promise<void> {
    if (this.activities.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} activities, got ${this.activities.length}`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Answers the next `count` posts with 429 and `Retry-After: retryAfterSeconds`. */
  throttle(count: number, retryAfterSeconds: number): void {
    this.throttled = { left: count, retryAfterSeconds };
  }

  clear(): void {
    this.activities.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  /**
   * Bot Framework's Get meeting participant answer, in the shape Microsoft documents
   * (https://learn.microsoft.com/microsoftteams/platform/apps-in-teams-meetings/meeting-apps-apis#get-participant-api):
   * `{ user, meeting: { role, inMeeting }, conversation }`; 404 for someone not in the meeting.
   */
  private answerParticipant(
    res: ServerResponse,
    meetingId: string,
    participantId: string,
    tenantId: string | null,
  ): void {
    this.participantLookups.push({ meetingId, participantId, tenantId });
    if (this.participantStatus) {
      res.writeHead(this.participantStatus, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "Forbidden", message: "not granted" } }));
      return;
    }
    const known = this.meetingRoles.get(`${meetingId}\n${participantId}`);
    if (!known) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "NotFound", message: "participant not found" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        user: {
          id: `29:${participantId}`,
          aadObjectId: participantId,
          name: known.name,
          tenantId,
          userRole: "user",
        },
        meeting: { role: known.role, inMeeting: true },
        conversation: {
          id: `19:meeting_${meetingId}@thread.v2`,
          conversationType: "groupChat",
          isGroup: true,
        },
      }),
    );
  }

  private notify(): void {
    this.waiters = this.waiters.filter((w) => {
      if (this.activities.length < w.count) return true;
      w.resolve();
      return false;
    });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      data += chunk;
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}
