import { Body1, Caption1Strong } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { CommunityGate } from "../../components/CommunityGate.js";
import { CommunityOverview } from "../../components/CommunityOverview/CommunityOverview.js";
import { CompactLibrarySearch } from "../../components/CompactLibrarySearch/CompactLibrarySearch.js";
import { NextSession } from "../../components/NextSession/NextSession.js";
import { PageLayout } from "../../components/PageLayout.js";
import { useCommunity } from "../../hooks/useCommunity.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { MeetingActivityPanel } from "./MeetingActivityPanel.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/**
 * The meeting side panel (280 px wide): the meeting's think-pair-share (facilitator form and
 * controls, my reflection, partner, our key insight, my commitment), then the meeting's community in
 * compact form, its next session and a compact library search.
 */
export function MeetingPanelPage() {
  const styles = useMeetingPanelStyles();
  const { context } = useTeamsContext();
  const { t } = useTranslation();
  const community = useCommunity(context.page.id || undefined);
  const conversationId = context.chat?.id;
  const meetingId = context.meeting?.id;

  return (
    <PageLayout>
      <CommunityGate result={community}>
        {(loaded) => (
          <>
            <Caption1Strong as="p" className={styles.eyebrow}>
              {t("pages.meetingPanelHeading")}
            </Caption1Strong>
            <div className={styles.stack}>
              {conversationId ? (
                <MeetingActivityPanel
                  communityId={loaded.id}
                  communityName={loaded.name}
                  conversationId={conversationId}
                  {...(meetingId ? { meetingId } : {})}
                />
              ) : (
                <Body1 as="p" className={styles.muted}>
                  {t("activity.notInMeeting")}
                </Body1>
              )}
              <CommunityOverview
                compact
                community={loaded}
                membership={community.membership}
                onJoin={community.join}
                onLeave={community.leave}
              />
              <NextSession communityId={loaded.id} />
              <CompactLibrarySearch communityId={loaded.id} />
            </div>
          </>
        )}
      </CommunityGate>
    </PageLayout>
  );
}
