import { homeKey } from "../../api/home.js";
import type { PersonRef } from "../../api/library.js";
import { communityKey } from "../../api/libraryKeys.js";
import {
  assignRole,
  changeOccurrence,
  type RsvpResponse,
  retryMeeting,
  type Session,
  type SessionRole,
  sessionKeys,
  setRsvp,
} from "../../api/sessions.js";
import { withRsvp } from "../../pages/Calendar/rsvpModel.js";
import { useApiMutation } from "../useApiMutation.js";
import { useItemActions } from "../useItemActions.js";

/**
 * RSVP and role changes of one session, trying its Teams meeting again, and skipping one of a
 * series' occurrences. The RSVP shows at once (optimistic) and rolls back to the
 * previous answer and counts when the server refuses; the list and the home refresh afterwards.
 */
export function useSessionActions(communityId: string, sessionId: string) {
  const key = sessionKeys.one(communityId, sessionId);
  const { queryClient, refreshAround, applied } = useItemActions<Session>(key, [
    sessionKeys.list(communityId),
    homeKey(communityId),
  ]);

  const rsvp = useApiMutation(
    (api, response: RsvpResponse) => setRsvp(api, communityId, sessionId, response),
    {
      onMutate: async (response) => {
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData<Session>(key);
        if (previous) queryClient.setQueryData(key, withRsvp(previous, response));
        return { previous };
      },
      onError: (_error, _response, context) => {
        if (context?.previous) queryClient.setQueryData(key, context.previous);
      },
      onSuccess: (session) => {
        queryClient.setQueryData(key, session);
        // Answering joined the person to the open community: its membership and count changed.
        if (session.joinedCommunity)
          void queryClient.invalidateQueries({ queryKey: communityKey(communityId) });
      },
      onSettled: () => void refreshAround(),
    },
  );

  const role = useApiMutation(
    (api, { role, person }: { role: SessionRole; person: PersonRef | null }) =>
      assignRole(api, communityId, sessionId, role, person),
    { onSuccess: applied },
  );

  // The answer is laid over what the page holds, and the list (which shows the same) reloads.
  const merged = (updated: Session) => {
    queryClient.setQueryData(key, (old: Session | undefined) => ({ ...old, ...updated }));
    void queryClient.invalidateQueries({ queryKey: sessionKeys.list(communityId) });
  };
  const retry = useApiMutation((api) => retryMeeting(api, communityId, sessionId), {
    onSuccess: merged,
  });
  const skip = useApiMutation(
    (api, occurrenceId: string) =>
      changeOccurrence(api, communityId, sessionId, occurrenceId, { cancelled: true }),
    { onSuccess: merged },
  );

  return { rsvp, role, retry, skip };
}
