import type { ReactNode } from "react";
import type { Community } from "../api/communities.js";
import { useCommunity } from "../hooks/useCommunity.js";
import { useTeamsContext } from "../hooks/useTeamsContext.js";
import { CommunityGate } from "./CommunityGate.js";
import { PageLayout } from "./PageLayout.js";
import { TabNav, type TabNavProps } from "./TabNav/TabNav.js";

/** Props of {@link CommunityPage}. */
export interface CommunityPageProps {
  /** The navigation's current place. */
  nav: TabNavProps["current"];
  /** Renders the loaded community (once the gate lets the person in). */
  children: (community: Community) => ReactNode;
}

/**
 * A page of the tab's community (its entity id): the layout, the navigation, and the community's
 * loading, private and error states before the page's own content.
 */
export function CommunityPage({ nav, children }: CommunityPageProps) {
  const { context } = useTeamsContext();
  const community = useCommunity(context.page.id || undefined);
  return (
    <PageLayout>
      <TabNav current={nav} />
      <CommunityGate result={community}>{children}</CommunityGate>
    </PageLayout>
  );
}
