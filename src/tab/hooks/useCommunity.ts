import { useCallback, useEffect, useState } from "react";
import { type ApiError, toApiError } from "../api/ApiError";
import { type Community, getCommunity, joinCommunity, leaveCommunity } from "../api/communities";
import { useApi } from "./useApi";

/** The community shown by a page, or why none is shown. */
export type CommunityState =
  | { status: "loading" }
  /** No community id in the tab's context, or the id no longer exists. */
  | { status: "notConnected" }
  /** A private community the user is not a member of. */
  | { status: "forbidden" }
  | { status: "failed"; error: ApiError }
  | { status: "loaded"; community: Community };

/** The state of a join or leave request. */
export interface MembershipState {
  pending: "join" | "leave" | null;
  error: ApiError | null;
  /** The last completed change, for a screen-reader announcement. */
  lastChange: "joined" | "left" | null;
}

/** What {@link useCommunity} returns. */
export interface UseCommunityResult {
  state: CommunityState;
  membership: MembershipState;
  reload: () => void;
  join: () => void;
  leave: () => void;
}

/** Loads a community by id and lets the user join or leave it. */
export function useCommunity(communityId: string | undefined): UseCommunityResult {
  const api = useApi();
  const [state, setState] = useState<CommunityState>({ status: "loading" });
  const [membership, setMembership] = useState<MembershipState>({
    pending: null,
    error: null,
    lastChange: null,
  });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    if (!communityId) {
      setState({ status: "notConnected" });
      return;
    }
    let current = true;
    setState({ status: "loading" });
    getCommunity(api, communityId).then(
      (community) => current && setState({ status: "loaded", community }),
      (error: unknown) => current && setState(stateForLoadError(toApiError(error))),
    );
    return () => {
      current = false;
    };
  }, [api, communityId, attempt]);

  const changeMembership = useCallback(
    (action: "join" | "leave") => {
      if (!communityId) return;
      setMembership({ pending: action, error: null, lastChange: null });
      const request = action === "join" ? joinCommunity : leaveCommunity;
      request(api, communityId).then(
        (community) => {
          setState({ status: "loaded", community });
          setMembership({ pending: null, error: null, lastChange: action === "join" ? "joined" : "left" });
        },
        (error: unknown) => setMembership({ pending: null, error: toApiError(error), lastChange: null }),
      );
    },
    [api, communityId],
  );

  return {
    state,
    membership,
    reload: useCallback(() => setAttempt((n) => n + 1), []),
    join: useCallback(() => changeMembership("join"), [changeMembership]),
    leave: useCallback(() => changeMembership("leave"), [changeMembership]),
  };
}

function stateForLoadError(error: ApiError): CommunityState {
  if (error.status === 404) return { status: "notConnected" };
  if (error.status === 403) return { status: "forbidden" };
  return { status: "failed", error };
}
