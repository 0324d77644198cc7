import { Caption1Strong, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { CommunityGate } from "../../components/CommunityGate.js";
import { CommunityOverview } from "../../components/CommunityOverview/CommunityOverview.js";
import { CompactLibrarySearch } from "../../components/CompactLibrarySearch/CompactLibrarySearch.js";
import { NextSession } from "../../components/NextSession/NextSession.js";
import { PageLayout } from "../../components/PageLayout.js";
import { useCommunity } from "../../hooks/useCommunity.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  eyebrow: { display: "block", marginBlockStart: 0, marginBlockEnd: tokens.spacingVerticalS },
});

/**
 * The meeting side panel (280 px wide): the meeting's community in compact form, its next session and
 * a compact library search. Meeting activities (think-pair-share) will be run from here.
 */
export function MeetingPanelPage() {
  const styles = useStyles();
  const { context } = useTeamsContext();
  const { t } = useTranslation();
  const community = useCommunity(context.page.id || undefined);

  return (
    <PageLayout>
      <CommunityGate result={community}>
        {(loaded) => (
          <>
            <Caption1Strong as="p" className={styles.eyebrow}>
              {t("pages.meetingPanelHeading")}
            </Caption1Strong>
            <div className={styles.stack}>
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
