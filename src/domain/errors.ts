/**
 * Domain errors. Adapters translate SDK failures into these at the edge (a Tables 412 becomes a
 * {@link ConcurrencyError}); the HTTP layer and the bot turn them into friendly answers.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** The base of a domain error: its code, the one thing the HTTP layer and the bot tell it apart by. */
function withCode<C extends string>(code: C) {
  return class extends DomainError {
    readonly code = code;
  };
}

/** The thing asked for does not exist, or the caller may not know it exists. */
export class NotFoundError extends withCode("not_found") {}

/** The caller is known but may not do this. */
export class ForbiddenError extends withCode("forbidden") {}

/** Input does not satisfy the rules; `issues` says what to fix, field by field. */
export class ValidationError extends withCode("invalid_input") {
  constructor(
    message: string,
    readonly issues: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** Someone else changed the thing since it was read (a stale ETag). Reload and try again. */
export class ConcurrencyError extends withCode("concurrency_conflict") {}

/** The thing already exists (a duplicate create). */
export class ConflictError extends withCode("conflict") {}

/**
 * A service PeerCircle depends on (Microsoft Graph) is unavailable or throttling. What the person
 * did is kept; the message says what did not happen and that it can be retried.
 */
export class UnavailableError extends withCode("unavailable") {}

/**
 * Storage (Azure Tables) does not answer: refused, reset, timed out, or a 5xx from the service
 * after the short retries. Nothing is known to have happened; the same call can be repeated once
 * storage is back (the HTTP API answers 503 with Retry-After). Kept apart from input errors:
 * code that catches a {@link DomainError} to show a form again must let this one through, or
 * work that should be retried would be dropped as if it were refused.
 */
export class StorageUnavailableError extends withCode("storage_unavailable") {
  constructor(
    message = "PeerCircle's storage is not answering; try again in a moment.",
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Refuses a change made from another version than the latest (`current`'s): someone else changed
 * `what` ("this session") meanwhile, and their change is never overwritten unseen.
 */
export function requireLatest(current: { etag: string }, etag: string, what: string): void {
  if (current.etag !== etag)
    throw new ConcurrencyError(`Someone else changed ${what} meanwhile. Reload it and try again.`);
}

/** What a look-up found, or a NotFoundError saying so in the words of the caller. */
export function orNotFound<T>(value: T | undefined | null, message: string): T {
  if (value === undefined || value === null) throw new NotFoundError(message);
  return value;
}
