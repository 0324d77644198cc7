import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { SEARCH_PAGE_SIZE } from "../../../contract/librarySearchQuery.js";
import { MAX_SEARCH_OFFSET } from "../../../domain/library/search/searchLimits.js";
import { type ApiError, toApiError } from "../../api/ApiError.js";
import { type EntrySearchHit, type LibrarySearch, searchEntries } from "../../api/library.js";
import { libraryKeys } from "../../api/libraryKeys.js";
import { useApi } from "../useApi.js";

/** What {@link useEntrySearch} returns. */
export interface EntrySearchResult {
  /** The results loaded so far, each entry once even if the library changed between pages. */
  items: EntrySearchHit[];
  /** How many entries match in all; undefined until the first page arrives. */
  total: number | undefined;
  /** No entry held every word, so the results hold any of them. */
  relaxed: boolean;
  /** Nothing to show yet: the first search is running. */
  isLoading: boolean;
  /** A new search runs while the previous results stay on screen. */
  isUpdating: boolean;
  error: ApiError | null;
  hasMore: boolean;
  isLoadingMore: boolean;
  loadMore: () => void;
  retry: () => void;
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
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((count, page) => count + page.items.length, 0);
      // The server pages no deeper than MAX_SEARCH_OFFSET: past it, narrowing the search is the way.
      return last.items.length > 0 && loaded < last.total && loaded <= MAX_SEARCH_OFFSET ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });

  const pages = query.data?.pages ?? [];
  const seen = new Set<string>();
  const items = pages.flatMap((page) => page.items).filter((hit) => !seen.has(hit.id) && !!seen.add(hit.id));

  return {
    items,
    total: pages.at(-1)?.total,
    relaxed: pages[0]?.relaxed === true,
    isLoading: query.isPending,
    isUpdating: query.isPlaceholderData,
    error: query.isError ? toApiError(query.error) : null,
    hasMore: query.hasNextPage,
    isLoadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    retry: () => void query.refetch(),
  };
}
