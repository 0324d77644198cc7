import { Body1, Button } from "@fluentui/react-components";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { shareToStage, stageSharingAllowed } from "../../teams/meetingStage.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/** The stage page: the same app, on the meeting stage, showing the activity to everyone. */
const STAGE_PATH = "/tab/meeting/stage";

/**
 * "Share to stage" for those who steer: one click puts the activity's stage view up for the whole
 * meeting. Hidden where Teams says the app may not share (an attendee, the permission not granted,
 * a client without a stage).
 */
export function ShareToStageButton() {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const allowed = useQuery({
    queryKey: ["stage-sharing-allowed"],
    queryFn: stageSharingAllowed,
    staleTime: 60_000,
    retry: false,
  });
  const share = useMutation({
    mutationFn: () => shareToStage(new URL(STAGE_PATH, window.location.origin).href),
  });
  if (allowed.data !== true) return null;
  return (
    <div className={styles.buttons}>
      <Button onClick={() => share.mutate()} disabled={share.isPending} data-testid="share-to-stage">
        {t("activity.shareToStage")}
      </Button>
      <Body1 as="p" block role="status" className={styles.muted}>
        {share.isSuccess && t("activity.sharedToStage")}
        {share.isError && t("activity.shareToStageFailed")}
      </Body1>
    </div>
  );
}
