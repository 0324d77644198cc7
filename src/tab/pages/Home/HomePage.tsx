import { CommunityGate } from "../../components/CommunityGate";
import { CommunityOverview } from "../../components/CommunityOverview/CommunityOverview";
import { PageLayout } from "../../components/PageLayout";
import { useCommunity } from "../../hooks/useCommunity";
import { useTeamsContext } from "../../hooks/useTeamsContext";

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
