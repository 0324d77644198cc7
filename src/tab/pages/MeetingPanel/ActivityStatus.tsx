import { Badge, Body1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ActivityView } from "../../api/activities.js";
import { phaseInstruction } from "./activityText.js";
import { PhaseCountdown } from "./PhaseCountdown.js";
import { SectionText } from "./SectionText.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";
import { usePhaseClock } from "./usePhaseClock.js";

/** The current phase of an activity, what to do in it, and its countdown (derived from `endsAt`). */
export function ActivityStatus({ view, clockOffsetMs }: { view: ActivityView; clockOffsetMs: number }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const clock = usePhaseClock(view, clockOffsetMs);
  return (
    <div className={styles.section} data-testid="activity-status">
      <div className={styles.status}>
        {/* A phase change is announced; the ticking countdown is not. */}
        <span role="status">
          <Badge
            appearance={clock.ticking ? "filled" : "outline"}
            data-testid={clock.ticking ? "activity-phase" : undefined}
          >
            {clock.statusLabel}
          </Badge>
          {view.state.status === "paused" && (
            <>
              {" "}
              <Badge appearance="tint" color="warning">
                {t("activity.statusPaused")}
              </Badge>
            </>
          )}
        </span>
        <PhaseCountdown clock={clock} size="panel" testId="activity-countdown" />
      </div>
      {clock.phase && view.state.status !== "ended" && (
        <Body1 as="p" block className={styles.muted} data-testid="activity-instruction">
          {/* A facilitator outside the groups is told what the others are asked to do, not asked to do it. */}
          {view.isFacilitator && !view.me.group
            ? t("activity.participantsSee", { instruction: phaseInstruction(t, clock.phase) })
            : phaseInstruction(t, clock.phase, view.me.group?.partners.length)}
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
