import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import {
  type ActivityChange,
  type ActivityState,
  type ActivityView,
  activityKeys,
  getActivity,
  getCurrentActivity,
  isSavedChange,
  withSaved,
} from "../../api/activities.js";
import { useApi } from "../../hooks/useApi.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";

/** How often a view asks whether the activity changed. */
export interface MeetingActivityOptions {
  /**
   * Milliseconds between polls while an activity runs. The stage's wall must show a new insight
   * within 2 s, so it polls every second; the side panel also refreshes at once after each action.
   */
  intervalMs: number;
}

/** When no activity runs (or the last one ended), how often to look for a new one. */
const IDLE_INTERVAL_MS = 5_000;
/** How long after its end an activity still opens (the final wall, a commitment to write). */
const ENDED_SHOWN_MS = 2 * 60 * 60_000;

/**
 * The last activity this person saw in this meeting chat, kept in the browser so a reloaded panel
 * still shows one that ended a moment ago (the server's "current" lists running ones only).
 */
function activityMemory(userId: string, conversationId: string) {
  const key = `peercircle.meetingActivity:${userId}:${conversationId}`;
  return {
    recall(): string | null {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null; // storage blocked (third-party frame settings): nothing remembered
      }
    },
    remember(activityId: string): void {
      try {
        window.localStorage.setItem(key, activityId);
      } catch {
        // as above
      }
    },
  };
}

function endedLongAgo(state: ActivityState): boolean {
  const endedAt = state.snapshot.activity?.state.endedAt;
  return !endedAt || Date.now() + state.clockOffsetMs - Date.parse(endedAt) > ENDED_SHOWN_MS;
}

/**
 * The meeting's activity, kept live by polling with ETags (a 304 leaves everything as it was).
 * While an activity is known it is polled by id, so an ended one stays on screen (the final wall,
 * the commitment to write) until a new one is set up in the same meeting chat.
 */
export function useMeetingActivity(conversationId: string, { intervalMs }: MeetingActivityOptions) {
  const api = useApi();
  const { context } = useTeamsContext();
  const queryClient = useQueryClient();
  const key = activityKeys.meeting(conversationId);
  const memory = activityMemory(context.user?.id ?? "", conversationId);

  const query = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const previous = queryClient.getQueryData<ActivityState>(key);
      const known = previous?.snapshot.activity;
      if (known && known.state.status !== "ended") return getActivity(api, known.id, previous, signal);
      // Nothing known, or the known one ended: is there a new one? An ended one stays until there is.
      const current = await getCurrentActivity(api, conversationId, undefined, signal);
      const found = current.snapshot.activity;
      if (found) {
        memory.remember(found.id);
        return current;
      }
      if (known) return getActivity(api, known.id, previous, signal);
      const remembered = memory.recall();
      if (!remembered) return current;
      const last = await getActivity(api, remembered, undefined, signal).catch(() => undefined);
      return last?.snapshot.activity && !endedLongAgo(last) ? last : current;
    },
    refetchInterval: (q) => {
      const status = q.state.data?.snapshot.activity?.state.status;
      return status && status !== "ended" ? intervalMs : IDLE_INTERVAL_MS;
    },
    // Polls keep it fresh; a remount should not refetch on top of them.
    staleTime: 500,
  });

  /** Puts an action's answer in place at once (no wait for the next poll). */
  const accept = (change: ActivityChange) => {
    if (isSavedChange(change)) {
      queryClient.setQueryData<ActivityState>(key, (old) => (old ? withSaved(old, change.saved) : old));
      return;
    }
    if (change.snapshot.activity) memory.remember(change.snapshot.activity.id);
    queryClient.setQueryData<ActivityState>(key, change);
  };

  return { query, accept };
}

/** Milliseconds left in the current phase, ticking, counted against the server's clock. */
export function useRemainingMs(view: ActivityView | null | undefined, clockOffsetMs: number): number {
  const endsAt = view?.state.status === "running" ? view.state.endsAt : undefined;
  const frozen = view?.state.status === "paused" ? view.state.remainingMs : 0;
  const compute = useCallback(
    () => (endsAt ? Math.max(0, Date.parse(endsAt) - (Date.now() + clockOffsetMs)) : frozen),
    [endsAt, frozen, clockOffsetMs],
  );
  const [remaining, setRemaining] = useState(compute);
  useEffect(() => {
    setRemaining(compute());
    if (!endsAt) return;
    const timer = setInterval(() => setRemaining(compute()), 250);
    return () => clearInterval(timer);
  }, [compute, endsAt]);
  return remaining;
}

/** `m:ss` for a countdown. */
export function formatCountdown(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
