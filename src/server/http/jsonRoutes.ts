import type { Request, RequestHandler, Response, Router } from "express";
import type { Caller } from "../../domain/identity.js";
import { requireIfMatch } from "./ifMatch.js";
import { callerOf } from "./requireCaller.js";

/** A request's JSON body as express parsed it: the service it goes to parses it with its schema. */
export type Body = Request["body"];

/** What a JSON route's handler works from: who calls, the path's parameters, the request. */
export interface RouteCall<Params> {
  caller: Caller;
  params: Params;
  req: Request;
  res: Response;
  /** The version the caller changed (`If-Match`); empty when none was sent. */
  ifMatch: string;
}

function routeCall<Params>(req: Request, res: Response): RouteCall<Params> {
  return {
    caller: callerOf(res),
    params: req.params as Params,
    req,
    res,
    ifMatch: req.get("If-Match") ?? "",
  };
}

/**
 * A route of the usual shape: call the service with the caller and the path's parameters, answer
 * what it returns as JSON (`status` for a creation, or read from the answer when only the service
 * knows whether it created something). Errors go to the error handler (express 5 passes a rejected
 * handler on).
 */
export function answerJson<Params = Record<string, string>, Answer = unknown>(
  handle: (call: RouteCall<Params>) => Promise<Answer>,
  status: number | ((answer: Answer) => number) = 200,
): RequestHandler {
  return async (req, res) => {
    const answer = await handle(routeCall<Params>(req, res));
    res.status(typeof status === "number" ? status : status(answer)).json(answer);
  };
}

/** The status of an answer that may or may not have made something new: 201 when it did. */
export const createdWhen =
  <Answer>(isNew: (answer: Answer) => boolean | undefined) =>
  (answer: Answer): number =>
    isNew(answer) ? 201 : 200;

/**
 * {@link answerJson} for a route under `/communities/:communityId` that is one service call with
 * the caller, the community and the request's body.
 */
export function onCommunity<Answer>(
  call: (caller: Caller, communityId: string, body: Body) => Promise<Answer>,
  status = 200,
): RequestHandler {
  return answerJson<{ communityId: string }, Answer>(
    ({ caller, params, req }) => call(caller, params.communityId, req.body),
    status,
  );
}

/**
 * Like {@link answerJson} for one versioned thing (an entry, a session, a playbook): its ETag goes
 * in the header, the version the next change must name in `If-Match`; `toAnswer` shapes the body.
 */
export function answerVersioned<Params, Value extends { etag: string }>(
  toAnswer: (value: Value) => unknown,
  handle: (call: RouteCall<Params>) => Promise<Value>,
  status = 200,
): RequestHandler {
  return async (req, res) => {
    const value = await handle(routeCall<Params>(req, res));
    res.status(status).setHeader("ETag", value.etag).json(toAnswer(value));
  };
}

/** A route that answers 204 once the service is done (a deletion). */
export function answerNoContent<Params = Record<string, string>>(
  handle: (call: RouteCall<Params>) => Promise<unknown>,
): RequestHandler {
  return async (req, res) => {
    await handle(routeCall<Params>(req, res));
    res.status(204).end();
  };
}

/** One kind of versioned thing in a collection, as {@link versionedItemRoutes} serves it. */
export interface VersionedItem<Params, Value extends { etag: string }> {
  /** The item's path under the collection: `/:playbookId`. */
  path: string;
  toAnswer: (value: Value) => unknown;
  create: (call: RouteCall<Params>) => Promise<Value>;
  get: (call: RouteCall<Params>) => Promise<Value>;
  /** The change, made from the version the caller names in `If-Match` (required). */
  update: { method: "put" | "patch"; change: (call: RouteCall<Params>) => Promise<Value> };
  remove?: (call: RouteCall<Params>) => Promise<unknown>;
}

/**
 * The routes every versioned thing has: `POST /` creates one (201), `GET {path}` reads it, `PUT` or
 * `PATCH {path}` changes it under If-Match, `DELETE {path}` removes it (when it can be); each
 * answer carries the thing's ETag. Register fixed paths (`/rota`) before, as `{path}` matches them.
 */
export function versionedItemRoutes<Params, Value extends { etag: string }>(
  router: Router,
  item: VersionedItem<Params, Value>,
): void {
  router.post("/", answerVersioned(item.toAnswer, item.create, 201));
  router.get(item.path, answerVersioned(item.toAnswer, item.get));
  router[item.update.method](item.path, requireIfMatch, answerVersioned(item.toAnswer, item.update.change));
  if (item.remove) router.delete(item.path, answerNoContent(item.remove));
}
