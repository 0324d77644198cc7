import { Router } from "express";
import { withoutTenant } from "../../contract/answers.js";
import type { EntryAnswer } from "../../contract/library.js";
import { parseLibrarySearch } from "../../contract/librarySearch.js";
import type { EntryView } from "../../domain/library/entryView.js";
import type { LibraryService } from "../../domain/library/libraryService.js";
import { communityItemRoutes } from "../http/communityItemRoutes.js";
import { answerJson, type RouteCall } from "../http/jsonRoutes.js";
import { callerOf } from "../http/requireCaller.js";

/** The entry as the contract answers it (the tenant id stays on the server). */
export function entryDto(view: EntryView): EntryAnswer {
  return withoutTenant(view);
}

/**
 * `/api/communities/:communityId/entries`, `/api/communities/:communityId/removal-requests` and
 * `/api/entries/search` (across my communities).
 */
export function libraryRoutes(library: LibraryService): Router {
  const router = Router();

  router.get("/entries/search", async (req, res) => {
    res.json({ items: await library.searchMine(callerOf(res), parseLibrarySearch(req.query)) });
  });

  const entries = Router({ mergeParams: true });
  type Params = { communityId: string; entryId: string };

  /** What a service call on one entry answers, as the contract answers an entry. */
  const onEntry = (act: (call: RouteCall<Params>) => Promise<EntryView>) =>
    answerJson<Params>(async (call) => entryDto(await act(call)));

  entries.get(
    "/",
    answerJson<Params>(({ caller, params, req }) =>
      library.searchCommunity(caller, params.communityId, parseLibrarySearch(req.query)),
    ),
  );
  communityItemRoutes(entries, library, {
    idParam: "entryId",
    toAnswer: entryDto,
    updateMethod: "patch",
    deletable: true,
  });
  entries.put(
    "/:entryId/vote",
    onEntry(({ caller, params }) => library.vote(caller, params.communityId, params.entryId, true)),
  );
  entries.delete(
    "/:entryId/vote",
    onEntry(({ caller, params }) => library.vote(caller, params.communityId, params.entryId, false)),
  );
  entries.put(
    "/:entryId/verification",
    onEntry(({ caller, params, req }) =>
      library.verify(caller, params.communityId, params.entryId, req.body ?? {}),
    ),
  );
  entries.delete(
    "/:entryId/verification",
    onEntry(({ caller, params }) => library.unverify(caller, params.communityId, params.entryId)),
  );
  // The body (`{ reason }`) is optional: tabs from before reasons existed send none.
  entries.post(
    "/:entryId/removal-request",
    onEntry(({ caller, params, req }) =>
      library.requestRemoval(caller, params.communityId, params.entryId, req.body ?? {}),
    ),
  );
  // A steward keeps the entry: the request goes, the entry stays (and returns to search).
  entries.delete(
    "/:entryId/removal-request",
    onEntry(({ caller, params }) =>
      library.dismissRemovalRequest(caller, params.communityId, params.entryId),
    ),
  );
  entries.get(
    "/:entryId/history",
    answerJson<Params>(async ({ caller, params }) => ({
      items: await library.history(caller, params.communityId, params.entryId),
    })),
  );
  entries.get(
    "/:entryId/related",
    answerJson<Params>(async ({ caller, params }) => ({
      items: await library.related(caller, params.communityId, params.entryId),
    })),
  );

  router.use("/communities/:communityId/entries", entries);

  // Stewards' review list; deciding uses DELETE on the entry or on its removal request.
  router.get("/communities/:communityId/removal-requests", async (req, res) => {
    const { communityId } = req.params as { communityId: string };
    res.json(await library.listRemovalRequests(callerOf(res), communityId, req.query));
  });
  return router;
}
