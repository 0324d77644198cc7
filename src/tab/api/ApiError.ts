/** One field the server rejected, as `error.issues` lists them (`field` is the input's path, such as `title`). */
export interface ApiFieldIssue {
  field: string;
  message: string;
}

/**
 * A failed call to PeerCircle's HTTP API. `status` is the HTTP status (0 when the server could not
 * be reached) and `code` the server's machine-readable error code, so pages can choose what to tell
 * people without parsing messages. `issues` carries the server's per-field validation messages.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiFieldIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Narrows an unknown rejection to an {@link ApiError}, wrapping anything else as a status-0 error. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, "unexpected", error instanceof Error ? error.message : String(error));
}
