import type { ErrorRequestHandler, Response } from "express";
import {
  ConcurrencyError,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  StorageUnavailableError,
  UnavailableError,
  ValidationError,
} from "../../domain/errors.js";
import type { Logger } from "../../observability/logger.js";

/** The JSON body of every error the API answers: a code for programs, a message for people. */
export interface ErrorBody {
  error: { code: string; message: string; issues?: { field: string; message: string }[] };
}

export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  extra: object = {},
): void {
  res.status(status).json({ error: { code, message, ...extra } } satisfies ErrorBody);
}

const STATUS_BY_ERROR: [new (...args: never[]) => DomainError, number][] = [
  [ValidationError, 400],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [ConcurrencyError, 412],
  [UnavailableError, 503],
  [StorageUnavailableError, 503],
];

/**
 * Seconds a client should wait before repeating a call that storage did not answer: storage that
 * restarts or fails over is usually back within seconds, and the tab retries after this.
 */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/** Turns domain errors into friendly answers and anything else into a logged 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof DomainError) {
      const status = STATUS_BY_ERROR.find(([type]) => error instanceof type)?.[1] ?? 400;
      if (error instanceof StorageUnavailableError) {
        // Logged once per request, so an outage shows in the logs without a stack per call.
        logger.warn("storage unavailable", {
          method: req.method,
          path: req.path,
          cause: String(error.cause),
        });
        res.set("Retry-After", String(STORAGE_RETRY_AFTER_SECONDS));
      }
      const extra =
        error instanceof ValidationError && error.issues.length > 0 ? { issues: error.issues } : {};
      return sendError(res, status, error.code, error.message, extra);
    }
    // body-parser errors carry a status: an oversized or malformed body is the caller's fault.
    const status = typeof error?.status === "number" ? error.status : 500;
    if (status === 413) return sendError(res, 413, "too_large", "That request is too large.");
    if (status >= 400 && status < 500)
      return sendError(res, status, "bad_request", "That request is not valid JSON.");
    logger.error("request failed", {
      method: req.method,
      path: req.path,
      error: String(error?.message ?? error),
    });
    return sendError(res, 500, "internal", "Something went wrong on our side. Please try again in a moment.");
  };
}
