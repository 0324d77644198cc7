import type { z } from "zod";
import type { EntryRevision } from "../domain/library/entryRepository.js";
import type { entryChangesSchema, newEntrySchema } from "../domain/library/entrySchemas.js";
import type { EntryView } from "../domain/library/entryView.js";
import type { RemovalRequestPage } from "../domain/library/removalRequests.js";
import type { EntrySearchHit, EntrySearchPage } from "../domain/library/search/searchTypes.js";
import type { ItemsAnswer, TenantFree } from "./answers.js";

/**
 * The library's requests and answers (`/api/communities/:id/entries…`, `/api/entries/search`).
 * Requests are the domain's schemas (the service parses with them); answers are the domain's views
 * as the tab receives them. The search's own shape is in librarySearch.ts.
 */

/** One entry as the signed-in person sees it. */
export type EntryAnswer = TenantFree<EntryView> & {
  /** On voting: it made the caller a member of the open community. */
  joinedCommunity?: true;
};

/** What a person writes to add an entry (`POST …/entries`). */
export type NewEntryRequest = z.input<typeof newEntrySchema>;
/** The fields of an edit (`PATCH …/entries/:id`, with `If-Match`). */
export type EntryChangesRequest = z.input<typeof entryChangesSchema>;

/** `GET …/entries?…`: one page of a community's library. */
export type EntrySearchAnswer = EntrySearchPage;
/** `GET /api/entries/search?…` (my communities), `GET …/entries/:id/related`. */
export type EntryHitsAnswer = ItemsAnswer<EntrySearchHit>;
/** `GET …/entries/:id/history`: earlier versions, newest first. */
export type EntryHistoryAnswer = ItemsAnswer<EntryRevision>;
/** `GET …/removal-requests`: the stewards' review list. */
export type RemovalRequestsAnswer = RemovalRequestPage;
