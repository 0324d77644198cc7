import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  acceptAnswer,
  askLibrary,
  askPeople,
  getRoute,
  listAnswers,
  listUnanswered,
  postAnswer,
  unacceptAnswer,
} from "../../api/asking.js";
import { libraryKeys } from "../../api/libraryKeys.js";
import { useApi } from "../useApi.js";
import { useApiQuery } from "../useApiQuery.js";

const answersKey = (c: string, e: string) => [...libraryKeys.entry(c, e), "answers"] as const;
const routeKey = (c: string, e: string) => [...libraryKeys.entry(c, e), "route"] as const;
const unansweredKey = (c: string) => [...libraryKeys.community(c), "unanswered"] as const;

/** Asks the library, then (when it has nothing, or the person asks for it) the community's people. */
export function useAskTheCommunity(communityId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const library = useMutation({ mutationFn: (question: string) => askLibrary(api, communityId, question) });
  const people = useMutation({
    mutationFn: (question: string) => askPeople(api, communityId, question),
    // A new open question is in the library's lists and maybe the stewards' queue.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: libraryKeys.community(communityId) }),
  });
  return { library, people };
}

/** Who a question went to and when (nothing when it was never routed). */
export function useQuestionRoute(communityId: string, entryId: string) {
  return useApiQuery(routeKey(communityId, entryId), (api, signal) =>
    getRoute(api, communityId, entryId, signal),
  );
}

/** A question's answers, with answering, accepting and (stewards) taking an acceptance back. */
export function useAnswers(communityId: string, entryId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const list = useApiQuery(answersKey(communityId, entryId), (api, signal) =>
    listAnswers(api, communityId, entryId, signal),
  );
  // The entry (answered), its route (stopped) and the lists change with an answer.
  const refresh = () => queryClient.invalidateQueries({ queryKey: libraryKeys.entry(communityId, entryId) });
  const add = useMutation({
    mutationFn: (body: string) => postAnswer(api, communityId, entryId, body),
    onSuccess: refresh,
  });
  const accept = useMutation({
    mutationFn: (answerId: string) => acceptAnswer(api, communityId, entryId, answerId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: libraryKeys.community(communityId) }),
  });
  const unaccept = useMutation({
    mutationFn: (answerId: string) => unacceptAnswer(api, communityId, entryId, answerId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: libraryKeys.community(communityId) }),
  });
  return { list, add, accept, unaccept };
}

/** The stewards' queue of questions past their response time. */
export function useUnanswered(communityId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: unansweredKey(communityId),
    queryFn: ({ signal }) => listUnanswered(api, communityId, signal),
    enabled,
  });
}
