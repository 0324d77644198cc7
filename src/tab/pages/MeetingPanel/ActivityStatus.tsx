import { Badge, Body1, Caption1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ActivityView } from "../../api/activities.js";
import { phaseInstruction } from "./activityText.js";
import { SectionText } from "./SectionText.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";
import { usePhaseClock } from "./usePhaseClock.js";

/** The current phase of an activity, what to do in it, and its countdown (derived from `endsAt`). */
export function ActivityStatus({ view, clockOffsetMs }: { view: ActivityView; clockOffsetMs: number }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const { phase, title, time, timerLabel } = usePhaseClock(view, clockOffsetMs);
  return (
    <div className={styles.section} data-testid="activity-status">
      <div className={styles.status}>
        {/* A phase change is announced; the ticking countdown is not (role timer is polite-off). */}
        <span role="status">
          {view.state.status === "not-started" ? (
            <Badge appearance="outline">{t("activity.statusNotStarted")}</Badge>
          ) : view.state.status === "ended" ? (
            <Badge appearance="outline">{t("activity.statusEnded")}</Badge>
          ) : (
            <Badge appearance="filled" data-testid="activity-phase">
              {title}
            </Badge>
          )}
          {view.state.status === "paused" && (
            <>
              {" "}
              <Badge appearance="tint" color="warning">
                {t("activity.statusPaused")}
              </Badge>
            </>
          )}
        </span>
        {(view.state.status === "running" || view.state.status === "paused") && (
          <Caption1
            role="timer"
            className={styles.countdown}
            aria-label={timerLabel}
            data-testid="activity-countdown"
          >
            {time}
          </Caption1>
        )}
      </div>
      {phase && view.state.status !== "ended" && (
        <Body1 as="p" block className={styles.muted}>
          {phaseInstruction(t, phase, view.me.group?.partners.length)}
        </Body1>
      )}
      <SectionText view={view} />
      {view.state.status === "not-started" && (
        <Body1 as="p" block className={styles.muted}>
          {view.isFacilitator ? t("activity.waitingToStartFacilitator") : t("activity.waitingToStart")}
        </Body1>
      )}
    </div>
  );
}
