import { z } from "zod";
import { ENTRY_TYPES } from "../domain/library/entry.js";
import {
  MAX_QUERY_TEXT,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_OFFSET,
} from "../domain/library/search/searchLimits.js";
import { ENTRY_SEARCH_SORTS, type EntrySearchQuery } from "../domain/library/search/searchTypes.js";
import { parseInput } from "../domain/validation.js";

/**
 * A library search between tab and server, in one shape: the names the library page keeps in its
 * URL are the names of the API's query string (`q`, `type`, `tag`, `author`, `from`, `to`,
 * `verified`, `answered`, `sort`, then `offset` and `limit`). The server parses with these schemas;
 * the tab writes them with `librarySearchQuery.ts` and imports only the types from here (zod stays
 * out of the tab's bundle).
 */

/** `a,b` (or a repeated parameter) as a list; empty as unset. */
const list = (value: unknown) =>
  typeof value === "string" && value !== "" ? value.split(",") : Array.isArray(value) ? value : undefined;
const flag = z.enum(["true", "false"]).transform((value) => value === "true");
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}/, "Dates look like YYYY-MM-DD.");

/** What a library search asks for; every field is optional. */
export const librarySearchSchema = z.object({
  /** Free text. */
  q: z.string().max(MAX_QUERY_TEXT, `Keep the search under ${MAX_QUERY_TEXT} characters.`).optional(),
  /** Entries of any of these types. */
  type: z.preprocess(list, z.array(z.enum(ENTRY_TYPES)).optional()),
  /** Entries carrying every one of these tags (case-insensitive). */
  tag: z.preprocess(list, z.array(z.string().max(40)).max(10).optional()),
  /** The author's id. */
  author: z.string().max(100).optional(),
  /** `YYYY-MM-DD`, inclusive. */
  from: date.optional(),
  /** `YYYY-MM-DD`, inclusive (the whole day). */
  to: date.optional(),
  verified: flag.optional(),
  /** Only questions with (true) or without (false) an accepted answer. */
  answered: flag.optional(),
  sort: z.enum(ENTRY_SEARCH_SORTS).optional(),
});

/** Which page of the results: the bounds are the search's own (searchLimits.ts). */
export const searchPageSchema = z.object({
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

/** A library search, as the tab sends it and the server reads it. */
export type LibrarySearch = z.output<typeof librarySearchSchema>;
/** A page of a search's results. */
export type SearchPage = z.output<typeof searchPageSchema>;

const searchRequestSchema = librarySearchSchema.merge(searchPageSchema);

/** Reads a search from a query string (refusing bad input with friendly messages) as the domain's query. */
export function parseLibrarySearch(query: unknown): EntrySearchQuery {
  const { q, type, tag, author, from, to, verified, answered, sort, offset, limit } = parseInput(
    searchRequestSchema,
    query,
  );
  return {
    ...(q ? { text: q } : {}),
    ...(type ? { types: type } : {}),
    ...(tag ? { tags: tag.map((t) => t.toLowerCase()) } : {}),
    ...(author ? { authorId: author } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(verified !== undefined ? { verified } : {}),
    ...(answered !== undefined ? { answered } : {}),
    ...(sort ? { sort } : {}),
    ...(offset !== undefined ? { offset } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}
