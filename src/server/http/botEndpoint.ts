import type { Application as BotApplication, TeamsAdapter, TurnState } from "@microsoft/teams-ai";
import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "../../observability/logger.js";
import type { AppMode } from "../config.js";
import { activityRequestProblem, boundComposeQuery } from "./botActivityRequest.js";
import { sendError } from "./httpErrors.js";

/**
 * What botbuilder writes as its answer, held back so that we decide what the caller sees:
 * botbuilder answers some authentication failures with 500 and its own error text, and a turn
 * that fails with the raw error (e.g. `ECONNREFUSED 127.0.0.1:…`).
 */
class HeldBotResponse {
  statusCode = 200;
  body: unknown;
  readonly headers: Record<string, string> = {};

  /** botbuilder's Response type names the socket; it writes through the methods below only. */
  constructor(readonly socket: unknown) {}

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  header(name: string, value: unknown): this {
    this.headers[name] = String(value);
    return this;
  }
  send(body?: unknown): this {
    this.body = body;
    return this;
  }
  end(): this {
    return this;
  }
}

/** A failure to reach the Bot Connector (network error or an error status from it). */
function isDeliveryFailure(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown; statusCode?: unknown } | undefined;
  return (
    e?.name === "RestError" ||
    typeof e?.statusCode === "number" ||
    (typeof e?.code === "string" && /^E[A-Z]+$/.test(e.code))
  );
}

/**
 * The bot endpoint: the body is checked before botbuilder sees it (400), botbuilder authenticates
 * and runs the turn, and the answer is one of ours: every authentication failure a 401 and no
 * raw error text in any answer.
 */
export function botEndpoint(deps: {
  adapter: TeamsAdapter;
  bot: BotApplication<TurnState>;
  logger: Logger;
  mode: AppMode;
}): RequestHandler {
  return async (req: Request, res: Response) => {
    const problem = activityRequestProblem(req.body, deps.mode);
    if (problem) return sendError(res, 400, "invalid_activity", problem);

    boundComposeQuery(req.body);
    const held = new HeldBotResponse(res.socket);
    let turnStarted = false;
    let turnFailure: unknown;
    await deps.adapter.process(req, held, async (context) => {
      // botbuilder calls this only once the request is authenticated.
      turnStarted = true;
      try {
        await deps.bot.run(context);
      } catch (error) {
        turnFailure = error;
        throw error;
      }
    });

    const activity = req.body as { type: string; conversation: { id: string } };
    const ids = { activityType: activity.type, conversationId: activity.conversation.id };
    if (!turnStarted && held.statusCode >= 400) {
      // Before the turn, only authentication can fail: a missing or forged token, a foreign key,
      // a wrong algorithm, `nbf` ahead; botbuilder throws some of them as plain errors (500).
      deps.logger.warn("bot request refused", { ...ids, status: held.statusCode, reason: held.body });
      return sendError(
        res,
        401,
        "unauthenticated",
        "The request does not carry a valid Bot Framework token.",
      );
    }
    if (turnFailure !== undefined) {
      deps.logger.error("bot turn failed", { ...ids, error: turnFailure });
      return isDeliveryFailure(turnFailure)
        ? sendError(
            res,
            502,
            "connector_unreachable",
            "The reply could not be delivered to the conversation.",
          )
        : sendError(res, 500, "internal", "Something went wrong on our side. Please try again in a moment.");
    }
    for (const [name, value] of Object.entries(held.headers)) res.setHeader(name, value);
    res.status(held.statusCode);
    if (held.body === undefined) return res.end();
    return typeof held.body === "string" ? res.send(held.body) : res.json(held.body);
  };
}
