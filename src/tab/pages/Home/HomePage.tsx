import { CommunityGate } from "../../components/CommunityGate.js";
import { CommunityOverview } from "../../components/CommunityOverview/CommunityOverview.js";
import { PageLayout } from "../../components/PageLayout.js";
import { useCommunity } from "../../hooks/useCommunity.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";

/** The community home: the community this channel tab is connected to (its entity id). */
export function HomePage() {
  const { context } = useTeamsContext();
  const community = useCommunity(context.page.id || undefined);

  return (
    <PageLayout>
      <CommunityGate result={community}>
        {(loaded) => (
          <CommunityOverview
            community={loaded}
            membership={community.membership}
            onJoin={community.join}
            onLeave={community.leave}
          />
        )}
      </CommunityGate>
    </PageLayout>
  );
}
