import { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { SessionPageAnswer } from "../../contract/sessions.js";
import type { PeopleDirectory } from "../../domain/people/peopleDirectory.js";
import type { Session } from "../../domain/sessions/session.js";
import { sessionCalendarFile } from "../../domain/sessions/sessionCalendarFile.js";
import { calendarRangeSchema } from "../../domain/sessions/sessionSchemas.js";
import type { SessionService } from "../../domain/sessions/sessionService.js";
import { parseInput } from "../../domain/validation.js";
import { requireIfMatch } from "../http/ifMatch.js";
import { callerOf } from "../http/requireCaller.js";

const roleSchema = z.object({
  person: z.object({ id: z.string().min(1).max(100), displayName: z.string().min(1).max(200) }).nullable(),
});

type Params = { communityId: string; sessionId: string; role: string; occurrenceId: string };

/** What the calendar routes use beyond the session service. */
export interface CalendarRouteOptions {
  /** Organisers' mail addresses for the `.ics` ORGANIZER (left out when unknown). */
  directory?: PeopleDirectory;
  /** The app's public address, for links back to a session; the request's own origin else. */
  publicUrl?: string;
}

/**
 * `/api/communities/:communityId/sessions`: the session calendar (occurrences of series within a
 * range), RSVPs, roles and the rota, Teams meeting retries, reminder settings and `.ics` export.
 */
export function calendarRoutes(sessions: SessionService, options: CalendarRouteOptions = {}): Router {
  const router = Router({ mergeParams: true });
  // Every answer that carries a session says whether a Teams meeting can be scheduled: the tab
  // keeps the last answer it got (after an RSVP, the RSVP's), and its edit form offers the option.
  const withOptions = <T extends object>(view: T) => ({
    ...view,
    canScheduleMeetings: sessions.canScheduleMeetings,
  });

  router.get("/", async (req, res) => {
    const { communityId } = req.params as Params;
    const range = parseInput(calendarRangeSchema, req.query);
    const { items, truncated } = await sessions.listPage(callerOf(res), communityId, range);
    res.json({
      items,
      canScheduleMeetings: sessions.canScheduleMeetings,
      // The answer stops at MAX_LISTED (the soonest) or at its size: a shorter range shows the rest.
      ...(truncated ? { truncated: true as const } : {}),
    } satisfies SessionPageAnswer);
  });

  router.post("/", async (req, res) => {
    const { communityId } = req.params as Params;
    const created = await sessions.create(callerOf(res), communityId, req.body);
    res.status(201).setHeader("ETag", created.etag).json(withOptions(created));
  });

  router.get("/calendar.ics", async (req, res) => {
    const { communityId } = req.params as Params;
    await sendCalendar(req, res, await sessions.forExport(callerOf(res), communityId), "peercircle-sessions");
  });

  router.get("/rota", async (req, res) => {
    const { communityId } = req.params as Params;
    res.json(await sessions.rota(callerOf(res), communityId));
  });

  router.post("/rota/generate", async (req, res) => {
    const { communityId } = req.params as Params;
    res.json(await sessions.generateRota(callerOf(res), communityId));
  });

  router.put("/role-preferences/me", async (req, res) => {
    const { communityId } = req.params as Params;
    res.json(await sessions.setRolePreference(callerOf(res), communityId, req.body));
  });

  router.get("/reminder-settings", async (req, res) => {
    const { communityId } = req.params as Params;
    res.json(await sessions.reminderSettings(callerOf(res), communityId));
  });

  router.put("/reminder-settings", async (req, res) => {
    const { communityId } = req.params as Params;
    res.json(await sessions.setReminderSettings(callerOf(res), communityId, req.body));
  });

  router.get("/:sessionId", async (req, res) => {
    const { communityId, sessionId } = req.params as Params;
    const view = await sessions.get(callerOf(res), communityId, sessionId);
    res.setHeader("ETag", view.etag).json(withOptions(view));
  });

  router.get("/:sessionId/calendar.ics", async (req, res) => {
    const { communityId, sessionId } = req.params as Params;
    const [session] = await sessions.forExport(callerOf(res), communityId, sessionId);
    await sendCalendar(req, res, session ? [session] : [], `peercircle-${sessionId}`);
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
    res.setHeader("ETag", updated.etag).json(withOptions(updated));
  });

  router.post("/:sessionId/meeting/retry", async (req, res) => {
    const { communityId, sessionId } = req.params as Params;
    const view = await sessions.retryMeeting(callerOf(res), communityId, sessionId);
    res.setHeader("ETag", view.etag).json(withOptions(view));
  });

  router.put("/:sessionId/occurrences/:occurrenceId", async (req, res) => {
    const { communityId, sessionId, occurrenceId } = req.params as Params;
    const view = await sessions.changeOccurrence(
      callerOf(res),
      communityId,
      sessionId,
      occurrenceId,
      req.body,
    );
    res.setHeader("ETag", view.etag).json(withOptions(view));
  });

  router.put("/:sessionId/occurrences/:occurrenceId/roles/:role", async (req, res) => {
    const { communityId, sessionId, role, occurrenceId } = req.params as Params;
    const { person } = parseInput(roleSchema, req.body);
    res.json(
      withOptions(
        await sessions.assignRole(
          callerOf(res),
          communityId,
          sessionId,
          role,
          person ?? undefined,
          occurrenceId,
        ),
      ),
    );
  });

  router.put("/:sessionId/rsvp", async (req, res) => {
    const { communityId, sessionId } = req.params as Params;
    res.json(withOptions(await sessions.rsvp(callerOf(res), communityId, sessionId, req.body)));
  });

  router.put("/:sessionId/roles/:role", async (req, res) => {
    const { communityId, sessionId, role } = req.params as Params;
    const { person } = parseInput(roleSchema, req.body);
    res.json(
      withOptions(
        await sessions.assignRole(callerOf(res), communityId, sessionId, role, person ?? undefined),
      ),
    );
  });

  /**
   * Answers with the iCalendar file: as `text/calendar` for a plain download, or wrapped in JSON
   * (`{ filename, content }`) when asked for JSON (the tab fetches it with its token and saves it).
   */
  async function sendCalendar(req: Request, res: Response, list: Session[], name: string) {
    const caller = callerOf(res);
    const organizers = [...new Set(list.map((s) => s.createdBy.id))];
    const mails = options.directory
      ? (await options.directory.getMany(caller.tenantId, organizers).catch(() => undefined))?.people
      : undefined;
    const origin = options.publicUrl ?? `${req.protocol}://${req.get("host") ?? "localhost"}`;
    const content = sessionCalendarFile(list, {
      name: "PeerCircle sessions",
      // The tab's own address of the session (routes.ts: /tab/calendar/{community}/{session}).
      linkOf: (s) =>
        `${origin.replace(/\/$/, "")}/tab/calendar/${encodeURIComponent(s.communityId)}/${encodeURIComponent(s.id)}`,
      mailOf: (id) => mails?.get(id)?.mail,
    });
    const filename = `${name.replace(/[^\w.-]/g, "_")}.ics`;
    if (req.accepts(["text/calendar", "application/json"]) === "application/json") {
      res.json({ filename, content });
      return;
    }
    res
      .type("text/calendar; charset=utf-8")
      .setHeader("Content-Disposition", `attachment; filename="${filename}"`)
      .send(content);
  }

  return router;
}
