import { getEntry, getEntryHistory, getRelatedEntries } from "../../api/library.js";
import { libraryKeys } from "../../api/libraryKeys.js";
import { useApiQuery } from "../useApiQuery.js";

/** One entry as the signed-in person sees it (cached; votes and edits update it in place). */
export function useEntry(communityId: string, entryId: string) {
  return useApiQuery(libraryKeys.entry(communityId, entryId), (api, signal) =>
    getEntry(api, communityId, entryId, signal),
  );
}

/** The entry's earlier versions, newest first as the API lists them. */
export function useEntryHistory(communityId: string, entryId: string) {
  return useApiQuery(libraryKeys.history(communityId, entryId), (api, signal) =>
    getEntryHistory(api, communityId, entryId, signal),
  );
}

/** Entries like this one (shared tags, words in the title). */
export function useRelatedEntries(communityId: string, entryId: string) {
  return useApiQuery(libraryKeys.related(communityId, entryId), (api, signal) =>
    getRelatedEntries(api, communityId, entryId, signal),
  );
}
