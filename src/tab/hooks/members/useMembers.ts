import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiError, toApiError } from "../../api/ApiError.js";
import {
  addMember,
  addSteward,
  answerJoinRequest,
  type JoinRequest,
  listJoinRequests,
  listMembers,
  type Member,
  removeMember,
  removeSteward,
  type Steward,
} from "../../api/communities.js";
import { homeKey } from "../../api/home.js";
import { communityKey } from "../../api/libraryKeys.js";
import { useApi } from "../useApi.js";
import { useApiQuery } from "../useApiQuery.js";

/** Query keys of a community's members and requests to join. */
export const membersKeys = {
  all: (communityId: string) => ["members", communityId] as const,
  list: (communityId: string) => ["members", communityId, "list"] as const,
  requests: (communityId: string) => ["members", communityId, "requests"] as const,
};

/** A steward's change to the members, as the page asks for it. */
export type MemberChange =
  | { kind: "add"; people: Steward[]; steward: boolean }
  | { kind: "remove"; person: Steward }
  | { kind: "makeSteward"; person: Steward }
  | { kind: "endSteward"; person: Steward }
  | { kind: "approve"; person: Steward }
  | { kind: "decline"; person: Steward };

/** What {@link useMembers} returns. */
export interface UseMembersResult {
  members: Member[] | undefined;
  membersError: ApiError | null;
  requests: JoinRequest[] | undefined;
  requestsError: ApiError | null;
  retry: () => void;
  change: (change: MemberChange) => void;
  /** The change running now, if any. */
  pending: MemberChange | null;
  /** The last change that went through, for the page's confirmation. */
  done: MemberChange | null;
  error: ApiError | null;
}

/**
 * A community's members and the requests to join it (stewards), and the stewards' changes to them:
 * each change refreshes the members, the requests, the community (its count, its stewards) and the
 * home (its count of waiting requests).
 */
export function useMembers(communityId: string, isSteward: boolean): UseMembersResult {
  const api = useApi();
  const queryClient = useQueryClient();
  const members = useApiQuery(membersKeys.list(communityId), (api, signal) =>
    listMembers(api, communityId, signal),
  );
  const requests = useQuery({
    queryKey: membersKeys.requests(communityId),
    queryFn: ({ signal }) => listJoinRequests(api, communityId, signal),
    enabled: isSteward,
  });
  const mutation = useMutation({
    mutationFn: async (change: MemberChange) => {
      switch (change.kind) {
        case "add":
          for (const person of change.people) await addMember(api, communityId, person, change.steward);
          return;
        case "remove":
          await removeMember(api, communityId, change.person.id);
          return;
        case "makeSteward":
          await addSteward(api, communityId, change.person);
          return;
        case "endSteward":
          await removeSteward(api, communityId, change.person.id);
          return;
        case "approve":
        case "decline":
          await answerJoinRequest(api, communityId, change.person.id, change.kind);
          return;
      }
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: membersKeys.all(communityId) }),
        queryClient.invalidateQueries({ queryKey: communityKey(communityId) }),
        queryClient.invalidateQueries({ queryKey: homeKey(communityId) }),
      ]),
  });

  return {
    members: members.data,
    membersError: members.error ? toApiError(members.error) : null,
    requests: requests.data,
    requestsError: requests.error ? toApiError(requests.error) : null,
    retry: () => {
      void members.refetch();
      if (isSteward) void requests.refetch();
    },
    change: (change) => {
      mutation.reset();
      mutation.mutate(change);
    },
    pending: mutation.isPending ? (mutation.variables ?? null) : null,
    done: mutation.isSuccess ? (mutation.variables ?? null) : null,
    error: mutation.error ? toApiError(mutation.error) : null,
  };
}
