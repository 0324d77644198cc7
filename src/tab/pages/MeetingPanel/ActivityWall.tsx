import { Body1, Button } from "@fluentui/react-components";
import { StarFilled, StarRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { setHighlight } from "../../api/activities.js";
import { useApiMutation } from "../../hooks/useApiMutation.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { ActionError } from "./ActionError.js";
import type { ActivityPartProps } from "./activityPartProps.js";
import { namesOf } from "./activityText.js";
import { PanelCard } from "./PanelCard.js";
import { useMaySteer } from "./useMaySteer.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";
import { WallCard } from "./WallCard.js";

/** The pairs' shared insights in the side panel; those who steer highlight from here. */
export function ActivityWall({ view, onChanged }: ActivityPartProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const { locale } = useTeamsContext();
  const toggle = useApiMutation(
    (api, { groupId, on }: { groupId: string; on: boolean }) => setHighlight(api, view.id, groupId, on),
    { onSuccess: onChanged },
  );
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
      <ActionError title={t("activity.controlErrorTitle")} error={toggle.error} />
    </PanelCard>
  );
}
