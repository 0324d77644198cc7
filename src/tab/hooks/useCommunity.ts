import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { type ApiError, toApiError } from "../api/ApiError.js";
import {
  type Community,
  getCommunity,
  joinCommunity,
  leaveCommunity,
  requestToJoin,
} from "../api/communities.js";
import { communityKey } from "../api/libraryKeys.js";
import { useApi } from "./useApi.js";

/** The community shown by a page, or why none is shown. */
export type CommunityState =
  | { status: "loading" }
  /** No community id in the tab's context, or the id no longer exists. */
  | { status: "notConnected" }
  /** A private community the user is not a member of. */
  | { status: "forbidden" }
  /** The person's organisation has not enabled PeerCircle (the server served a genuine token a 403). */
  | { status: "tenantNotEnabled" }
  | { status: "failed"; error: ApiError }
  | { status: "loaded"; community: Community };

/** The state of a join, leave or request-to-join. */
export interface MembershipState {
  pending: MembershipAction | null;
  error: ApiError | null;
  /** The last completed change, for a screen-reader announcement. */
  lastChange: "joined" | "left" | "requested" | null;
}

/** What {@link useCommunity} returns. */
export interface UseCommunityResult {
  state: CommunityState;
  membership: MembershipState;
  reload: () => void;
  join: () => void;
  leave: () => void;
  /** Asks the stewards of a private community to let the user in. */
  requestToJoin: () => void;
}

/** A community's membership and the ways to change it, as the Join / Leave control needs them. */
export type MembershipControls = Pick<UseCommunityResult, "membership" | "join" | "leave" | "requestToJoin">;

/** What the user asked of their membership. */
export type MembershipAction = "join" | "leave" | "request";

const membershipCalls = { join: joinCommunity, leave: leaveCommunity, request: requestToJoin };
const changes = { join: "joined", leave: "left", request: "requested" } as const;

/**
 * Loads a community by id (cached: the home and library pages share one copy) and lets the user
 * join or leave it, or ask to join a private one.
 */
export function useCommunity(communityId: string | undefined): UseCommunityResult {
  const api = useApi();
  const queryClient = useQueryClient();
  const id = communityId ?? "";
  const query = useQuery({
    queryKey: communityKey(id),
    queryFn: ({ signal }) => getCommunity(api, id, signal),
    enabled: id !== "",
  });
  const membership = useMutation({
    mutationFn: (action: MembershipAction) => membershipCalls[action](api, id),
    onSuccess: (community) => queryClient.setQueryData(communityKey(id), community),
  });
  const { mutate, reset } = membership;

  const change = useCallback(
    (action: MembershipAction) => {
      reset();
      mutate(action);
    },
    [mutate, reset],
  );
  const { refetch } = query;

  return {
    state: stateOf(id, query),
    membership: {
      pending: membership.isPending ? (membership.variables ?? null) : null,
      error: membership.error ? toApiError(membership.error) : null,
      lastChange: membership.isSuccess && membership.variables ? changes[membership.variables] : null,
    },
    reload: useCallback(() => void refetch(), [refetch]),
    join: useCallback(() => change("join"), [change]),
    leave: useCallback(() => change("leave"), [change]),
    requestToJoin: useCallback(() => change("request"), [change]),
  };
}

function stateOf(
  id: string,
  query: { data?: Community; error: unknown; isFetching: boolean },
): CommunityState {
  if (id === "") return { status: "notConnected" };
  if (query.data) return { status: "loaded", community: query.data };
  // While a Retry runs the spinner shows again, so the person sees their click do something.
  if (!query.error || query.isFetching) return { status: "loading" };
  const error = toApiError(query.error);
  if (error.status === 404) return { status: "notConnected" };
  if (error.status === 403 && error.code === "tenant_not_enabled") return { status: "tenantNotEnabled" };
  if (error.status === 403) return { status: "forbidden" };
  return { status: "failed", error };
}
