import { Body1, Button } from "@fluentui/react-components";
import { StarFilled, StarRegular } from "@fluentui/react-icons";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { type ActivityChange, type ActivityView, setHighlight } from "../../api/activities.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { useApi } from "../../hooks/useApi.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { namesOf } from "./activityText.js";
import { PanelCard } from "./PanelCard.js";
import { useMaySteer } from "./useMaySteer.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";
import { WallCard } from "./WallCard.js";

/** Props of {@link ActivityWall}. */
export interface ActivityWallProps {
  view: ActivityView;
  onChanged: (change: ActivityChange) => void;
}

/** The pairs' shared insights in the side panel; those who steer highlight from here. */
export function ActivityWall({ view, onChanged }: ActivityWallProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const { locale } = useTeamsContext();
  const api = useApi();
  const toggle = useMutation({
    mutationFn: ({ groupId, on }: { groupId: string; on: boolean }) =>
      setHighlight(api, view.id, groupId, on),
    onSuccess: onChanged,
  });
  const error = toggle.error ? toApiError(toggle.error) : null;
  // The facilitator, or the meeting's organiser or a presenter, highlights.
  const canHighlight = useMaySteer(view) && view.accepts.includes("highlight");

  return (
    <PanelCard heading={t("activity.wallHeading")} testId="panel-wall">
      {view.wall.length === 0 ? (
        <Body1 as="p" block className={styles.muted}>
          {t("activity.wallEmpty")}
        </Body1>
      ) : (
        <ul className={styles.wall}>
          {view.wall.map((item) => {
            const names = namesOf(item.members, locale);
            return (
              <WallCard key={item.groupId} item={item} names={names} size="panel">
                {canHighlight && (
                  <div className={styles.buttons}>
                    <Button
                      size="small"
                      icon={item.highlighted ? <StarFilled /> : <StarRegular />}
                      aria-label={
                        item.highlighted
                          ? t("activity.unhighlightLabel", { names })
                          : t("activity.highlightLabel", { names })
                      }
                      disabledFocusable={toggle.isPending}
                      onClick={() => toggle.mutate({ groupId: item.groupId, on: !item.highlighted })}
                    >
                      {item.highlighted ? t("activity.unhighlight") : t("activity.highlight")}
                    </Button>
                  </div>
                )}
              </WallCard>
            );
          })}
        </ul>
      )}
      {error && <InlineError title={t("activity.controlErrorTitle")} error={error} />}
    </PanelCard>
  );
}
