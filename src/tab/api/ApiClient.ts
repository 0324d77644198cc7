import { ApiError, type ApiFieldIssue } from "./ApiError.js";

/** The HTTP methods the tab's API uses. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Per-request options of {@link ApiClient.request}. */
export interface ApiRequestOptions {
  /** Extra headers, such as `If-Match` for an edit made from a known version. */
  headers?: Record<string, string>;
  /** Cancels the request (TanStack Query passes one, so a superseded search stops downloading). */
  signal?: AbortSignal;
}

/** Calls PeerCircle's HTTP API as the signed-in Teams user. */
export interface ApiClient {
  /** Sends a JSON request and resolves with the parsed JSON body; rejects with {@link ApiError}. */
  request<T>(method: HttpMethod, path: string, body?: unknown, options?: ApiRequestOptions): Promise<T>;
}

/** What {@link createApiClient} needs. */
export interface ApiClientOptions {
  /** Returns a bearer token for the API (in Teams: the tab SSO token). */
  getToken: () => Promise<string>;
  /** @default "" (same origin as the tab) */
  baseUrl?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Gives up on a request after this many milliseconds.
   * @default 20000 — Teams shows its own error when an app has not called `notifySuccess` within
   * 30 s, so a hanging request must turn into our error state (with Retry) before that.
   */
  timeoutMs?: number;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; issues?: unknown };
}

/** Creates an {@link ApiClient} that sends `Authorization: Bearer <token>` on every call. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? "";
  const timeoutMs = options.timeoutMs ?? 20_000;
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  return {
    async request<T>(
      method: HttpMethod,
      path: string,
      body?: unknown,
      requestOptions: ApiRequestOptions = {},
    ): Promise<T> {
      let token: string;
      try {
        token = await options.getToken();
      } catch (error) {
        throw new ApiError(401, "token_unavailable", error instanceof Error ? error.message : String(error));
      }

      const headers: Record<string, string> = {
        ...requestOptions.headers,
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
      };
      if (body !== undefined) headers["Content-Type"] = "application/json";

      let response: Response;
      try {
        response = await send(`${baseUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          signal: withTimeout(requestOptions.signal, timeoutMs),
        });
      } catch (error) {
        // A cancelled request is not a failure to report: rethrow it as it is for the caller's abort path.
        if (requestOptions.signal?.aborted) throw error;
        const timedOut = error instanceof DOMException && error.name === "TimeoutError";
        throw new ApiError(
          0,
          timedOut ? "timeout" : "network",
          error instanceof Error ? error.message : String(error),
        );
      }

      const payload: unknown =
        response.status === 204 ? undefined : await response.json().catch(() => undefined);
      if (!response.ok) throw errorFromResponse(response, payload);
      return payload as T;
    },
  };
}

/** The caller's signal combined with the timeout (`AbortSignal.any` is missing in Safari before 17.4). */
function withTimeout(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  if (!signal) return timeout;
  if (typeof AbortSignal.any === "function") return AbortSignal.any([signal, timeout]);
  return signal;
}

function errorFromResponse(response: Response, payload: unknown): ApiError {
  const error = (payload as ErrorBody | undefined)?.error;
  const code = typeof error?.code === "string" ? error.code : `http_${response.status}`;
  const message = typeof error?.message === "string" ? error.message : response.statusText;
  return new ApiError(response.status, code, message, issuesOf(error?.issues));
}

function issuesOf(value: unknown): ApiFieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (issue): issue is ApiFieldIssue =>
      typeof issue === "object" &&
      issue !== null &&
      typeof (issue as ApiFieldIssue).field === "string" &&
      typeof (issue as ApiFieldIssue).message === "string",
  );
}
