import { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { SessionPageAnswer } from "../../contract/sessions.js";
import type { PeopleDirectory } from "../../domain/people/peopleDirectory.js";
import type { Session, SessionView } from "../../domain/sessions/session.js";
import { sessionCalendarFile } from "../../domain/sessions/sessionCalendarFile.js";
import { calendarRangeSchema } from "../../domain/sessions/sessionSchemas.js";
import type { SessionService } from "../../domain/sessions/sessionService.js";
import { parseInput } from "../../domain/validation.js";
import { communityItemRoutes } from "../http/communityItemRoutes.js";
import { answerJson, answerVersioned, onCommunity, type RouteCall } from "../http/jsonRoutes.js";
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

  /** A session's answer, with its version (ETag) for the next change. */
  const versioned = (handle: (call: RouteCall<Params>) => Promise<SessionView>, status?: number) =>
    answerVersioned(withOptions, handle, status);
  /** What a service call on one session answers, with the meeting option. */
  const onSession = (act: (call: RouteCall<Params>) => Promise<object>) =>
    answerJson<Params>(async (call) => withOptions(await act(call)));

  router.get("/calendar.ics", async (req, res) => {
    const { communityId } = req.params as Params;
    await sendCalendar(req, res, await sessions.forExport(callerOf(res), communityId), "peercircle-sessions");
  });

  router.get(
    "/rota",
    onCommunity((caller, id) => sessions.rota(caller, id)),
  );
  router.post(
    "/rota/generate",
    onCommunity((caller, id) => sessions.generateRota(caller, id)),
  );
  router.put(
    "/role-preferences/me",
    onCommunity((caller, id, body) => sessions.setRolePreference(caller, id, body)),
  );
  router.get(
    "/reminder-settings",
    onCommunity((caller, id) => sessions.reminderSettings(caller, id)),
  );
  router.put(
    "/reminder-settings",
    onCommunity((caller, id, body) => sessions.setReminderSettings(caller, id, body)),
  );

  communityItemRoutes(router, sessions, {
    idParam: "sessionId",
    toAnswer: withOptions,
    updateMethod: "patch",
    // A session is cancelled by a change (its `cancelled` field), not deleted.
    deletable: false,
  });

  router.get("/:sessionId/calendar.ics", async (req, res) => {
    const { communityId, sessionId } = req.params as Params;
    const [session] = await sessions.forExport(callerOf(res), communityId, sessionId);
    await sendCalendar(req, res, session ? [session] : [], `peercircle-${sessionId}`);
  });

  router.post(
    "/:sessionId/meeting/retry",
    versioned(({ caller, params }) => sessions.retryMeeting(caller, params.communityId, params.sessionId)),
  );
  router.put(
    "/:sessionId/occurrences/:occurrenceId",
    versioned(({ caller, params, req }) =>
      sessions.changeOccurrence(caller, params.communityId, params.sessionId, params.occurrenceId, req.body),
    ),
  );

  /** Gives a role of the session (of one occurrence, or of the series) to a person, or nobody. */
  const assignRole = onSession(({ caller, params, req }) => {
    const { person } = parseInput(roleSchema, req.body);
    return sessions.assignRole(
      caller,
      params.communityId,
      params.sessionId,
      params.role,
      person ?? undefined,
      // Absent on the series' route: the role of every occurrence.
      params.occurrenceId as string | undefined,
    );
  });
  router.put("/:sessionId/occurrences/:occurrenceId/roles/:role", assignRole);
  router.put(
    "/:sessionId/rsvp",
    onSession(({ caller, params, req }) =>
      sessions.rsvp(caller, params.communityId, params.sessionId, req.body),
    ),
  );
  router.put("/:sessionId/roles/:role", assignRole);

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
