import { useTranslation } from "react-i18next";
import type { ActivityView } from "../../api/activities.js";
import { phaseTitle } from "./activityText.js";
import { formatCountdown, useRemainingMs } from "./useMeetingActivity.js";

/** The activity's phase and its clock, as {@link usePhaseClock} gives them. */
export type PhaseClock = ReturnType<typeof usePhaseClock>;

/**
 * The activity's current phase and its ticking countdown, as the panel and the stage show them:
 * the phase, its title, where the activity stands (not started, ended, or the phase's title),
 * whether the clock ticks (running or paused), the time left (`m:ss`) and the timer's accessible
 * name (paused or not).
 */
export function usePhaseClock(view: ActivityView, clockOffsetMs: number) {
  const { t } = useTranslation();
  const remaining = useRemainingMs(view, clockOffsetMs);
  const { status } = view.state;
  const phase = view.phases.find((p) => p.id === view.state.phaseId);
  const title = phaseTitle(t, phase);
  const statusLabel =
    status === "not-started"
      ? t("activity.statusNotStarted")
      : status === "ended"
        ? t("activity.statusEnded")
        : title;
  const ticking = status === "running" || status === "paused";
  const time = formatCountdown(remaining);
  const timerLabel =
    status === "paused"
      ? t("activity.pausedLabel", { time })
      : t("activity.timeLeftLabel", { time, phase: title });
  return { phase, title, statusLabel, ticking, time, timerLabel };
}
