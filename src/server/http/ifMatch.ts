import type { NextFunction, Request, Response } from "express";
import { sendError } from "./httpErrors.js";

/**
 * Changes must say which version they were made from (`If-Match: <etag>`), so a stale edit fails
 * with 412 instead of silently overwriting someone else's (RFC 9110 §13.1.1; 428 per RFC 6585).
 */
export function requireIfMatch(req: Request, res: Response, next: NextFunction): void {
  if (!req.get("If-Match")) {
    sendError(res, 428, "etag_required", "Send If-Match with the version you edited.");
    return;
  }
  next();
}
