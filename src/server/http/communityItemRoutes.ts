import type { Router } from "express";
import type { Caller } from "../../domain/identity.js";
import { idempotentBody } from "./idempotentBody.js";
import { answerJson, versionedItemRoutes } from "./jsonRoutes.js";

type CommunityParams = { communityId: string };

/**
 * A community's service of one kind of versioned thing (entries, sessions, playbooks), as its
 * routes call it: the body goes to the service as it came, which parses it.
 */
export interface CommunityItemService<Value extends { etag: string }> {
  create(caller: Caller, communityId: string, input: unknown): Promise<Value>;
  get(caller: Caller, communityId: string, id: string): Promise<Value>;
  update(caller: Caller, communityId: string, id: string, changes: unknown, etag: string): Promise<Value>;
  delete?(caller: Caller, communityId: string, id: string): Promise<unknown>;
}

/** How {@link communityItemRoutes} serves a community's items. */
export interface CommunityItemOptions<Value> {
  /** The path parameter naming the item: `playbookId` serves `/:playbookId`. */
  idParam: string;
  toAnswer: (value: Value) => unknown;
  /** PUT (the whole thing) or PATCH (some of its fields). */
  updateMethod: "put" | "patch";
  /** Whether `DELETE /:id` removes one (the service's `delete`). */
  deletable: boolean;
}

/**
 * {@link versionedItemRoutes} for a community's items, each route one call of the service's own
 * method with the caller, the community and the item the path names.
 */
export function communityItemRoutes<Value extends { etag: string }>(
  router: Router,
  service: CommunityItemService<Value>,
  options: CommunityItemOptions<Value>,
): void {
  type Params = CommunityParams & Record<string, string>;
  const idOf = (params: Params) => params[options.idParam] ?? "";
  const remove = service.delete?.bind(service);
  versionedItemRoutes<Params, Value>(router, {
    path: `/:${options.idParam}`,
    toAnswer: options.toAnswer,
    create: ({ caller, params, req }) => service.create(caller, params.communityId, req.body),
    get: ({ caller, params }) => service.get(caller, params.communityId, idOf(params)),
    update: {
      method: options.updateMethod,
      change: ({ caller, params, req, ifMatch }) =>
        service.update(caller, params.communityId, idOf(params), req.body, ifMatch),
    },
    ...(options.deletable && remove
      ? { remove: ({ caller, params }) => remove(caller, params.communityId, idOf(params)) }
      : {}),
  });
}

/** A community's collection that is listed, and added to once per request (its `requestId`). */
export interface ListedOnceAdded {
  list(caller: Caller, communityId: string): Promise<unknown>;
  add(
    caller: Caller,
    communityId: string,
    input: Record<string, unknown>,
    requestId: string,
  ): Promise<unknown>;
}

/** `GET /` lists the community's collection, `POST /` adds to it (201), once per `requestId`. */
export function listAndAddOnceRoutes(router: Router, collection: ListedOnceAdded): void {
  router.get(
    "/",
    answerJson<CommunityParams>(({ caller, params }) => collection.list(caller, params.communityId)),
  );
  router.post(
    "/",
    answerJson<CommunityParams>(({ caller, params, req }) => {
      const { requestId, input } = idempotentBody(req);
      return collection.add(caller, params.communityId, input, requestId);
    }, 201),
  );
}
