import { useTranslation } from "react-i18next";
import type { ActivityView } from "../../api/activities.js";
import { phaseTitle } from "./activityText.js";
import { formatCountdown, useRemainingMs } from "./useMeetingActivity.js";

/**
 * The activity's current phase and its ticking countdown, as the panel and the stage show them:
 * the phase, its title, the time left (`m:ss`) and the timer's accessible name (paused or not).
 */
export function usePhaseClock(view: ActivityView, clockOffsetMs: number) {
  const { t } = useTranslation();
  const remaining = useRemainingMs(view, clockOffsetMs);
  const phase = view.phases.find((p) => p.id === view.state.phaseId);
  const title = phaseTitle(t, phase);
  const time = formatCountdown(remaining);
  const timerLabel =
    view.state.status === "paused"
      ? t("activity.pausedLabel", { time })
      : t("activity.timeLeftLabel", { time, phase: title });
  return { phase, title, time, timerLabel };
}
