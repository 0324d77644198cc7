import { Router } from "express";
import { z } from "zod";
import { ENTRY_TYPES } from "../../domain/library/entry.js";
import type { EntryView } from "../../domain/library/entryView.js";
import type { LibraryService } from "../../domain/library/libraryService.js";
import {
  MAX_QUERY_TEXT,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_OFFSET,
} from "../../domain/library/search/searchLimits.js";
import { parseInput } from "../../domain/validation.js";
import { requireIfMatch } from "../http/ifMatch.js";
import { callerOf } from "../http/requireCaller.js";

/** The entry as the tab receives it (tenant id stays on the server). */
export function entryDto(view: EntryView) {
  const { tenantId: _tenant, ...rest } = view;
  return rest;
}

const list = (value: unknown) =>
  typeof value === "string" && value !== "" ? value.split(",") : Array.isArray(value) ? value : undefined;

/** Query-string search parameters, validated like any other input. */
const searchQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_TEXT, `Keep the search under ${MAX_QUERY_TEXT} characters.`).optional(),
  type: z.preprocess(list, z.array(z.enum(ENTRY_TYPES)).optional()),
  tag: z.preprocess(list, z.array(z.string().max(40)).max(10).optional()),
  author: z.string().max(100).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, "Dates look like YYYY-MM-DD.")
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, "Dates look like YYYY-MM-DD.")
    .optional(),
  verified: z.enum(["true", "false"]).optional(),
  answered: z.enum(["true", "false"]).optional(),
  sort: z.enum(["relevance", "newest", "helpful"]).optional(),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(
      MAX_SEARCH_OFFSET,
      `Results stop after the first ${MAX_SEARCH_OFFSET.toLocaleString("en")}: narrow the search to see more.`,
    )
    .optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).optional(),
});

function toSearchQuery(raw: unknown) {
  const q = parseInput(searchQuerySchema, raw);
  return {
    ...(q.q ? { text: q.q } : {}),
    ...(q.type ? { types: q.type } : {}),
    ...(q.tag ? { tags: q.tag.map((t) => t.toLowerCase()) } : {}),
    ...(q.author ? { authorId: q.author } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.verified ? { verified: q.verified === "true" } : {}),
    ...(q.answered ? { answered: q.answered === "true" } : {}),
    ...(q.sort ? { sort: q.sort } : {}),
    ...(q.offset !== undefined ? { offset: q.offset } : {}),
    ...(q.limit !== undefined ? { limit: q.limit } : {}),
  };
}

/**
 * `/api/communities/:communityId/entries`, `/api/communities/:communityId/removal-requests` and
 * `/api/entries/search` (across my communities).
 */
export function libraryRoutes(library: LibraryService): Router {
  const router = Router();

  router.get("/entries/search", async (req, res) => {
    res.json({ items: await library.searchMine(callerOf(res), toSearchQuery(req.query)) });
  });

  const entries = Router({ mergeParams: true });
  type Params = { communityId: string; entryId: string };

  entries.get("/", async (req, res) => {
    const { communityId } = req.params as Params;
    res.json(await library.searchCommunity(callerOf(res), communityId, toSearchQuery(req.query)));
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
