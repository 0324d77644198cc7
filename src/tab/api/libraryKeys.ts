import type { LibrarySearch } from "./library.js";

/**
 * TanStack Query keys of the library, nested so one call can refresh what a change touched:
 * `searches(c)` every result list of a community, `entry(c, e)` an entry with its history and
 * related entries.
 */
export const libraryKeys = {
  community: (communityId: string) => ["library", communityId] as const,
  searches: (communityId: string) => ["library", communityId, "search"] as const,
  search: (communityId: string, params: LibrarySearch) => ["library", communityId, "search", params] as const,
  entry: (communityId: string, entryId: string) => ["library", communityId, "entry", entryId] as const,
  history: (communityId: string, entryId: string) =>
    ["library", communityId, "entry", entryId, "history"] as const,
  related: (communityId: string, entryId: string) =>
    ["library", communityId, "entry", entryId, "related"] as const,
  /** Everything about a community's removal requests: the review list and the stewards' badge. */
  removalRequests: (communityId: string) => ["library", communityId, "removalRequests"] as const,
  removalRequestList: (communityId: string) => ["library", communityId, "removalRequests", "list"] as const,
  removalRequestCount: (communityId: string) => ["library", communityId, "removalRequests", "count"] as const,
};

/** The key of a community as `GET /api/communities/:id` returns it. */
export const communityKey = (communityId: string) => ["community", communityId] as const;
