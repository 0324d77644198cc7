import {
  ENTRY_SORTS,
  ENTRY_TYPES,
  type EntrySort,
  type EntryType,
  type LibrarySearch,
} from "../../api/library.js";

/**
 * What the library page searches for, kept in the page's query string (`/tab/library?q=…&type=…`)
 * so a reload, the browser's back button or a shared link brings the same search back.
 */
export interface LibraryFilters {
  q: string;
  type: EntryType | "";
  tag: string;
  /** Author id; `authorName` only labels the filter chip. */
  author: string;
  authorName: string;
  /** `YYYY-MM-DD` or "". */
  from: string;
  to: string;
  verified: "" | "true" | "false";
  sort: EntrySort | "";
}

const KEYS = ["q", "type", "tag", "author", "authorName", "from", "to", "verified", "sort"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from a query string; unknown or malformed values count as unset. */
export function readLibraryFilters(search: URLSearchParams): LibraryFilters {
  const get = (key: string) => search.get(key)?.trim() ?? "";
  const type = get("type");
  const sort = get("sort");
  const verified = get("verified");
  const from = get("from");
  const to = get("to");
  return {
    q: search.get("q") ?? "",
    type: (ENTRY_TYPES as readonly string[]).includes(type) ? (type as EntryType) : "",
    tag: get("tag"),
    author: get("author"),
    authorName: get("authorName"),
    from: DATE.test(from) ? from : "",
    to: DATE.test(to) ? to : "",
    verified: verified === "true" || verified === "false" ? verified : "",
    sort: (ENTRY_SORTS as readonly string[]).includes(sort) ? (sort as EntrySort) : "",
  };
}

/** The query string for the filters, leaving out what is unset. */
export function writeLibraryFilters(filters: LibraryFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value !== "") search.set(key, value);
  }
  // The name without the id filters nothing: drop it.
  if (!filters.author) search.delete("authorName");
  return search;
}

/** The contract's search for the filters (the same names, unset fields left out, tags as a list). */
export function toSearchParams(filters: LibraryFilters): LibrarySearch {
  const params: LibrarySearch = {};
  if (filters.q.trim()) params.q = filters.q.trim();
  if (filters.type) params.type = [filters.type];
  const tags = filters.tag
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (tags.length > 0) params.tag = tags;
  if (filters.author) params.author = filters.author;
  if (filters.from) params.from = filters.from;
  if (filters.to) params.to = filters.to;
  if (filters.verified) params.verified = filters.verified === "true";
  if (filters.sort) params.sort = filters.sort;
  return params;
}

/** How many filters narrow the results (the words and the order are not filters). */
export function activeFilterCount(filters: LibraryFilters): number {
  return [filters.type, filters.tag, filters.author, filters.from, filters.to, filters.verified].filter(
    (value) => value !== "",
  ).length;
}

/** The same search without any filter (words and order kept). */
export function withoutFilters(filters: LibraryFilters): LibraryFilters {
  return { ...filters, type: "", tag: "", author: "", authorName: "", from: "", to: "", verified: "" };
}
