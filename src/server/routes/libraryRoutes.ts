import { Router } from "express";
import { withoutTenant } from "../../contract/answers.js";
import type { EntryAnswer } from "../../contract/library.js";
import { parseLibrarySearch } from "../../contract/librarySearch.js";
import type { Caller } from "../../domain/identity.js";
import type { EntryView } from "../../domain/library/entryView.js";
import type { LibraryService } from "../../domain/library/libraryService.js";
import { communityItemRoutes } from "../http/communityItemRoutes.js";
import { answerJson, type Body } from "../http/jsonRoutes.js";
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

  /** A service call on the entry the path names, answered as the contract answers an entry. */
  type EntryCall = (caller: Caller, communityId: string, entryId: string, body: Body) => Promise<EntryView>;
  const onEntry = (call: EntryCall) =>
    answerJson<Params>(async ({ caller, params, req }) =>
      entryDto(await call(caller, params.communityId, params.entryId, req.body ?? {})),
    );

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
    onEntry((caller, community, entry) => library.vote(caller, community, entry, true)),
  );
  entries.delete(
    "/:entryId/vote",
    onEntry((caller, community, entry) => library.vote(caller, community, entry, false)),
  );
  entries.put(
    "/:entryId/verification",
    onEntry((caller, community, entry, body) => library.verify(caller, community, entry, body)),
  );
  entries.delete(
    "/:entryId/verification",
    onEntry((caller, community, entry) => library.unverify(caller, community, entry)),
  );
  // The body (`{ reason }`) is optional: tabs from before reasons existed send none.
  entries.post(
    "/:entryId/removal-request",
    onEntry((caller, community, entry, body) => library.requestRemoval(caller, community, entry, body)),
  );
  // A steward keeps the entry: the request goes, the entry stays (and returns to search).
  entries.delete(
    "/:entryId/removal-request",
    onEntry((caller, community, entry) => library.dismissRemovalRequest(caller, community, entry)),
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
