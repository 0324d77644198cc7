import { Body1, Button, Caption1 } from "@fluentui/react-components";
import { ChatRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ActivitySnapshot,
  type ActivityView,
  joinActivity,
  saveCommitment,
  saveReflection,
} from "../../api/activities.js";
import { JoinedCommunityNote } from "../../components/JoinedCommunityNote/JoinedCommunityNote.js";
import { useApi } from "../../hooks/useApi.js";
import { useApiMutation } from "../../hooks/useApiMutation.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { openExternalLink } from "../../teams/teamsHost.js";
import { ActionError } from "./ActionError.js";
import type { ActivityPartProps } from "./activityPartProps.js";
import { namesOf } from "./activityText.js";
import { FormatSubmissions } from "./FormatSubmissions.js";
import { NoteEditor } from "./NoteEditor.js";
import { PairShareEditor } from "./PairShareEditor.js";
import { PanelCard } from "./PanelCard.js";
import { PanelSection } from "./PanelSection.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/** Props of {@link PersonalActivity}. */
export interface PersonalActivityProps {
  snapshot: ActivitySnapshot & { activity: ActivityView };
  onChanged: ActivityPartProps["onChanged"];
  /** I steer the activity (facilitator, organiser, presenter): I may promote what people wrote. */
  steers?: boolean;
}

/** My part of the activity: join, my private reflection, my partner(s), our key insight, my commitment. */
export function PersonalActivity({ snapshot, onChanged, steers = false }: PersonalActivityProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const view = snapshot.activity;
  // What the panel shows goes with it: the answer leaves out the submissions it already holds.
  const join = useApiMutation((api) => joinActivity(api, view.id, { snapshot }), { onSuccess: onChanged });
  const ended = view.state.status === "ended";
  const accepts = (kind: string) => view.accepts.includes(kind as never);
  // A participant's first note joins them; a facilitator runs the activity and writes only once
  // they chose to join (until then: the invitation, no input boxes).
  const writes = view.me.joined || !view.isFacilitator;
  const showReflection = writes && (accepts("reflection") || (view.me.reflection !== undefined && !ended));
  const showCommitment = writes && accepts("commitment");
  // Joined, and nothing to write yet (before the start): say so instead of an empty card.
  const ownKindsOpen = view.kinds.some((k) => view.accepts.includes(k.kind));
  const waiting =
    view.me.joined && !ended && !showReflection && !view.me.group && !showCommitment && !ownKindsOpen;

  return (
    <PanelCard heading={ended ? t("activity.endedTitle") : t("activity.myPartHeading")} testId="my-activity">
      {ended && (
        <Body1 as="p" block className={styles.muted}>
          {t("activity.endedBody")}
        </Body1>
      )}
      {!view.me.joined && !ended && (
        <div className={styles.section}>
          <Body1 as="p" block className={styles.muted}>
            {view.isFacilitator ? t("activity.joinHintFacilitator") : t("activity.joinHint")}
          </Body1>
          <div className={styles.buttons}>
            <Button appearance="primary" disabledFocusable={join.isPending} onClick={() => join.mutate()}>
              {t("activity.join")}
            </Button>
          </div>
          <ActionError title={t("activity.saveErrorTitle")} error={join.error} />
        </div>
      )}
      <JoinedCommunityNote joined={join.data?.snapshot.joinedCommunity === true} />
      {waiting && (
        <Body1 as="p" block className={styles.muted} data-testid="joined-waiting">
          {t("activity.joinedWaiting")}
        </Body1>
      )}
      {showReflection && <MyNote view={view} note="reflection" onChanged={onChanged} />}
      {view.me.group && !ended && <Partners view={view} chatUrl={snapshot.partnerChatUrl} />}
      {view.me.group && (accepts("share") || view.me.share) && !ended && (
        <PairShareEditor view={view} onSaved={onChanged} />
      )}
      <FormatSubmissions view={view} onChanged={onChanged} steers={steers} />
      {showCommitment && <MyNote view={view} note="commitment" onChanged={onChanged} />}
    </PanelCard>
  );
}

/**
 * One of my own notes of the activity, in its words: the private reflection (saved under the
 * version it was edited from) or the commitment (which goes to My learning).
 */
function MyNote({ view, note, onChanged }: ActivityPartProps & { note: "reflection" | "commitment" }) {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <NoteEditor
      words={{
        heading: t(`activity.${note}Heading`),
        label: t(`activity.${note}Label`),
        hint: t(`activity.${note}Hint`),
      }}
      saved={view.me[note]?.text ?? ""}
      save={(text) =>
        note === "reflection"
          ? saveReflection(api, view.id, text, view.me.reflection?.etag)
          : saveCommitment(api, view.id, text)
      }
      onSaved={onChanged}
      testId={`my-${note}`}
    />
  );
}

/** Who I'm paired with, and a one-click Teams chat with them. */
function Partners({ view, chatUrl }: { view: ActivityView; chatUrl: string | undefined }) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const { locale } = useTeamsContext();
  const [openFailed, setOpenFailed] = useState(false);
  const partners = view.me.group?.partners ?? [];
  const names = namesOf(partners, locale);
  const hotSeat = view.me.group?.hotSeat;
  const onHotSeat = view.me.group?.onHotSeat === true;
  return (
    <PanelSection
      heading={t("activity.partnerHeading", { count: Math.max(1, partners.length) })}
      testId="my-partners"
    >
      {hotSeat && (
        <Body1 as="p" block className={styles.prompt} data-testid="hot-seat">
          {onHotSeat ? t("activity.hotSeatYou") : t("activity.hotSeatIs", { name: hotSeat.displayName })}
        </Body1>
      )}
      {partners.length === 0 ? (
        <Body1 as="p" block className={styles.muted}>
          {t("activity.waitingForPartner")}
        </Body1>
      ) : (
        <>
          <ul className={styles.list}>
            {partners.map((p) => (
              <li key={p.id}>
                <Body1>{p.displayName}</Body1>
              </li>
            ))}
          </ul>
          {chatUrl && (
            <div className={styles.buttons}>
              <Button
                icon={<ChatRegular />}
                onClick={() => {
                  setOpenFailed(false);
                  void openExternalLink(chatUrl).then((ok) => setOpenFailed(!ok));
                }}
              >
                {t("activity.chatWith", { names })}
              </Button>
            </div>
          )}
          {openFailed && (
            <Caption1 role="alert" className={styles.muted}>
              {t("activity.chatOpenFailed")}
            </Caption1>
          )}
        </>
      )}
    </PanelSection>
  );
}
