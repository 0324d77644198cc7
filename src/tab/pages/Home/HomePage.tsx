import { makeStyles, tokens } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { getCommunityHome, homeKey } from "../../api/home.js";
import { CommunityGate } from "../../components/CommunityGate.js";
import { CommunityOverview } from "../../components/CommunityOverview/CommunityOverview.js";
import { PageLayout } from "../../components/PageLayout.js";
import { TabNav } from "../../components/TabNav/TabNav.js";
import { useApi } from "../../hooks/useApi.js";
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
  const api = useApi();
  const queryClient = useQueryClient();
  const communityId = context.page.id;
  // Ask for the home's sections together with the community, not after it (the query HomeSections reads).
  useEffect(() => {
    if (!communityId) return;
    void queryClient.prefetchQuery({
      queryKey: homeKey(communityId),
      queryFn: ({ signal }) => getCommunityHome(api, communityId, signal),
    });
  }, [api, communityId, queryClient]);

  return (
    <PageLayout>
      <TabNav current="home" />
      <CommunityGate result={community} preview>
        {(loaded) => (
          <div className={styles.page}>
            <CommunityOverview community={loaded} controls={community} />
            {/* A private community's content is for members: its non-members see what it is, to ask to join. */}
            {(loaded.isMember || loaded.privacy === "open") && <HomeSections communityId={loaded.id} />}
          </div>
        )}
      </CommunityGate>
    </PageLayout>
  );
}
