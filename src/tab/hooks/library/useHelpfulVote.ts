import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type ApiError, toApiError } from "../../api/ApiError.js";
import { type Entry, setHelpfulVote } from "../../api/library.js";
import { communityKey, libraryKeys } from "../../api/libraryKeys.js";
import { useApi } from "../useApi.js";

/** What {@link useHelpfulVote} returns. */
export interface HelpfulVote {
  /** Flips the person's vote; the count changes at once and rolls back if the server says no. */
  toggle: (entry: Entry) => void;
  /** The last vote that failed, until the next one. */
  error: ApiError | null;
  /** A vote made the person a member of the (open) community. */
  joinedCommunity: boolean;
}

/** The entry with the person's vote set to `helpful`, as the server will count it. */
export function withVote(entry: Entry, helpful: boolean): Entry {
  if (entry.hasVoted === helpful) return entry;
  return { ...entry, hasVoted: helpful, helpfulCount: Math.max(0, entry.helpfulCount + (helpful ? 1 : -1)) };
}

/**
 * The helpful vote on an entry, optimistic: the entry in the cache changes before the request is
 * sent, and goes back to what it was if the request fails. Clicks are sent one after another
 * (`scope`), so a quick vote-unvote reaches the server in the order it was made; the server's
 * answer to the last click replaces the optimistic entry.
 */
export function useHelpfulVote(communityId: string, entryId: string): HelpfulVote {
  const api = useApi();
  const queryClient = useQueryClient();
  const entryKey = libraryKeys.entry(communityId, entryId);
  const mutationKey = ["vote", communityId, entryId];
  const [joinedCommunity, setJoinedCommunity] = useState(false);

  const mutation = useMutation({
    mutationKey,
    scope: { id: `vote:${communityId}:${entryId}` },
    mutationFn: (helpful: boolean) => setHelpfulVote(api, communityId, entryId, helpful),
    onMutate: async (helpful) => {
      // A refetch landing now would overwrite the optimistic count with an older one.
      await queryClient.cancelQueries({ queryKey: entryKey, exact: true });
      const previous = queryClient.getQueryData<Entry>(entryKey);
      if (previous) queryClient.setQueryData<Entry>(entryKey, withVote(previous, helpful));
      return { previous };
    },
    onError: (_error, _helpful, context) => {
      if (context?.previous) queryClient.setQueryData<Entry>(entryKey, context.previous);
    },
    onSuccess: (entry) => {
      if (entry.joinedCommunity) {
        setJoinedCommunity(true);
        void queryClient.invalidateQueries({ queryKey: communityKey(communityId) });
      }
      // With more clicks queued, their optimistic state is the newer truth: leave it on screen.
      if (queryClient.isMutating({ mutationKey }) === 1) queryClient.setQueryData<Entry>(entryKey, entry);
    },
    onSettled: (_entry, error) => {
      if (queryClient.isMutating({ mutationKey }) !== 1) return;
      // After a failure, ask the server what is true now (the rollback restored what was true before).
      if (error) void queryClient.invalidateQueries({ queryKey: entryKey, exact: true });
      // Result lists show counts and sort by them.
      void queryClient.invalidateQueries({ queryKey: libraryKeys.searches(communityId) });
    },
  });

  return {
    toggle: (entry) => mutation.mutate(!entry.hasVoted),
    error: mutation.isError ? toApiError(mutation.error) : null,
    joinedCommunity,
  };
}
