import { randomUUID } from "node:crypto";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import {
  type ActivityGroupsAnswer,
  type ActivitySnapshot,
  HELD_SUBMISSIONS_HEADER,
  type SavedSubmissionAnswer,
} from "../../contract/activities.js";
import type { ActivityService } from "../../domain/activities/activityService.js";
import type { ActivityView } from "../../domain/activities/activityViews.js";
import type { CommunityService } from "../../domain/communities/communityService.js";
import type { PeopleDirectory } from "../../domain/people/peopleDirectory.js";
import { parseInput } from "../../domain/validation.js";
import { sendError } from "../http/httpErrors.js";
import { idempotentBody, withRequestId } from "../http/idempotentBody.js";
import { callerOf } from "../http/requireCaller.js";
import { activityJsonOf } from "./activityJson.js";
import { PartnerChatLinks } from "./partnerChatLinks.js";

/** The dependencies of {@link activityRoutes}. */
export interface ActivityRouteDependencies {
  activities: ActivityService;
  /** Checks the community a new activity saves to exists and the facilitator may see it. */
  communities: CommunityService;
  /** Partners' e-mail addresses for the chat deep link (Teams accepts user principal names only). */
  directory: PeopleDirectory;
}

const currentQuery = z.object({
  conversationId: z
    .string({ required_error: "Open this in a meeting: the meeting chat is missing." })
    .trim()
    .min(1, "Open this in a meeting: the meeting chat is missing.")
    .max(400, "The meeting chat id is too long."),
});

/** An action's idempotency key: the tab makes one per click, so a retried request applies once. */
const requestIdField = z.string().min(1).max(200).optional();
const highlightParams = z.object({ groupId: z.string().min(1).max(100) });
const submissionKindParam = z.object({
  kind: z.string().regex(/^[a-z][a-z-]{0,30}$/, "That is not a kind of submission PeerCircle knows."),
});
const voteParams = z.object({
  kind: submissionKindParam.shape.kind,
  ownerId: z.string().min(1).max(200),
  itemId: z.string().min(1).max(100),
});
/**
 * A text, or for a kind written per criterion one text per criterion: the service checks either
 * by the kind's own rules (its length, its name in messages).
 */
const submissionBody = z.object({ requestId: requestIdField, text: z.unknown(), criteria: z.unknown() });

/** `/api/activities`: meeting activities (think-pair-share) for the side panel and the stage. */
export function activityRoutes({ activities, communities, directory }: ActivityRouteDependencies): Router {
  const router = Router();
  const chatLinks = new PartnerChatLinks(directory);

  async function answer(
    req: Request,
    res: Response,
    view: ActivityView | undefined,
    status = 200,
    extra: { joinedCommunity?: true } = {},
    { waitForChatLink = true } = {},
  ) {
    const caller = callerOf(res);
    const partnerChatUrl = view ? await chatLinks.urlFor(caller, view, { wait: waitForChatLink }) : undefined;
    // The view is turned into JSON once: its text is both what the version hashes and the body.
    const held = req.get(HELD_SUBMISSIONS_HEADER);
    const {
      json: activityJson,
      version,
      submissionsVersion,
      submissionsHeld,
    } = activityJsonOf(stableOf(view), partnerChatUrl, held);
    res.setHeader("ETag", version);
    if (req.method === "GET" && matches(req.get("If-None-Match"), version)) {
      res.status(304).end();
      return;
    }
    const rest: Omit<ActivitySnapshot, "activity"> = {
      ...(partnerChatUrl ? { partnerChatUrl } : {}),
      version,
      ...(submissionsVersion ? { submissionsVersion } : {}),
      ...(submissionsHeld ? { submissionsHeld } : {}),
      serverNow: new Date().toISOString(),
      ...extra,
    };
    res
      .status(status)
      .type("application/json")
      .send(`{"activity":${activityJson},${JSON.stringify(rest).slice(1)}`);
  }

  /** The activity running (or set up, not yet started) in a meeting's chat; `activity: null` when none. */
  router.get("/", async (req, res) => {
    const { conversationId } = parseInput(currentQuery, req.query);
    await answer(req, res, await activities.currentInConversation(callerOf(res), conversationId));
  });

  router.post("/", async (req, res) => {
    const caller = callerOf(res);
    const { requestId, ...input } = parseInput(withRequestId, req.body ?? {});
    if (typeof input.communityId === "string" && input.communityId.trim())
      await communities.get(caller, input.communityId.trim());
    const view = await activities.create(
      caller,
      input as Parameters<ActivityService["create"]>[1],
      requestId,
    );
    await answer(req, res, view, 201);
  });

  router.get("/:activityId", async (req, res) => {
    await answer(req, res, await activities.view(callerOf(res), req.params.activityId));
  });

  router.get("/:activityId/groups", async (req, res) => {
    const answer: ActivityGroupsAnswer = {
      groups: await activities.groups(callerOf(res), req.params.activityId),
    };
    res.json(answer);
  });

  router.post("/:activityId/join", async (req, res) => {
    const { joinedCommunity, ...view } = await activities.join(callerOf(res), req.params.activityId);
    // The chat link comes with the next poll when the partners' addresses are not at hand.
    await answer(req, res, view, 200, joinedCommunity ? { joinedCommunity } : {}, { waitForChatLink: false });
  });

  /**
   * Whether the caller may steer (controls, highlights, share to stage): the facilitator, or the
   * organiser or a presenter of the activity's meeting. The side panel asks once when it opens.
   */
  router.get("/:activityId/steering", async (req, res) => {
    res.json({ maySteer: await activities.maySteer(callerOf(res), req.params.activityId) });
  });

  router.post("/:activityId/controls", async (req, res) => {
    const { requestId, input: control } = idempotentBody(req);
    const view = await activities.control(
      callerOf(res),
      req.params.activityId,
      control as Parameters<ActivityService["control"]>[2],
      requestId,
    );
    await answer(req, res, view);
  });

  /**
   * Any submission the activity's format takes (`reflection`, `share`, `commitment`, a format's
   * own kinds), through the one submission path. `If-Match` carries the ETag of the version the
   * writer started from. For a group's text changed by another member meanwhile, the answer is
   * 412 (stale `If-Match`) or 409 (no `If-Match` though one exists) with both texts and a merge
   * of them, so nothing is lost silently: the person tidies the merge and saves it on top of
   * `current`. PUT writes a person's or group's own; POST adds an item (the same `requestId`
   * adds it once).
   */
  const submit =
    (kindOf: (req: Request) => unknown, answers: "saved" | "view") => async (req: Request, res: Response) => {
      const caller = callerOf(res);
      const { kind } = parseInput(submissionKindParam, { kind: kindOf(req) });
      const { requestId, text, criteria } = parseInput(submissionBody, req.body ?? {});
      const etag = req.get("If-Match");
      const result = await activities.submit(
        caller,
        req.params.activityId as string,
        kind,
        { text, ...(criteria === undefined ? {} : { criteria }), ...(etag ? { etag } : {}) },
        requestId ?? randomUUID(),
      );
      if (result.status === "conflict") {
        sendError(res, etag ? 412 : 409, "share_conflict", result.message, {
          current: result.current,
          yours: result.yours,
          merged: result.merged,
        });
        return;
      }
      if (answers === "saved" && result.view) {
        const saved: SavedSubmissionAnswer = { saved: result.view, serverNow: new Date().toISOString() };
        res.json(saved);
        return;
      }
      await answer(req, res, await activities.view(caller, req.params.activityId as string));
    };
  router.put(
    "/:activityId/submissions/:kind",
    submit((req) => req.params.kind, "saved"),
  );
  router.post(
    "/:activityId/submissions/:kind",
    submit((req) => req.params.kind, "saved"),
  );
  // Think-pair-share's first paths, kept for clients that still use them (they answer the view).
  for (const kind of ["reflection", "share", "commitment"])
    router.put(
      `/:activityId/${kind}`,
      submit(() => kind, "view"),
    );

  /** A vote for an item of a votable kind (PUT), or taking it back (DELETE). */
  const vote = (on: boolean) => async (req: Request, res: Response) => {
    const item = parseInput(voteParams, req.params);
    await answer(req, res, await activities.vote(callerOf(res), req.params.activityId as string, item, on));
  };
  /** Those who steer promote an item into the playbook the close proposes (PUT), or take it back. */
  const promote = (on: boolean) => async (req: Request, res: Response) => {
    const item = parseInput(voteParams, req.params);
    await answer(
      req,
      res,
      await activities.promote(callerOf(res), req.params.activityId as string, item, on),
    );
  };
  router.put("/:activityId/submissions/:kind/:ownerId/:itemId/promotion", promote(true));
  router.delete("/:activityId/submissions/:kind/:ownerId/:itemId/promotion", promote(false));
  /** The teacher or expert answers an item (a question) of a kind they answer; the answer is kept with it. */
  router.put("/:activityId/submissions/:kind/:ownerId/:itemId/answer", async (req, res) => {
    const item = parseInput(voteParams, req.params);
    const { requestId, text } = parseInput(submissionBody, req.body ?? {});
    await answer(
      req,
      res,
      await activities.answer(callerOf(res), req.params.activityId as string, item, { text }, requestId),
    );
  });
  router.put("/:activityId/submissions/:kind/:ownerId/:itemId/vote", vote(true));
  router.delete("/:activityId/submissions/:kind/:ownerId/:itemId/vote", vote(false));

  /** A confidential format's author publishes their lesson to the library, de-identified (once). */
  router.post("/:activityId/submissions/:kind/publish", async (req, res) => {
    const { kind } = parseInput(submissionKindParam, { kind: req.params.kind });
    const published = await activities.publish(callerOf(res), req.params.activityId, kind);
    res.status(201).json(published);
  });

  router.put("/:activityId/highlights/:groupId", async (req, res) => {
    const { groupId } = parseInput(highlightParams, req.params);
    await answer(req, res, await activities.highlight(callerOf(res), req.params.activityId, groupId, true));
  });

  router.delete("/:activityId/highlights/:groupId", async (req, res) => {
    const { groupId } = parseInput(highlightParams, req.params);
    await answer(req, res, await activities.highlight(callerOf(res), req.params.activityId, groupId, false));
  });

  return router;
}

/**
 * The view as answered: while a phase runs its time left is 0 (it changes every millisecond;
 * clients count down to `endsAt`, against `serverNow`), so the answer, and its version, stay the
 * same until something really changed and a poll answers 304. A paused phase keeps its time left.
 */
function stableOf(view: ActivityView | undefined): ActivityView | null {
  if (!view) return null;
  return view.state.status === "running" ? { ...view, state: { ...view.state, remainingMs: 0 } } : view;
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly and may list several tags, or `*`. */
function matches(header: string | undefined, version: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(version));
}

const swapBody = z.object({ requestId: requestIdField }).passthrough();

/**
 * `/api/communities/:communityId/hot-seat-queue`: who takes a circle's hot seat next (visible to
 * the community's readers) and swaps of places (one's own, or a steward's).
 */
export function hotSeatQueueRoutes(activities: ActivityService): Router {
  const router = Router({ mergeParams: true });
  const communityOf = (req: Request) => String((req.params as Record<string, string>).communityId ?? "");
  router.get("/", async (req, res) => {
    res.json({ queue: await activities.hotSeatQueue(callerOf(res), communityOf(req)) });
  });
  router.post("/swaps", async (req, res) => {
    const { requestId, ...swap } = parseInput(swapBody, req.body ?? {});
    const queue = await activities.swapHotSeat(
      callerOf(res),
      communityOf(req),
      swap as { a: string; b: string },
      requestId ?? randomUUID(),
    );
    res.status(201).json({ queue });
  });
  return router;
}
