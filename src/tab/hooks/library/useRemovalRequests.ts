import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { type ApiError, toApiError } from "../../api/ApiError.js";
import {
  deleteEntry,
  dismissRemovalRequest,
  getRemovalRequests,
  type RemovalRequest,
  type RemovalRequestPage,
} from "../../api/library.js";
import { libraryKeys } from "../../api/libraryKeys.js";
import { nextOffset, type PagedList, pagedListOf } from "../pagedList.js";
import { useApi } from "../useApi.js";

/** Requests per page ("Show more" adds this many). */
export const REMOVAL_REQUEST_PAGE_SIZE = 20;

/** What a steward decides about a request: delete the entry, or keep it. */
export type RemovalDecision = "delete" | "keep";

/** How a decision ended, for the page to say so. */
export type RemovalDecisionOutcome =
  | { ok: true; decision: RemovalDecision; request: RemovalRequest }
  | { ok: false; decision: RemovalDecision; request: RemovalRequest; error: ApiError };

/** What {@link useRemovalRequests} returns. */
export interface RemovalRequestsResult extends PagedList<RemovalRequest> {
  /** Its items are those loaded, minus those being decided right now (optimistic). */
  decide: (request: RemovalRequest, decision: RemovalDecision) => void;
}

type ListData = InfiniteData<RemovalRequestPage, number>;
type DecisionVariables = { request: RemovalRequest; decision: RemovalDecision };
/** The cache as it was before an optimistic decision, to put back if the server refuses. */
type Snapshot = { list: ListData | undefined; count: RemovalRequestPage | undefined };

/**
 * The removal requests of a community (stewards only), a page at a time, and the steward's two
 * decisions. A decision takes the request off the list and the badge count at once; if the server
 * refuses, both come back as they were and `onDecided` reports the error.
 */
export function useRemovalRequests(
  communityId: string,
  onDecided: (outcome: RemovalDecisionOutcome) => void,
): RemovalRequestsResult {
  const api = useApi();
  const queryClient = useQueryClient();
  const listKey = libraryKeys.removalRequestList(communityId);
  const countKey = libraryKeys.removalRequestCount(communityId);

  const query = useInfiniteQuery({
    queryKey: listKey,
    queryFn: ({ pageParam, signal }) =>
      getRemovalRequests(api, communityId, { offset: pageParam, limit: REMOVAL_REQUEST_PAGE_SIZE }, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => nextOffset(last, pages),
  });

  const decision = useMutation<void, unknown, DecisionVariables, Snapshot>({
    mutationFn: async ({ request, decision }) => {
      if (decision === "delete") await deleteEntry(api, communityId, request.entryId);
      else await dismissRemovalRequest(api, communityId, request.entryId);
    },
    onMutate: async ({ request }) => {
      // A list read in flight would put the request back on screen: cancel it first.
      await queryClient.cancelQueries({ queryKey: libraryKeys.removalRequests(communityId) });
      const before = {
        list: queryClient.getQueryData<ListData>(listKey),
        count: queryClient.getQueryData<RemovalRequestPage>(countKey),
      };
      queryClient.setQueryData<ListData>(listKey, (data) => data && withoutRequest(data, request.entryId));
      queryClient.setQueryData<RemovalRequestPage>(
        countKey,
        (page) => page && { ...page, total: Math.max(0, page.total - 1) },
      );
      return before;
    },
    onError: (error, { request, decision }, before) => {
      if (before) {
        queryClient.setQueryData(listKey, before.list);
        queryClient.setQueryData(countKey, before.count);
      }
      onDecided({ ok: false, decision, request, error: toApiError(error) });
    },
    onSuccess: (_data, { request, decision }) => {
      onDecided({ ok: true, decision, request });
      forgetEntry(queryClient, communityId, request.entryId, decision);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: libraryKeys.removalRequests(communityId) }),
  });

  return {
    ...pagedListOf(query, (request) => request.entryId),
    decide: (request, choice) => decision.mutate({ request, decision: choice }),
  };
}

/**
 * How many removal requests wait, for the stewards' badge in the library. Asks only when `enabled`
 * (a steward), so members never send a request the server would refuse.
 */
export function useRemovalRequestCount(communityId: string, enabled: boolean): number | undefined {
  const api = useApi();
  const query = useQuery({
    queryKey: libraryKeys.removalRequestCount(communityId),
    queryFn: ({ signal }) => getRemovalRequests(api, communityId, { offset: 0, limit: 1 }, signal),
    enabled,
  });
  return query.data?.total;
}

function withoutRequest(data: ListData, entryId: string): ListData {
  const found = data.pages.some((page) => page.items.some((r) => r.entryId === entryId));
  if (!found) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.filter((r) => r.entryId !== entryId),
      total: Math.max(0, page.total - 1),
    })),
  };
}

/** The entry changed: its page reads it afresh (gone, or kept), and searches find it again or not. */
function forgetEntry(
  queryClient: QueryClient,
  communityId: string,
  entryId: string,
  decision: RemovalDecision,
) {
  const entryKey = libraryKeys.entry(communityId, entryId);
  if (decision === "delete") queryClient.removeQueries({ queryKey: entryKey });
  else void queryClient.invalidateQueries({ queryKey: entryKey });
  void queryClient.invalidateQueries({ queryKey: libraryKeys.searches(communityId) });
}
