import { Body1, Caption1, Caption1Strong, Subtitle1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { CommunityPage } from "../../components/CommunityPage.js";
import { CompactLibrarySearch } from "../../components/CompactLibrarySearch/CompactLibrarySearch.js";
import { NextSession } from "../../components/NextSession/NextSession.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { MeetingActivityPanel } from "./MeetingActivityPanel.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/**
 * The meeting side panel (280 px wide): the meeting's community by name, its think-pair-share
 * (facilitator form and controls, my reflection, partner, our key insight, my commitment), its next
 * session and a compact library search. Membership (join, leave) stays on the community home: in a
 * meeting, "Leave community" under the activity's controls is one click from a mistake.
 */
export function MeetingPanelPage() {
  const styles = useMeetingPanelStyles();
  const { context } = useTeamsContext();
  const { t } = useTranslation();
  const conversationId = context.chat?.id;
  const meetingId = context.meeting?.id;

  return (
    <CommunityPage>
      {(loaded) => (
        <>
          <header className={styles.communityLine} data-testid="panel-community">
            <Caption1Strong as="p" block className={styles.text}>
              {t("pages.meetingPanelHeading")}
            </Caption1Strong>
            <Subtitle1 as="h1" block className={styles.heading}>
              {loaded.name}
            </Subtitle1>
            <Caption1 as="p" block className={styles.muted}>
              {t("community.memberCountLong", { count: loaded.memberCount })}
            </Caption1>
          </header>
          <div className={styles.stack}>
            {conversationId ? (
              <MeetingActivityPanel
                communityId={loaded.id}
                communityName={loaded.name}
                conversationId={conversationId}
                {...(meetingId ? { meetingId } : {})}
              />
            ) : (
              <Body1 as="p" block className={styles.muted}>
                {t("activity.notInMeeting")}
              </Body1>
            )}
            <NextSession communityId={loaded.id} />
            <CompactLibrarySearch communityId={loaded.id} />
          </div>
        </>
      )}
    </CommunityPage>
  );
}
