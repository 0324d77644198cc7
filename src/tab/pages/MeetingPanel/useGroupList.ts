import { useQuery } from "@tanstack/react-query";
import { type ActivityView, type GroupView, getActivityGroups } from "../../api/activities.js";
import { useApi } from "../../hooks/useApi.js";

/**
 * Who is with whom, for the group list of whoever steers: the facilitator's view carries it; a
 * presenter who steers asks for it, again when the groups change (a new round, a late joiner).
 */
export function useGroupList(
  view: Pick<ActivityView, "id" | "groups" | "groupCount" | "participantCount" | "state">,
): GroupView[] | undefined {
  const api = useApi();
  const asked = useQuery({
    queryKey: ["activity-groups", view.id, view.state.phaseIndex, view.groupCount, view.participantCount],
    queryFn: ({ signal }) => getActivityGroups(api, view.id, signal),
    enabled: !view.groups && view.groupCount !== undefined,
    staleTime: 60_000,
  });
  return view.groups ?? asked.data;
}
