/**
 * The insight library as the tab's HTTP API serves it (`/api/communities/:id/entries`). Requests
 * and answers are typed by the contract (src/contract/library.ts, librarySearch.ts), so a change
 * to an answer is one edit the compiler follows into the tab.
 */

import type {
  EntryAnswer,
  EntryChangesRequest,
  EntryHistoryAnswer,
  EntryHitsAnswer,
  EntrySearchAnswer,
  NewEntryRequest,
  RemovalRequestsAnswer,
} from "../../contract/library.js";
import type { LibrarySearch } from "../../contract/librarySearch.js";
import { librarySearchQuery } from "../../contract/librarySearchQuery.js";
import type { RemovalRequestPage } from "../../domain/library/removalRequests.js";
import type { EntrySearchHit, EntrySearchPage } from "../../domain/library/search/searchTypes.js";
import type { ApiClient } from "./ApiClient.js";
import { communityCollection, getItems, getJson } from "./apiRequests.js";

export type { LibrarySearch } from "../../contract/librarySearch.js";
export { ENTRY_SORTS, type EntrySort } from "../../contract/librarySearchQuery.js";
export type { PersonRef } from "../../domain/identity.js";
export {
  ENTRY_TYPES,
  type EntrySource,
  type EntryType,
  type Verification,
} from "../../domain/library/entry.js";
export type {
  RemovalRequest,
  RemovalRequestPage,
} from "../../domain/library/removalRequests.js";
export type {
  EntryHighlight,
  EntrySearchHit,
  EntrySearchPage,
  HighlightRange,
} from "../../domain/library/search/searchTypes.js";

/** One entry as the signed-in person sees it (the server keeps the tenant id to itself). */
export type Entry = EntryAnswer;
/** What a person writes: a new entry. */
export type EntryDraft = NewEntryRequest;
/** An earlier version of an entry, kept when it was edited (or a steward's decision about it). */
export type { EntryRevision } from "../../domain/library/entryRepository.js";

const entries = communityCollection<Entry, EntryDraft, EntryChangesRequest>("entries", "PATCH");

/** One page of a community's library matching `search`. */
export function searchEntries(
  api: ApiClient,
  communityId: string,
  search: LibrarySearch,
  page: { offset: number; limit: number },
  signal?: AbortSignal,
): Promise<EntrySearchPage> {
  const query = librarySearchQuery(search, page);
  return getJson<EntrySearchAnswer>(api, `${entries.all(communityId)}?${query}`, signal);
}

export const getEntry = entries.get;
export const createEntry = entries.create;
/** Saves an edit made from version `etag`. */
export const updateEntry = entries.update;
export const deleteEntry = entries.remove;

/** Marks the entry helpful (`true`) or takes the vote back (`false`). */
export function setHelpfulVote(
  api: ApiClient,
  communityId: string,
  entryId: string,
  helpful: boolean,
): Promise<Entry> {
  return api.request<Entry>(helpful ? "PUT" : "DELETE", `${entries.one(communityId, entryId)}/vote`);
}

/** A steward verifies the entry, optionally with a `YYYY-MM-DD` date to review it again by. */
export function verifyEntry(
  api: ApiClient,
  communityId: string,
  entryId: string,
  reviewBy: string | undefined,
): Promise<Entry> {
  return api.request<Entry>(
    "PUT",
    `${entries.one(communityId, entryId)}/verification`,
    reviewBy ? { reviewBy } : {},
  );
}

export function unverifyEntry(api: ApiClient, communityId: string, entryId: string): Promise<Entry> {
  return api.request<Entry>("DELETE", `${entries.one(communityId, entryId)}/verification`);
}

/** The original author asks the stewards to take the entry out, optionally saying why. */
export function requestEntryRemoval(
  api: ApiClient,
  communityId: string,
  entryId: string,
  reason?: string,
): Promise<Entry> {
  return api.request<Entry>(
    "POST",
    `${entries.one(communityId, entryId)}/removal-request`,
    reason?.trim() ? { reason: reason.trim() } : {},
  );
}

/** One page of the removal requests stewards decide on, newest first, with how many there are. */
export function getRemovalRequests(
  api: ApiClient,
  communityId: string,
  page: { offset: number; limit: number },
  signal?: AbortSignal,
): Promise<RemovalRequestPage> {
  const query = new URLSearchParams({ offset: String(page.offset), limit: String(page.limit) });
  return api.request<RemovalRequestsAnswer>(
    "GET",
    `/api/communities/${encodeURIComponent(communityId)}/removal-requests?${query}`,
    undefined,
    { signal },
  );
}

/** A steward keeps the entry: its removal request goes, and it returns to search. */
export function dismissRemovalRequest(api: ApiClient, communityId: string, entryId: string): Promise<Entry> {
  return api.request<Entry>("DELETE", `${entries.one(communityId, entryId)}/removal-request`);
}

export function getEntryHistory(
  api: ApiClient,
  communityId: string,
  entryId: string,
  signal?: AbortSignal,
): Promise<EntryHistoryAnswer["items"]> {
  return getItems<EntryHistoryAnswer>(api, `${entries.one(communityId, entryId)}/history`, signal);
}

export function getRelatedEntries(
  api: ApiClient,
  communityId: string,
  entryId: string,
  signal?: AbortSignal,
): Promise<EntrySearchHit[]> {
  return getItems<EntryHitsAnswer>(api, `${entries.one(communityId, entryId)}/related`, signal);
}
