import { Router } from "express";
import { z } from "zod";
import { withoutTenant } from "../../contract/answers.js";
import type { CommitmentAnswer, MyCommitmentsAnswer } from "../../contract/commitments.js";
import type { Commitment } from "../../domain/commitments/commitment.js";
import type { CommitmentService } from "../../domain/commitments/commitmentService.js";
import { parseInput } from "../../domain/validation.js";
import { requireIfMatch } from "../http/ifMatch.js";
import { callerOf } from "../http/requireCaller.js";

const idParam = z.string().trim().min(1).max(64);

/**
 * Commitments for the tab: the caller's own (My learning), their update (status, note, due; the
 * owner only, `If-Match` with the version they saw), and a community's follow-through rate (counts,
 * no names). Every call is scoped by the caller's tenant and person.
 */
export function commitmentRoutes(commitments: CommitmentService): Router {
  const router = Router();

  router.get("/me/commitments", async (_req, res) => {
    const items = await commitments.mine(callerOf(res));
    res.json({ items: items.map(commitmentDto) } satisfies MyCommitmentsAnswer);
  });

  router.patch("/me/commitments/:commitmentId", requireIfMatch, async (req, res) => {
    const id = parseInput(idParam, req.params.commitmentId);
    const updated = await commitments.update(callerOf(res), id, req.body, req.get("If-Match") ?? "");
    res.setHeader("ETag", updated.etag).json(commitmentDto(updated));
  });

  router.get("/communities/:communityId/follow-through", async (req, res) => {
    const window = {
      ...(typeof req.query.from === "string" ? { from: req.query.from } : {}),
      ...(typeof req.query.to === "string" ? { to: req.query.to } : {}),
    };
    res.json(await commitments.followThrough(callerOf(res), req.params.communityId ?? "", window));
  });

  return router;
}

/** A commitment as the contract answers it: without the tenant (the tab knows its own). */
export function commitmentDto(commitment: Commitment): CommitmentAnswer {
  return withoutTenant(commitment);
}
