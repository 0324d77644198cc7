import { RestError, type TableClient } from "@azure/data-tables";
import { ConcurrencyError, ConflictError, StorageUnavailableError } from "../domain/errors.js";

/** HTTP status of an Azure SDK error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}

/**
 * Translates Tables failures into domain errors at the edge: 412 (stale ETag) → ConcurrencyError,
 * 409 (entity exists) → ConflictError. Anything else is rethrown unchanged.
 */
export async function translateTableErrors<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    const status = statusOf(error);
    if (status === 412) throw new ConcurrencyError(`${what} was changed by someone else meanwhile.`);
    if (status === 409) throw new ConflictError(`${what} already exists.`);
    throw error;
  }
}

/** How long storage may take before a request counts as not answering. */
export interface StorageTimeouts {
  /** Per attempt, until the answer's headers arrive (an attempt that times out is not retried). */
  attemptMs: number;
  /** For the whole call, retries and their waits included (a service's Retry-After too). */
  callMs: number;
}

/**
 * Tables answers a point read or write in milliseconds and a query page within 5 s (it returns a
 * continuation token rather than take longer), so an attempt that has no answer after 5 s will
 * not get one soon; the person gets a 503 they can retry instead of a page that hangs.
 */
export const DEFAULT_STORAGE_TIMEOUTS: StorageTimeouts = { attemptMs: 5_000, callMs: 8_000 };

/**
 * Few, quick retries. The SDK's defaults (3–4 retries, exponential from 0.8–1 s) took 9–13 s
 * to give up on a storage that refused connections; these give up in under a second, long
 * enough to ride out a dropped keep-alive connection.
 */
export const STORAGE_RETRY_OPTIONS = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 };

/** Network failures that mean "storage is not there" (not "the request is wrong"). */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  RestError.REQUEST_SEND_ERROR,
]);

/** Service answers that mean "try again later": timeouts, internal errors, busy, gateway. */
function isUnavailableStatus(status: number | undefined): boolean {
  return status === 408 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** Whether a failure from the Tables pipeline means storage is unavailable. */
export function isStorageUnavailable(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true;
  if (error instanceof RestError)
    return (
      (error.code !== undefined && UNREACHABLE_CODES.has(error.code)) || isUnavailableStatus(error.statusCode)
    );
  // Our own deadlines abort the request; the SDK then throws an AbortError (not a RestError).
  return error instanceof Error && error.name === "AbortError";
}

type PipelinePolicy = Parameters<TableClient["pipeline"]["addPolicy"]>[0];

/**
 * A pipeline policy that runs outside the SDK's retries (no phase: after serialisation, before
 * deserialisation and retry): it gives every attempt a timeout and the whole call a deadline, and
 * turns whatever still fails for want of storage — refused, reset, timed out, a 5xx after the
 * retries — into one {@link StorageUnavailableError}. A 5xx of a transaction ($batch) comes back
 * as a response, not an error, so the status is checked too. Nothing is cached between calls:
 * once storage answers again, the next call simply succeeds.
 */
export function storageFaultPolicy(timeouts: StorageTimeouts = DEFAULT_STORAGE_TIMEOUTS): PipelinePolicy {
  return {
    name: "peercircleStorageFaults",
    async sendRequest(request, next) {
      const callerSignal = request.abortSignal;
      // A timer cleared when the call ends (AbortSignal.timeout's would linger for every call).
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), timeouts.callMs);
      request.abortSignal = callerSignal
        ? AbortSignal.any([callerSignal as AbortSignal, deadline.signal])
        : deadline.signal;
      request.timeout = timeouts.attemptMs;
      let response: Awaited<ReturnType<typeof next>>;
      try {
        response = await next(request);
      } catch (error) {
        // A caller that cancelled gets its own cancellation back.
        if (callerSignal?.aborted || !isStorageUnavailable(error)) throw error;
        throw new StorageUnavailableError(undefined, { cause: error });
      } finally {
        clearTimeout(timer);
        request.abortSignal = callerSignal;
      }
      if (isUnavailableStatus(response.status))
        throw new StorageUnavailableError(undefined, { cause: `Tables answered ${response.status}` });
      return response;
    },
  };
}
