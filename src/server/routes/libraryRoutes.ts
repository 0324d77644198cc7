import { Router } from "express";
import { withoutTenant } from "../../contract/answers.js";
import type { EntryAnswer } from "../../contract/library.js";
import { parseLibrarySearch } from "../../contract/librarySearch.js";
import type { EntryView } from "../../domain/library/entryView.js";
import type { LibraryService } from "../../domain/library/libraryService.js";
import { requireIfMatch } from "../http/ifMatch.js";
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

  entries.get("/", async (req, res) => {
    const { communityId } = req.params as Params;
    res.json(await library.searchCommunity(callerOf(res), communityId, parseLibrarySearch(req.query)));
  });

  entries.post("/", async (req, res) => {
    const { communityId } = req.params as Params;
    const created = await library.create(callerOf(res), communityId, req.body);
    res.status(201).setHeader("ETag", created.etag).json(entryDto(created));
  });

  entries.get("/:entryId", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    const view = await library.get(callerOf(res), communityId, entryId);
    res.setHeader("ETag", view.etag).json(entryDto(view));
  });

  entries.patch("/:entryId", requireIfMatch, async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    const etag = req.get("If-Match") ?? "";
    const updated = await library.update(callerOf(res), communityId, entryId, req.body, etag);
    res.setHeader("ETag", updated.etag).json(entryDto(updated));
  });

  entries.delete("/:entryId", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    await library.delete(callerOf(res), communityId, entryId);
    res.status(204).end();
  });

  entries.put("/:entryId/vote", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    res.json(entryDto(await library.vote(callerOf(res), communityId, entryId, true)));
  });

  entries.delete("/:entryId/vote", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    res.json(entryDto(await library.vote(callerOf(res), communityId, entryId, false)));
  });

  entries.put("/:entryId/verification", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    res.json(entryDto(await library.verify(callerOf(res), communityId, entryId, req.body ?? {})));
  });

  entries.delete("/:entryId/verification", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    res.json(entryDto(await library.unverify(callerOf(res), communityId, entryId)));
  });

  // The body (`{ reason }`) is optional: tabs from before reasons existed send none.
  entries.post("/:entryId/removal-request", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    res.json(entryDto(await library.requestRemoval(callerOf(res), communityId, entryId, req.body ?? {})));
  });

  // A steward keeps the entry: the request goes, the entry stays (and returns to search).
  entries.delete("/:entryId/removal-request", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    res.json(entryDto(await library.dismissRemovalRequest(callerOf(res), communityId, entryId)));
  });

  entries.get("/:entryId/history", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    res.json({ items: await library.history(callerOf(res), communityId, entryId) });
  });

  entries.get("/:entryId/related", async (req, res) => {
    const { communityId, entryId } = req.params as Params;
    res.json({ items: await library.related(callerOf(res), communityId, entryId) });
  });

  router.use("/communities/:communityId/entries", entries);

  // Stewards' review list; deciding uses DELETE on the entry or on its removal request.
  router.get("/communities/:communityId/removal-requests", async (req, res) => {
    const { communityId } = req.params as { communityId: string };
    res.json(await library.listRemovalRequests(callerOf(res), communityId, req.query));
  });
  return router;
}
