import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import type { AppConfig } from "../config.js";
import { sendError } from "./httpErrors.js";
import { callerOf } from "./requireCaller.js";

/**
 * The tab API's per-person rate limit (`express-rate-limit`, in-memory, so per instance): keyed by
 * tenant and user, after {@link requireCaller} has established them, so one person's runaway tab
 * or script slows only that person. Over the limit: 429 with `Retry-After` in seconds.
 */
export function personRateLimit(limit: AppConfig["tabApiRateLimit"]): RequestHandler {
  if (limit.requests === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: limit.windowMs,
    limit: limit.requests,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    // The key is the signed-in person, never the client address, so the library's checks of how
    // the address is derived behind App Service's proxy do not apply (and would only log).
    validate: { trustProxy: false, xForwardedForHeader: false },
    keyGenerator: (_req, res) => {
      const caller = callerOf(res);
      return `${caller.tenantId}/${caller.userId}`;
    },
    handler: (req, res) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : 60;
      res.setHeader("Retry-After", String(seconds));
      sendError(
        res,
        429,
        "too_many_requests",
        `That is more requests than PeerCircle takes from one person at a time. Try again in ${seconds} seconds.`,
      );
    },
  });
}
