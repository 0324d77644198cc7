import { Body1, Button, Caption1 } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { type ActivityControl, controlActivity } from "../../api/activities.js";
import { ConfirmDialog } from "../../components/ConfirmDialog/ConfirmDialog.js";
import { useApiMutation } from "../../hooks/useApiMutation.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { ActionError } from "./ActionError.js";
import type { ActivityPartProps } from "./activityPartProps.js";
import { namesOf, newRequestId, phaseTitle } from "./activityText.js";
import { PanelCard } from "./PanelCard.js";
import { useGroupList } from "./useGroupList.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/** Start, move on (skip), extend, pause, resume and end; how many joined and reflected. */
export function FacilitatorControls({ view, onChanged }: ActivityPartProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const { locale } = useTeamsContext();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const control = useApiMutation(
    // Every click is its own request id: a retried request applies once, a second click twice.
    (api, input: ActivityControl) => controlActivity(api, view.id, input, newRequestId()),
    {
      onSuccess: (state) => {
        setConfirmEnd(false);
        onChanged(state);
      },
    },
  );
  const groups = useGroupList(view);
  const { status, phaseIndex } = view.state;
  const live = status === "running" || status === "paused";
  const nextPhase = view.phases[phaseIndex + 1];
  const busy = control.isPending;

  return (
    <PanelCard heading={t("activity.facilitatorHeading")} testId="facilitator-controls">
      <div className={styles.section}>
        <Body1 as="p" block className={styles.text} data-testid="joined-count">
          {t("activity.joinedCount", { count: view.participantCount })}
        </Body1>
        <Body1 as="p" block className={styles.text} data-testid="reflected-count">
          {t("activity.reflectedCount", { reflected: view.reflectedCount, joined: view.participantCount })}
        </Body1>
        {view.groupCount !== undefined && (
          <>
            <Caption1 as="p" block className={styles.muted}>
              {t("activity.pairCount", { count: view.groupCount })}
              {view.pairingDegraded ? ` · ${t("activity.pairingDegraded")}` : ""}
            </Caption1>
            {/* Who is with whom: the facilitator walks the room (or the breakout list) by it. */}
            <ol className={styles.list} data-testid="facilitator-groups">
              {groups?.map((group) => (
                <li key={group.id}>
                  <Body1>{namesOf(group.members, locale)}</Body1>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
      {status !== "ended" && (
        <div className={styles.buttons}>
          {status === "not-started" && (
            <Button
              appearance="primary"
              disabledFocusable={busy}
              onClick={() => control.mutate({ kind: "start" })}
            >
              {t("activity.start")}
            </Button>
          )}
          {live && (
            <Button
              appearance="primary"
              disabledFocusable={busy}
              onClick={() => control.mutate({ kind: "next", phaseIndex })}
            >
              {nextPhase ? t("activity.next", { phase: phaseTitle(t, nextPhase) }) : t("activity.finish")}
            </Button>
          )}
          {live && (
            <Button
              disabledFocusable={busy}
              onClick={() => control.mutate({ kind: "extend", phaseIndex, minutes: 1 })}
            >
              {t("activity.extend")}
            </Button>
          )}
          {status === "running" && (
            <Button disabledFocusable={busy} onClick={() => control.mutate({ kind: "pause" })}>
              {t("activity.pause")}
            </Button>
          )}
          {status === "paused" && (
            <Button disabledFocusable={busy} onClick={() => control.mutate({ kind: "resume" })}>
              {t("activity.resume")}
            </Button>
          )}
          <ConfirmDialog
            trigger={<Button disabledFocusable={busy}>{t("activity.end")}</Button>}
            title={t("activity.endConfirmTitle")}
            confirmLabel={t("activity.end")}
            onConfirm={() => control.mutate({ kind: "end" })}
            pending={busy}
            error={confirmEnd && control.error ? toApiError(control.error) : null}
            open={confirmEnd}
            onOpenChange={(open) => {
              control.reset();
              setConfirmEnd(open);
            }}
          >
            {t("activity.endConfirmBody")}
          </ConfirmDialog>
        </div>
      )}
      {!confirmEnd && <ActionError title={t("activity.controlErrorTitle")} error={control.error} />}
    </PanelCard>
  );
}
