import { type ApiError, toApiError } from "../api/ApiError.js";

/** What a list read a page at a time offers the page that shows it. */
export interface PagedList<T> {
  /** The items loaded so far, each once even if the list changed between pages. */
  items: T[];
  /** How many there are in all; undefined until the first page arrives. */
  total: number | undefined;
  /** Nothing to show yet: the first page is on its way. */
  isLoading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  isLoadingMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

/** One page of such a list, as the API answers it. */
interface Page<T> {
  items: T[];
  total: number;
}

/**
 * The offset of the next page (how many items are loaded), or none: the last page came back
 * empty, all are loaded, or the server pages no deeper than `maxOffset`.
 */
export function nextOffset<T>(
  last: Page<T>,
  pages: Page<T>[],
  maxOffset = Number.POSITIVE_INFINITY,
): number | undefined {
  const loaded = pages.reduce((count, page) => count + page.items.length, 0);
  return last.items.length > 0 && loaded < last.total && loaded <= maxOffset ? loaded : undefined;
}

/** The parts of a TanStack infinite query that {@link pagedListOf} reads. */
interface InfinitePages<P> {
  data?: { pages: P[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

/** The list an infinite query has loaded: its items (each once, by `idOf`), the total, and paging. */
export function pagedListOf<T>(query: InfinitePages<Page<T>>, idOf: (item: T) => string): PagedList<T> {
  const pages = query.data?.pages ?? [];
  const seen = new Set<string>();
  const items = pages
    .flatMap((page) => page.items)
    .filter((item) => !seen.has(idOf(item)) && !!seen.add(idOf(item)));
  return {
    items,
    total: pages.at(-1)?.total,
    isLoading: query.isPending,
    error: query.isError ? toApiError(query.error) : null,
    hasMore: query.hasNextPage,
    isLoadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    retry: () => void query.refetch(),
  };
}
