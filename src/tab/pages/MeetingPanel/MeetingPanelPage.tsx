import { Caption1Strong, makeStyles, tokens } from "@fluentui/react-components";
import { CommunityGate } from "../../components/CommunityGate";
import { CommunityOverview } from "../../components/CommunityOverview/CommunityOverview";
import { PageLayout } from "../../components/PageLayout";
import { useCommunity } from "../../hooks/useCommunity";
import { useTeamsContext } from "../../hooks/useTeamsContext";

const useStyles = makeStyles({
  eyebrow: { display: "block", marginBlockStart: 0, marginBlockEnd: tokens.spacingVerticalS },
});

/**
 * The meeting side panel (280 px wide): the meeting's community in compact form. Meeting activities
 * (think-pair-share) will be run from here.
 */
export function MeetingPanelPage() {
  const styles = useStyles();
  const { context, messages } = useTeamsContext();
  const community = useCommunity(context.page.id || undefined);

  return (
    <PageLayout>
      <CommunityGate result={community}>
        {(loaded) => (
          <>
            <Caption1Strong as="p" className={styles.eyebrow}>
              {messages.meetingPanelHeading}
            </Caption1Strong>
            <CommunityOverview
              compact
              community={loaded}
              membership={community.membership}
              onJoin={community.join}
              onLeave={community.leave}
            />
          </>
        )}
      </CommunityGate>
    </PageLayout>
  );
}
