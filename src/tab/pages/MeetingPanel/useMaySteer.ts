import { useQuery } from "@tanstack/react-query";
import { type ActivityView, maySteerActivity } from "../../api/activities.js";
import { useApi } from "../../hooks/useApi.js";

/**
 * Whether I steer this activity: its facilitator always; the organiser or a presenter of its
 * meeting too, asked once when the panel shows the activity and again after five minutes at most
 * (every attendee's panel asks Teams through the server, so not at every poll or focus). The
 * server checks every control again, so this only decides what the panel shows.
 */
export function useMaySteer(
  view: Pick<ActivityView, "id" | "isFacilitator" | "meetingId"> | null | undefined,
): boolean {
  const api = useApi();
  const id = view?.id ?? "";
  const asked = useQuery({
    queryKey: ["activity-steering", id],
    queryFn: ({ signal }) => maySteerActivity(api, id, signal),
    enabled: !!view && !view.isFacilitator && !!view.meetingId,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });
  return !!view && (view.isFacilitator || asked.data === true);
}
