import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mulberry32 } from "../domain/mulberry32.js";
import type { DirectoryUser, OrgDirectoryFixture } from "./orgDirectoryFixture.js";

/**
 * How the stand-in misbehaves. Every switch can be changed while it runs, from code
 * ({@link GraphStandIn.setSwitches}) or over HTTP (`POST /_standin/switches` with JSON).
 */
export interface GraphStandInSwitches {
  /** Milliseconds added before every answer (a `$batch` pays it once). */
  latencyMs: number;
  /** Share (0–1) of requests, outer and inner `$batch` ones alike, answered 429 with `Retry-After`. */
  throttleRate: number;
  /** Seconds in the `Retry-After` header of throttled answers. */
  retryAfterSeconds: number;
  /** Share (0–1) of requests answered with a server error. */
  serverErrorRate: number;
  /** The status of those errors (503 carries `Retry-After` too, like Graph's). */
  serverErrorStatus: 500 | 502 | 503 | 504;
  /** Down: every connection is dropped without an answer. */
  down: boolean;
}

/** One request the stand-in saw: outer HTTP requests and the requests inside a `$batch`. */
export interface SeenRequest {
  method: string;
  /** Path and query after the version segment, e.g. `/users/{id}?$select=...`. */
  url: string;
  inner: boolean;
  status: number;
}

/** An event as the stand-in keeps it (Graph's event shape, the fields PeerCircle writes). */
export interface StandInEvent {
  id: string;
  organizerId: string;
  transactionId?: string;
  subject?: string;
  body?: { contentType: string; content: string };
  start?: { dateTime: string; timeZone: string };
  end?: { dateTime: string; timeZone: string };
  attendees?: { emailAddress: { address: string; name?: string }; type: string }[];
  isOnlineMeeting?: boolean;
  onlineMeetingProvider?: string;
  onlineMeeting: { joinUrl: string } | null;
  recurrence?: unknown;
  isCancelled: boolean;
  cancellationComment?: string;
}

export interface GraphStandInOptions extends Partial<GraphStandInSwitches> {
  org: OrgDirectoryFixture;
  /** Seed of the pseudo-random choice of throttled and failing requests (repeatable runs). */
  seed?: number;
  host?: string;
  port?: number;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const USER_FIELDS = [
  "id",
  "displayName",
  "givenName",
  "surname",
  "mail",
  "userPrincipalName",
  "jobTitle",
  "department",
  "officeLocation",
  "preferredLanguage",
] as const;
/** What Graph returns for a user without `$select` (v1.0 default set: no department). */
const DEFAULT_FIELDS: readonly string[] = USER_FIELDS.filter(
  (field) => field !== "department",
); /** Graph's `$batch` limit (https://learn.microsoft.com/graph/json-batching). */
const MAX_BATCH_REQUESTS = 20;

const graphError = (status: number, code: string, message: string, headers?: Record<string, string>) => ({
  status,
  ...(headers ? { headers } : {}),
  body: {
    error: { code, message, innerError: { "request-id": randomUUID(), date: new Date().toISOString() } },
  },
});

const encodeToken = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const decodeToken = <T>(token: string): T | undefined => {
  try {
    return JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as T;
  } catch {
    return undefined;
  }
};

/**
 * A local HTTP server that answers like Microsoft Graph v1.0 for the synthetic organisation
 * (fixtures/org-directory.json): users with `$select`, `$filter` (`id in (...)`, `startswith`),
 * `$search`, `$top` and `@odata.nextLink` paging, `/users/{id}`, `$expand=manager`,
 * `/users/{id}/manager`, `/users/delta`, `/$batch`, and events (create, update, cancel) kept in
 * memory for tests to inspect. Any bearer token is accepted; none at all answers 401.
 * Used by tests, benchmarks and `npm start`; the app reaches it through the real Graph client.
 */
export class GraphStandIn {
  readonly seen: SeenRequest[] = [];
  readonly events = new Map<string, StandInEvent>();
  private switches: GraphStandInSwitches;
  private readonly random: () => number;
  private readonly users: Map<string, DirectoryUser & { version: number; removed?: boolean }>;
  private version = 1;
  private origin = "";

  private constructor(
    private readonly server: Server,
    options: GraphStandInOptions,
  ) {
    this.switches = {
      latencyMs: options.latencyMs ?? 0,
      throttleRate: options.throttleRate ?? 0,
      retryAfterSeconds: options.retryAfterSeconds ?? 1,
      serverErrorRate: options.serverErrorRate ?? 0,
      serverErrorStatus: options.serverErrorStatus ?? 503,
      down: options.down ?? false,
    };
    this.random = mulberry32(options.seed ?? 20_240_601);
    this.users = new Map(options.org.users.map((u) => [u.id.toLowerCase(), { ...u, version: 1 }]));
  }

  /** Starts listening (a free port on 127.0.0.1 unless told otherwise). */
  static async start(options: GraphStandInOptions): Promise<GraphStandIn> {
    const server = createServer();
    const standIn = new GraphStandIn(server, options);
    server.on("request", (req, res) => void standIn.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    standIn.origin = `http://${options.host ?? "127.0.0.1"}:${port}`;
    return standIn;
  }

  /** The base URL to give the Graph client (the version segment is added by the client). */
  get url(): string {
    return `${this.origin}/`;
  }

  setSwitches(switches: Partial<GraphStandInSwitches>): void {
    this.switches = { ...this.switches, ...switches };
  }

  get currentSwitches(): GraphStandInSwitches {
    return { ...this.switches };
  }

  /** Forgets the requests seen so far. */
  clearSeen(): void {
    this.seen.length = 0;
  }

  /** Changes a person in the directory (as an admin would), so `/users/delta` reports it. */
  changeUser(id: string, change: Partial<DirectoryUser>): void {
    const user = this.users.get(id.toLowerCase());
    if (!user) throw new Error(`no user ${id}`);
    Object.assign(user, change, { version: ++this.version });
  }

  /** Deletes a person from the directory; `/users/delta` reports them `@removed`. */
  removeUser(id: string): void {
    const user = this.users.get(id.toLowerCase());
    if (user) Object.assign(user, { removed: true, version: ++this.version });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.origin);

    if (url.pathname.startsWith("/_standin/")) {
      this.control(req.method ?? "GET", url.pathname, text, res);
      return;
    }
    if (this.switches.down) {
      req.socket.destroy();
      return;
    }
    if (this.switches.latencyMs > 0) await new Promise((r) => setTimeout(r, this.switches.latencyMs));

    let answer: Answer;
    const path = url.pathname.replace(/^\/v1\.0/, "") + url.search;
    if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) {
      answer = graphError(401, "InvalidAuthenticationToken", "Access token is empty.");
    } else {
      answer =
        this.misbehaviour() ??
        (url.pathname === "/v1.0/$batch" && req.method === "POST"
          ? this.batch(text)
          : this.route(req.method ?? "GET", path, text, req.headers));
    }
    this.seen.push({ method: req.method ?? "GET", url: path, inner: false, status: answer.status });
    res.writeHead(answer.status, {
      ...(answer.body !== undefined ? { "content-type": "application/json; odata.metadata=minimal" } : {}),
      "request-id": randomUUID(),
      ...answer.headers,
    });
    res.end(answer.body !== undefined ? JSON.stringify(answer.body) : undefined);
  }

  private control(method: string, pathname: string, text: string, res: ServerResponse): void {
    const [status, body] = this.controlAnswer(method, pathname, text);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private controlAnswer(method: string, pathname: string, text: string): [number, unknown] {
    if (pathname === "/_standin/switches" && method === "POST") {
      this.setSwitches(JSON.parse(text || "{}") as Partial<GraphStandInSwitches>);
      return [200, this.switches];
    }
    if (pathname === "/_standin/switches") return [200, this.switches];
    if (pathname === "/_standin/requests" && method === "DELETE") {
      this.clearSeen();
      return [200, { cleared: true }];
    }
    if (pathname === "/_standin/requests") return [200, this.seen];
    if (pathname === "/_standin/events") return [200, [...this.events.values()]];
    return [404, { error: "unknown control endpoint" }];
  }

  /** A throttled or failed answer for this request, by the switches, or undefined. */
  private misbehaviour(): Answer | undefined {
    const { throttleRate, serverErrorRate, retryAfterSeconds, serverErrorStatus } = this.switches;
    if (throttleRate > 0 && this.random() < throttleRate) {
      return graphError(429, "TooManyRequests", "Too many requests.", {
        "retry-after": String(retryAfterSeconds),
      });
    }
    if (serverErrorRate > 0 && this.random() < serverErrorRate) {
      return graphError(
        serverErrorStatus,
        "serviceNotAvailable",
        "The service is temporarily unavailable.",
        serverErrorStatus === 503 ? { "retry-after": String(retryAfterSeconds) } : undefined,
      );
    }
    return undefined;
  }

  private batch(text: string): Answer {
    let payload: {
      requests?: {
        id: string;
        method: string;
        url: string;
        body?: unknown;
        headers?: Record<string, string>;
      }[];
    };
    try {
      payload = JSON.parse(text);
    } catch {
      return graphError(400, "BadRequest", "Invalid batch payload.");
    }
    const requests = payload.requests ?? [];
    if (requests.length === 0 || requests.length > MAX_BATCH_REQUESTS) {
      return graphError(400, "BadRequest", `A batch holds 1 to ${MAX_BATCH_REQUESTS} requests.`);
    }
    const responses = requests.map((inner) => {
      const path = inner.url.startsWith("/") ? inner.url : `/${inner.url}`;
      const answer =
        this.misbehaviour() ??
        this.route(
          inner.method,
          path,
          inner.body === undefined ? "" : JSON.stringify(inner.body),
          inner.headers ?? {},
        );
      this.seen.push({ method: inner.method, url: path, inner: true, status: answer.status });
      return {
        id: inner.id,
        status: answer.status,
        headers: { "Content-Type": "application/json", ...answer.headers },
        body: answer.body ?? null,
      };
    });
    return { status: 200, body: { responses } };
  }

  private route(method: string, path: string, text: string, headers: Record<string, unknown>): Answer {
    const url = new URL(path, this.origin);
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const q = url.searchParams;
    if (parts[0] !== "users")
      return graphError(400, "BadRequest", `Resource not found for the segment '${parts[0]}'.`);
    if (method === "GET" && parts.length === 1) return this.listUsers(q, headers);
    if (method === "GET" && parts.length === 2 && parts[1] === "delta") return this.delta(q);
    const user = this.users.get((parts[1] ?? "").toLowerCase());
    const missing = () =>
      graphError(
        404,
        "Request_ResourceNotFound",
        `Resource '${parts[1]}' does not exist or one of its queried reference-property objects are not present.`,
      );
    if (!user || user.removed) return missing();
    if (method === "GET" && parts.length === 2) {
      const shaped = this.shape(user, q.get("$select"));
      if (/^manager(\(|$)/.test(q.get("$expand") ?? "")) {
        const manager = user.managerId ? this.users.get(user.managerId.toLowerCase()) : undefined;
        if (manager) shaped.manager = { "@odata.type": "#microsoft.graph.user", id: manager.id };
      }
      return {
        status: 200,
        body: { "@odata.context": `${this.origin}/v1.0/$metadata#users/$entity`, ...shaped },
      };
    }
    if (method === "GET" && parts.length === 3 && parts[2] === "manager") {
      const manager = user.managerId ? this.users.get(user.managerId.toLowerCase()) : undefined;
      if (!manager || manager.removed) return missing();
      return {
        status: 200,
        body: { "@odata.type": "#microsoft.graph.user", ...this.shape(manager, q.get("$select")) },
      };
    }
    if (parts[2] === "events") return this.eventRoute(method, user, parts.slice(3), text);
    return graphError(400, "BadRequest", `Unsupported request ${method} ${url.pathname}.`);
  }

  private shape(user: DirectoryUser, select: string | null): Record<string, unknown> {
    const fields = select ? select.split(",").map((f) => f.trim()) : DEFAULT_FIELDS;
    const shaped: Record<string, unknown> = {};
    for (const field of fields) {
      if ((USER_FIELDS as readonly string[]).includes(field))
        shaped[field] = user[field as keyof DirectoryUser] ?? null;
    }
    return shaped;
  }

  private listUsers(q: URLSearchParams, headers: Record<string, unknown>): Answer {
    let users = [...this.users.values()].filter((u) => !u.removed);
    const filter = q.get("$filter");
    if (filter) {
      const matchers = filter.split(/\s+or\s+/i).map((clause) => this.filterClause(clause.trim()));
      if (matchers.some((m) => m === undefined)) {
        return graphError(400, "Request_UnsupportedQuery", `Unsupported query: ${filter}`);
      }
      users = users.filter((u) => matchers.some((m) => m?.(u)));
    }
    const search = q.get("$search");
    if (search) {
      if (String(headers.consistencylevel ?? headers.ConsistencyLevel ?? "").toLowerCase() !== "eventual") {
        return graphError(
          400,
          "Request_UnsupportedQuery",
          "$search needs the ConsistencyLevel: eventual header.",
        );
      }
      const terms = [...search.matchAll(/"(\w+):([^"]*)"/g)].map((m) => ({
        field: m[1] as keyof DirectoryUser,
        value: (m[2] ?? "").toLowerCase(),
      }));
      // Graph's $search matches the start of any word of the property.
      users = users.filter((u) =>
        terms.some((t) =>
          String(u[t.field] ?? "")
            .toLowerCase()
            .split(/[\s.@_-]+/)
            .some((word) => word.startsWith(t.value)),
        ),
      );
    }
    const top = Math.min(Number(q.get("$top") ?? 100) || 100, 999);
    const skip = Number(q.get("$skiptoken") ?? 0) || 0;
    const page = users.slice(skip, skip + top);
    const body: Record<string, unknown> = {
      "@odata.context": `${this.origin}/v1.0/$metadata#users`,
      value: page.map((u) => this.shape(u, q.get("$select"))),
    };
    if (skip + top < users.length) {
      const next = new URLSearchParams(q);
      next.set("$skiptoken", String(skip + top));
      body["@odata.nextLink"] = `${this.origin}/v1.0/users?${next.toString()}`;
    }
    return { status: 200, body };
  }

  /** One clause of a `$filter`: `id in ('a','b')`, `startswith(displayName,'x')`, `id eq 'a'`. */
  private filterClause(clause: string): ((u: DirectoryUser) => boolean) | undefined {
    const inList = /^id in \((.*)\)$/i.exec(clause);
    if (inList) {
      const ids = [...(inList[1] ?? "").matchAll(/'([^']*)'/g)].map((m) => (m[1] ?? "").toLowerCase());
      // Graph allows at most 15 values in an `in` list on directory objects.
      if (ids.length > 15) return undefined;
      return (u) => ids.includes(u.id.toLowerCase());
    }
    const eq = /^id eq '([^']*)'$/i.exec(clause);
    if (eq) return (u) => u.id.toLowerCase() === (eq[1] ?? "").toLowerCase();
    const starts = /^startswith\((displayName|mail|userPrincipalName),\s*'((?:[^']|'')*)'\)$/i.exec(clause);
    if (starts) {
      const field = starts[1] as "displayName" | "mail" | "userPrincipalName";
      const value = (starts[2] ?? "").replace(/''/g, "'").toLowerCase();
      return (u) =>
        String(u[field] ?? "")
          .toLowerCase()
          .startsWith(value);
    }
    return undefined;
  }

  /**
   * `/users/delta`: the first round pages through everyone and ends with an `@odata.deltaLink`;
   * following it later returns only who changed (or `@removed`) since.
   */
  private delta(q: URLSearchParams): Answer {
    const token = q.get("$deltatoken") ?? q.get("$skiptoken");
    const state = token
      ? decodeToken<{ since: number; upTo: number; skip: number; select: string | null }>(token)
      : { since: 0, upTo: this.version, skip: 0, select: q.get("$select") };
    if (!state) return graphError(400, "Request_InvalidDeltaToken", "The delta token is not valid.");
    const upTo = q.has("$deltatoken") ? this.version : state.upTo;
    const changed = [...this.users.values()]
      .filter((u) => u.version > state.since && u.version <= upTo && (state.since > 0 || !u.removed))
      .sort((a, b) => a.id.localeCompare(b.id));
    const pageSize = 200;
    const skip = q.has("$deltatoken") ? 0 : state.skip;
    const page = changed.slice(skip, skip + pageSize);
    const selectManager = (state.select ?? "").split(",").includes("manager");
    const value = page.map((u) => {
      if (u.removed) return { id: u.id, "@removed": { reason: "changed" } };
      const shaped = this.shape(u, state.select);
      if (selectManager) {
        shaped["manager@delta"] = u.managerId
          ? [{ "@odata.type": "#microsoft.graph.user", id: u.managerId }]
          : [];
      }
      return shaped;
    });
    const body: Record<string, unknown> = { "@odata.context": `${this.origin}/v1.0/$metadata#users`, value };
    if (skip + pageSize < changed.length) {
      body["@odata.nextLink"] =
        `${this.origin}/v1.0/users/delta?$skiptoken=${encodeToken({ ...state, upTo, skip: skip + pageSize })}`;
    } else {
      body["@odata.deltaLink"] =
        `${this.origin}/v1.0/users/delta?$deltatoken=${encodeToken({ since: upTo, upTo, skip: 0, select: state.select })}`;
    }
    return { status: 200, body };
  }

  private eventRoute(method: string, organizer: DirectoryUser, rest: string[], text: string): Answer {
    const body = text ? (JSON.parse(text) as Partial<StandInEvent>) : {};
    if (method === "POST" && rest.length === 0) {
      if (!body.subject || !body.start || !body.end) {
        return graphError(400, "ErrorInvalidRequest", "An event needs a subject, start and end.");
      }
      const existing = body.transactionId
        ? [...this.events.values()].find((e) => e.transactionId === body.transactionId)
        : undefined;
      if (existing) return { status: 201, body: existing };
      const id = `AAMk${randomUUID().replace(/-/g, "")}`;
      const event: StandInEvent = {
        ...body,
        id,
        organizerId: organizer.id,
        isCancelled: false,
        onlineMeeting: body.isOnlineMeeting
          ? {
              joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomUUID().replace(/-/g, "")}%40thread.v2/0`,
            }
          : null,
      };
      this.events.set(id, event);
      return { status: 201, body: event };
    }
    const event = rest[0] ? this.events.get(rest[0]) : undefined;
    if (!event || event.organizerId !== organizer.id) {
      return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }
    if (method === "GET" && rest.length === 1) return { status: 200, body: event };
    if (method === "PATCH" && rest.length === 1) {
      const { id: _id, organizerId: _o, onlineMeeting: _m, ...change } = body;
      Object.assign(event, change);
      if (event.isOnlineMeeting && !event.onlineMeeting) {
        event.onlineMeeting = { joinUrl: `https://teams.microsoft.com/l/meetup-join/${randomUUID()}` };
      }
      return { status: 200, body: event };
    }
    if (method === "POST" && rest[1] === "cancel") {
      if (event.isCancelled) return graphError(400, "ErrorItemNotFound", "The event was already cancelled.");
      event.isCancelled = true;
      const comment = (body as { comment?: string }).comment;
      if (comment) event.cancellationComment = comment;
      return { status: 202 };
    }
    return graphError(405, "MethodNotAllowed", `Unsupported ${method} on an event.`);
  }
}
