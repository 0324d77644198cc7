import { useQuery } from "@tanstack/react-query";
import { getEntry, getEntryHistory, getRelatedEntries } from "../../api/library.js";
import { libraryKeys } from "../../api/libraryKeys.js";
import { useApi } from "../useApi.js";

/** One entry as the signed-in person sees it (cached; votes and edits update it in place). */
export function useEntry(communityId: string, entryId: string) {
  const api = useApi();
  return useQuery({
    queryKey: libraryKeys.entry(communityId, entryId),
    queryFn: ({ signal }) => getEntry(api, communityId, entryId, signal),
  });
}

/** The entry's earlier versions, newest first as the API lists them. */
export function useEntryHistory(communityId: string, entryId: string) {
  const api = useApi();
  return useQuery({
    queryKey: libraryKeys.history(communityId, entryId),
    queryFn: ({ signal }) => getEntryHistory(api, communityId, entryId, signal),
  });
}

/** Entries like this one (shared tags, words in the title). */
export function useRelatedEntries(communityId: string, entryId: string) {
  const api = useApi();
  return useQuery({
    queryKey: libraryKeys.related(communityId, entryId),
    queryFn: ({ signal }) => getRelatedEntries(api, communityId, entryId, signal),
  });
}
