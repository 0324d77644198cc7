import { makeStyles, tokens } from "@fluentui/react-components";
import { CommunityGate } from "../../components/CommunityGate.js";
import { CommunityOverview } from "../../components/CommunityOverview/CommunityOverview.js";
import { PageLayout } from "../../components/PageLayout.js";
import { TabNav } from "../../components/TabNav/TabNav.js";
import { useCommunity } from "../../hooks/useCommunity.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { HomeSections } from "./HomeSections.js";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/**
 * The community home: what the community is about, its next sessions, recent and most helpful
 * insights, open questions, who to ask, the newcomer pathway and natural teachers.
 */
export function HomePage() {
  const styles = useStyles();
  const { context } = useTeamsContext();
  const community = useCommunity(context.page.id || undefined);

  return (
    <PageLayout>
      <TabNav current="home" />
      <CommunityGate result={community}>
        {(loaded) => (
          <div className={styles.page}>
            <CommunityOverview
              community={loaded}
              membership={community.membership}
              onJoin={community.join}
              onLeave={community.leave}
            />
            <HomeSections communityId={loaded.id} />
          </div>
        )}
      </CommunityGate>
    </PageLayout>
  );
}
