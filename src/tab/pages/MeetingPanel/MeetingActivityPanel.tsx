import { Body1, Button, Caption1 } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import type { ActivitySnapshot, ActivityView } from "../../api/activities.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { LoadingState } from "../../components/LoadingState.js";
import { ActivitySetupForm } from "./ActivitySetupForm.js";
import { ActivityStatus } from "./ActivityStatus.js";
import { ActivityWall } from "./ActivityWall.js";
import { formatTitle } from "./activityText.js";
import { FacilitatorControls } from "./FacilitatorControls.js";
import { HotSeatQueue } from "./HotSeatQueue.js";
import { PanelCard } from "./PanelCard.js";
import { PersonalActivity } from "./PersonalActivity.js";
import { ShareToStageButton } from "./ShareToStageButton.js";
import { useMaySteer } from "./useMaySteer.js";
import { useMeetingActivity } from "./useMeetingActivity.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/** Props of {@link MeetingActivityPanel}. */
export interface MeetingActivityPanelProps {
  communityId: string;
  communityName: string;
  /** The meeting chat's id (Teams context `chat.id`): activities belong to it. */
  conversationId: string;
  meetingId?: string;
}

/**
 * Polling interval of the side panel. People see their own actions at once (each answer is put in
 * place); the poll brings the facilitator's phase changes and the partner's edits within 2 s.
 */
const PANEL_POLL_MS = 2_000;

/** The meeting's think-pair-share in the side panel: set-up form, controls and my part. */
export function MeetingActivityPanel(props: MeetingActivityPanelProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const { query, accept } = useMeetingActivity(props.conversationId, { intervalMs: PANEL_POLL_MS });
  // The facilitator, or the meeting's organiser or a presenter (Teams' meeting role).
  const steers = useMaySteer(query.data?.snapshot?.activity);
  const [settingUp, setSettingUp] = useState(false);

  if (query.isPending) return <LoadingState label={t("activity.loading")} />;
  const snapshot = query.data?.snapshot;
  const view = snapshot?.activity;
  const loadError = query.error ? toApiError(query.error) : null;

  if (!view || (view.state.status === "ended" && settingUp)) {
    if (settingUp)
      return (
        <ActivitySetupForm
          communityId={props.communityId}
          communityName={props.communityName}
          conversationId={props.conversationId}
          {...(props.meetingId ? { meetingId: props.meetingId } : {})}
          onCreated={(state) => {
            setSettingUp(false);
            accept(state);
          }}
          onCancel={() => setSettingUp(false)}
        />
      );
    return (
      <PanelCard heading={t("activity.heading")} testId="no-activity">
        {loadError ? (
          <InlineError
            title={t("activity.loadErrorTitle")}
            error={loadError}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <Body1 as="p" block className={styles.muted}>
            {t("activity.noneRunning")}
          </Body1>
        )}
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={() => setSettingUp(true)}>
            {t("activity.setUpOpen")}
          </Button>
        </div>
      </PanelCard>
    );
  }

  return (
    <div className={styles.stack} data-testid="meeting-activity" data-activity-id={view.id}>
      <ActivityHeader view={view} clockOffsetMs={query.data?.clockOffsetMs ?? 0} />
      {loadError && (
        <InlineError
          title={t("activity.loadErrorTitle")}
          error={loadError}
          onRetry={() => void query.refetch()}
        />
      )}
      {steers && <FacilitatorControls view={view} onChanged={accept} />}
      {steers && view.state.status !== "ended" && <ShareToStageButton />}
      {/* Anyone may join before the start; writing waits for the think phase. */}
      <PersonalActivity
        snapshot={snapshot as ActivitySnapshot & { activity: ActivityView }}
        onChanged={accept}
        steers={steers}
      />
      {view.groupCount !== undefined && view.declaredKinds.includes("share") && (
        <ActivityWall view={view} onChanged={accept} />
      )}
      {view.hotSeat && <HotSeatQueue view={view} />}
      {view.state.status === "ended" && (
        <div className={styles.buttons}>
          <Button onClick={() => setSettingUp(true)}>{t("activity.setUpOpen")}</Button>
        </div>
      )}
    </div>
  );
}

/** The prompt, who facilitates, the phase and its countdown. */
function ActivityHeader({ view, clockOffsetMs }: { view: ActivityView; clockOffsetMs: number }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  return (
    <PanelCard heading={formatTitle(t, view)}>
      <Body1 as="p" block className={styles.prompt} data-testid="activity-prompt">
        {view.prompt}
      </Body1>
      <Caption1 as="p" block className={styles.muted}>
        {view.isFacilitator
          ? t("activity.youFacilitate")
          : t("activity.facilitatedBy", { name: view.facilitator.displayName })}
      </Caption1>
      <ActivityStatus view={view} clockOffsetMs={clockOffsetMs} />
    </PanelCard>
  );
}
