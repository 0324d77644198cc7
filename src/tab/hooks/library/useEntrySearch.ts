import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { SEARCH_PAGE_SIZE } from "../../../contract/librarySearchQuery.js";
import { MAX_SEARCH_OFFSET } from "../../../domain/library/search/searchLimits.js";
import { type EntrySearchHit, type LibrarySearch, searchEntries } from "../../api/library.js";
import { libraryKeys } from "../../api/libraryKeys.js";
import { nextOffset, type PagedList, pagedListOf } from "../pagedList.js";
import { useApi } from "../useApi.js";

/** What {@link useEntrySearch} returns. */
export interface EntrySearchResult extends PagedList<EntrySearchHit> {
  /** No entry held every word, so the results hold any of them. */
  relaxed: boolean;
  /** A new search runs while the previous results stay on screen. */
  isUpdating: boolean;
}

/**
 * Searches a community's library, a page at a time. Changing `params` starts a new search and
 * cancels the one in flight, keeping the previous results visible until the new ones arrive.
 */
export function useEntrySearch(communityId: string, params: LibrarySearch): EntrySearchResult {
  const api = useApi();
  const query = useInfiniteQuery({
    queryKey: libraryKeys.search(communityId, params),
    queryFn: ({ pageParam, signal }) =>
      searchEntries(api, communityId, params, { offset: pageParam, limit: SEARCH_PAGE_SIZE }, signal),
    initialPageParam: 0,
    // The server pages no deeper than MAX_SEARCH_OFFSET: past it, narrowing the search is the way.
    getNextPageParam: (last, pages) => nextOffset(last, pages, MAX_SEARCH_OFFSET),
    placeholderData: keepPreviousData,
  });

  return {
    ...pagedListOf(query, (hit) => hit.id),
    relaxed: query.data?.pages[0]?.relaxed === true,
    isUpdating: query.isPlaceholderData,
  };
}
