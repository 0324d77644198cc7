import { ENTRY_SEARCH_SORTS } from "../domain/library/search/searchTypes.js";
import type { LibrarySearch, SearchPage } from "./librarySearch.js";

/**
 * The tab's side of a library search (librarySearch.ts holds the schemas the server parses with):
 * no zod here, so the tab's first download stays inside its budget.
 */

/** The orders search results come in (the sort menu lists them in this order). */
export const ENTRY_SORTS = ENTRY_SEARCH_SORTS;
export type EntrySort = (typeof ENTRY_SORTS)[number];

/** Results the library page asks for at a time (at most MAX_SEARCH_LIMIT, searchLimits.ts). */
export const SEARCH_PAGE_SIZE = 20;

/** The query string of a search and its page, in the contract's names; unset fields are left out. */
export function librarySearchQuery(search: LibrarySearch, page: SearchPage = {}): URLSearchParams {
  const query = new URLSearchParams();
  const text = search.q?.trim();
  if (text) query.set("q", text);
  if (search.type?.length) query.set("type", search.type.join(","));
  if (search.tag?.length) query.set("tag", search.tag.join(","));
  if (search.author) query.set("author", search.author);
  if (search.from) query.set("from", search.from);
  if (search.to) query.set("to", search.to);
  if (search.verified !== undefined) query.set("verified", String(search.verified));
  if (search.answered !== undefined) query.set("answered", String(search.answered));
  if (search.sort) query.set("sort", search.sort);
  if (page.offset !== undefined) query.set("offset", String(page.offset));
  if (page.limit !== undefined) query.set("limit", String(page.limit));
  return query;
}
