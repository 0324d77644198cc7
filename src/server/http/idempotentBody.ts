import { randomUUID } from "node:crypto";
import type { Request } from "express";
import { z } from "zod";
import { parseInput } from "../../domain/validation.js";

/** An action's idempotency key: the tab makes one per click, so a retried request applies once. */
export const withRequestId = z.object({ requestId: z.string().min(1).max(200).optional() }).passthrough();

/**
 * A request's body and its idempotency key (`requestId`, taken out of the body): a caller that
 * sends none gets a fresh one, so its request simply applies once.
 */
export function idempotentBody(req: Request): { requestId: string; input: Record<string, unknown> } {
  const { requestId, ...input } = parseInput(withRequestId, req.body ?? {});
  return { requestId: requestId ?? randomUUID(), input };
}
