import {
  Client,
  type Context,
  HTTPMessageHandler,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
} from "@microsoft/microsoft-graph-client";
import { NotFoundError, UnavailableError } from "../domain/errors.js";
import type { GraphTokenSource } from "./graphCredentials.js";

/** Microsoft Graph's public endpoint; production refuses any other unless explicitly allowed. */
export const GRAPH_PUBLIC_BASE_URL = "https://graph.microsoft.com/";

/** Graph's `$batch` limit: at most 20 requests in one batch (https://learn.microsoft.com/graph/json-batching). */
export const MAX_BATCH_REQUESTS = 20;

export interface GraphClientOptions {
  /** Graph's root, e.g. `https://graph.microsoft.com/` (the `v1.0` segment is added). */
  baseUrl: string;
  tokens: GraphTokenSource;
  /** Retries of a throttled (429) or unavailable (503/504) request, after `Retry-After`. @default 3 */
  maxRetries?: number;
  /** Seconds to wait before a retry when the answer has no `Retry-After`. @default 1 */
  retryDelaySeconds?: number;
}

/** One request inside a `$batch`. */
export interface BatchStep {
  id: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One answer inside a `$batch`. */
export interface BatchAnswer {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Puts the tenant's app-only token on every request. The SDK's own AuthenticationHandler only
 * authenticates https Graph hosts; this one authenticates exactly the configured base URL (the
 * stand-in locally is plain http) and refuses to send a token anywhere else.
 */
class TenantAuthenticationHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly origin: string,
    private readonly tenantId: string,
    private readonly tokens: GraphTokenSource,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    if (new URL(url).origin !== this.origin) {
      throw new Error(
        `Refusing to send a Graph token to ${new URL(url).origin} (configured: ${this.origin}).`,
      );
    }
    const value = `Bearer ${await this.tokens.tokenFor(this.tenantId)}`;
    if (typeof context.request !== "string") context.request.headers.set("Authorization", value);
    else {
      context.options ??= {};
      const headers = context.options.headers;
      if (headers instanceof Headers) headers.set("Authorization", value);
      else
        context.options.headers = {
          ...(headers as Record<string, string> | undefined),
          Authorization: value,
        };
    }
    if (!this.next) throw new Error("TenantAuthenticationHandler must not be the last middleware.");
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * Microsoft Graph clients, one per customer tenant (app-only tokens are per tenant), each with the
 * SDK's middleware chain: authentication → retry (429/503/504 honouring `Retry-After`) →
 * telemetry → HTTP. The base URL comes from configuration: Graph in production, the stand-in
 * locally and in tests; nothing else differs.
 */
export class GraphClients {
  private readonly clients = new Map<string, Client>();
  private readonly origin: string;
  readonly baseUrl: string;

  constructor(private readonly options: GraphClientOptions) {
    this.baseUrl = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
    this.origin = new URL(this.baseUrl).origin;
  }

  /** The tenant's client (created once). */
  forTenant(tenantId: string): Client {
    let client = this.clients.get(tenantId);
    if (!client) {
      const auth = new TenantAuthenticationHandler(this.origin, tenantId, this.options.tokens);
      const retry = new RetryHandler(
        new RetryHandlerOptions(this.options.retryDelaySeconds ?? 1, this.options.maxRetries ?? 3),
      );
      const telemetry = new TelemetryHandler();
      const http = new HTTPMessageHandler();
      auth.setNext(retry);
      retry.setNext(telemetry);
      telemetry.setNext(http);
      client = Client.initWithMiddleware({
        baseUrl: this.baseUrl,
        defaultVersion: "v1.0",
        middleware: auth,
      });
      this.clients.set(tenantId, client);
    }
    return client;
  }

  /**
   * A `@odata.nextLink` / `@odata.deltaLink` as a path the client accepts (it takes absolute
   * URLs only over https). Links to another host are refused: the token must not go there.
   */
  relativeLink(link: string): string {
    const url = new URL(link);
    if (url.origin !== this.origin) throw new Error(`Graph returned a link to another host: ${url.origin}`);
    return `${url.pathname.replace(/^\/v1\.0/, "")}${url.search}`;
  }

  /**
   * Sends up to 20 requests as one `$batch`. The retry middleware covers the batch itself; an
   * inner 429/503/504 arrives inside a 200 and is NOT retried by the SDK, so those steps are sent
   * again here in a new batch after the longest `Retry-After` among them, up to `maxRounds`.
   * Answers that are still throttled after that are returned as they are.
   */
  async batch(tenantId: string, steps: BatchStep[], maxRounds = 5): Promise<Map<string, BatchAnswer>> {
    if (steps.length > MAX_BATCH_REQUESTS)
      throw new Error(`A $batch holds at most ${MAX_BATCH_REQUESTS} requests.`);
    const answers = new Map<string, BatchAnswer>();
    let pending = steps;
    for (let round = 1; pending.length > 0; round++) {
      const response = (await this.forTenant(tenantId)
        .api("/$batch")
        .post({
          requests: pending.map(({ body, headers, ...step }) => ({
            ...step,
            ...(body !== undefined
              ? { body, headers: { "Content-Type": "application/json", ...headers } }
              : {}),
            ...(body === undefined && headers ? { headers } : {}),
          })),
        })) as { responses?: BatchAnswer[] };
      const retry: BatchStep[] = [];
      let waitSeconds = 0;
      for (const answer of response.responses ?? []) {
        answers.set(answer.id, answer);
        if (isRetryable(answer.status) && round < maxRounds) {
          const step = pending.find((s) => s.id === answer.id);
          if (step) retry.push(step);
          waitSeconds = Math.max(waitSeconds, retryAfterSeconds(answer.headers) ?? round);
        }
      }
      pending = retry;
      if (pending.length > 0) await new Promise((r) => setTimeout(r, Math.min(waitSeconds, 60) * 1000));
    }
    return answers;
  }
}

/** Statuses Graph asks to retry after a while: throttled, unavailable, gateway timeout. */
export const isRetryable = (status: number) => status === 429 || status === 503 || status === 504;

/** The `Retry-After` of an answer inside a `$batch`, in seconds (number or HTTP date). */
export function retryAfterSeconds(headers: Record<string, string> | undefined): number | undefined {
  if (!headers) return undefined;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === "retry-after");
  if (!entry) return undefined;
  const seconds = Number(entry[1]);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(entry[1]);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000);
}

/** The HTTP status of a Graph SDK error (-1 or undefined when Graph was not reached at all). */
export function graphStatusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === "number" && status > 0 ? status : undefined;
}

/**
 * Translates a Graph failure into a domain error with a message people can act on. `what` says
 * what did not happen ("The Teams meeting was not scheduled"); ids for the logs stay in `cause`.
 */
export function toDomainError(error: unknown, what: string): Error {
  const status = graphStatusOf(error);
  if (status === 404)
    return new NotFoundError(`${what}: Microsoft Graph does not know it (it may have been deleted).`);
  if (status === 401 || status === 403) {
    return new UnavailableError(
      `${what}: PeerCircle is not allowed to do this in your organisation. An admin needs to grant its Microsoft Graph permissions (see the admin guide).`,
      { cause: error },
    );
  }
  if (status === 429) {
    return new UnavailableError(`${what}: Microsoft 365 is busy right now. Please try again in a minute.`, {
      cause: error,
    });
  }
  if (status === undefined || status >= 500) {
    return new UnavailableError(
      `${what}: Microsoft 365 cannot be reached right now. Please try again later.`,
      {
        cause: error,
      },
    );
  }
  return new UnavailableError(`${what}: Microsoft Graph refused the request (${status}).`, { cause: error });
}
