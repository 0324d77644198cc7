import { Router } from "express";
import { z } from "zod";
import { CSV_TABLES, insightsCsv } from "../../domain/insights/insightsCsv.js";
import type { InsightsService } from "../../domain/insights/insightsService.js";
import { beforeAfter } from "../../domain/insights/participationByWeek.js";
import type { SessionService } from "../../domain/sessions/sessionService.js";
import { parseInput } from "../../domain/validation.js";
import { callerOf } from "../http/requireCaller.js";

const insightsQuery = z.object({
  window: z.coerce.number().int().default(90),
  /** Before / after: a day (YYYY-MM-DD) to compare the weeks around. */
  pivot: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD")
    .optional(),
  /** Or a session (series): the weeks around its first occurrence. */
  series: z.string().min(1).max(200).optional(),
});
const csvQuery = z.object({
  window: z.coerce.number().int().default(90),
  table: z.enum(CSV_TABLES).default("people"),
  deidentified: z.enum(["true", "false"]).default("false"),
});

/**
 * Network insights for stewards: the stored report of a window (one read; `computing` while the
 * first computation runs) with before / after around a day, and the same as CSV; and a member's
 * own ties for My learning.
 */
export function insightsRoutes(insights: InsightsService, sessions?: Pick<SessionService, "get">): Router {
  const router = Router();

  router.get("/communities/:communityId/insights", async (req, res) => {
    const query = parseInput(insightsQuery, req.query);
    const { window, series } = query;
    // A series' pivot is the day it started (its first occurrence), in UTC as the weeks are.
    const pivot =
      query.pivot ??
      (series && sessions
        ? (await sessions.get(callerOf(res), req.params.communityId, series)).startsAt.slice(0, 10)
        : undefined);
    if (!pivot) {
      res
        .type("application/json")
        .send(await insights.insightsJson(callerOf(res), req.params.communityId, window));
      return;
    }
    const answer = await insights.insights(callerOf(res), req.params.communityId, window);
    res.json(
      answer.status === "ready"
        ? { ...answer, beforeAfter: beforeAfter(answer.report.weekly, pivot) }
        : answer,
    );
  });

  // A member's own ties (My learning): theirs only, in the communities they belong to.
  router.get("/me/ties", async (_req, res) => {
    res.json(await insights.myTies(callerOf(res)));
  });

  router.get("/communities/:communityId/insights/export.csv", async (req, res) => {
    const { window, table, deidentified } = parseInput(csvQuery, req.query);
    const answer = await insights.insights(callerOf(res), req.params.communityId, window);
    if (answer.status !== "ready") {
      res.status(409).json({
        error: "computing",
        message: "The insights are being computed for the first time; try again in a moment.",
      });
      return;
    }
    const csv = insightsCsv(answer.report, table, deidentified === "true");
    const filename = `insights-${window}d-${table}${deidentified === "true" ? "-deidentified" : ""}.csv`;
    res
      .type("text/csv; charset=utf-8")
      .setHeader("Content-Disposition", `attachment; filename="${filename}"`)
      .send(csv);
  });

  return router;
}
