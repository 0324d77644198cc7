import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Caller } from "../../domain/identity.js";
import type { Logger } from "../../observability/logger.js";
import { TenantNotEnabledError, TokenRejectedError } from "../auth/tabTokenValidator.js";
import { sendError } from "./httpErrors.js";

/** The validated caller of a request, set by {@link requireCaller}. */
export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new Error("requireCaller must run before this handler");
  return caller;
}

/**
 * Answers 401 unless the request carries a valid tab token. Never throws into the route: a
 * rejected token is logged with its reason and answered with a generic message; a genuine token of
 * an organisation this deployment does not serve gets a 403 that says so (`tenant_not_enabled`).
 */
export function requireCaller(validate: (token: string) => Promise<Caller>, logger: Logger): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      return sendError(res, 401, "unauthenticated", "Sign in to Teams to use PeerCircle.");
    }
    try {
      res.locals.caller = await validate(match[1]);
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) return next(error);
      logger.warn("tab token rejected", { path: req.path, reason: error.reason });
      if (error instanceof TenantNotEnabledError) {
        return sendError(
          res,
          403,
          "tenant_not_enabled",
          "Your organisation has not enabled PeerCircle. Ask your Microsoft 365 administrator to enable it for your organisation.",
        );
      }
      return sendError(
        res,
        401,
        "unauthenticated",
        "Your sign-in could not be verified. Reload the tab and try again.",
      );
    }
    next();
  };
}
