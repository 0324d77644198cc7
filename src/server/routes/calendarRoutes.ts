import { Router } from "express";
import { z } from "zod";
import type { SessionService } from "../../domain/sessions/sessionService.js";
import { parseInput } from "../../domain/validation.js";
import { requireIfMatch } from "../http/ifMatch.js";
import { callerOf } from "../http/requireCaller.js";

const rangeSchema = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, "Dates look like YYYY-MM-DD.")
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, "Dates look like YYYY-MM-DD.")
    .optional(),
});

const roleSchema = z.object({
  person: z.object({ id: z.string().min(1).max(100), displayName: z.string().min(1).max(200) }).nullable(),
});

type Params = { communityId: string; sessionId: string; role: string };

/** `/api/communities/:communityId/sessions`: the session calendar, RSVPs and roles. */
export function calendarRoutes(sessions: SessionService): Router {
  const router = Router({ mergeParams: true });

  router.get("/", async (req, res) => {
    const { communityId } = req.params as Params;
    const range = parseInput(rangeSchema, req.query);
    res.json({ items: await sessions.list(callerOf(res), communityId, range) });
  });

  router.post("/", async (req, res) => {
    const { communityId } = req.params as Params;
    const created = await sessions.create(callerOf(res), communityId, req.body);
    res.status(201).setHeader("ETag", created.etag).json(created);
  });

  router.get("/:sessionId", async (req, res) => {
    const { communityId, sessionId } = req.params as Params;
    const view = await sessions.get(callerOf(res), communityId, sessionId);
    res.setHeader("ETag", view.etag).json(view);
  });

  router.patch("/:sessionId", requireIfMatch, async (req, res) => {
    const { communityId, sessionId } = req.params as Params;
    const updated = await sessions.update(
      callerOf(res),
      communityId,
      sessionId,
      req.body,
      req.get("If-Match") ?? "",
    );
    res.setHeader("ETag", updated.etag).json(updated);
  });

  router.put("/:sessionId/rsvp", async (req, res) => {
    const { communityId, sessionId } = req.params as Params;
    res.json(await sessions.rsvp(callerOf(res), communityId, sessionId, req.body));
  });

  router.put("/:sessionId/roles/:role", async (req, res) => {
    const { communityId, sessionId, role } = req.params as Params;
    const { person } = parseInput(roleSchema, req.body);
    res.json(await sessions.assignRole(callerOf(res), communityId, sessionId, role, person ?? undefined));
  });

  return router;
}
