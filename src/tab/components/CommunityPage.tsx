import type { ComponentType, ReactNode } from "react";
import type { Community } from "../api/communities.js";
import { useCommunity } from "../hooks/useCommunity.js";
import { useTeamsContext } from "../hooks/useTeamsContext.js";
import { CommunityGate, type RenderCommunity } from "./CommunityGate.js";
import { PageLayout } from "./PageLayout.js";
import { TabNav, type TabNavProps } from "./TabNav/TabNav.js";

/** Props of {@link CommunityPage}. */
export interface CommunityPageProps {
  /** The navigation's current place; a meeting's panel and stage have no navigation. */
  nav?: TabNavProps["current"];
  /** Above the community, shown while it loads too (a way back). */
  top?: ReactNode;
  children: RenderCommunity;
}

/**
 * A page of the tab's community (the one its configuration names): the page's layout and
 * navigation, and the community's loading, private and error states until it has loaded.
 */
export function CommunityPage({ nav, top, children }: CommunityPageProps) {
  const { context } = useTeamsContext();
  const community = useCommunity(context.page.id || undefined);
  return (
    <PageLayout>
      {nav && <TabNav current={nav} />}
      {top}
      <CommunityGate result={community}>{children}</CommunityGate>
    </PageLayout>
  );
}

/** Props of a page's content under {@link communityPage}: the loaded community. */
export interface CommunityContentProps {
  community: Community;
}

/**
 * A page whose content is one component of the loaded community (the library, playbooks, modules,
 * a new entry): {@link CommunityPage} at its place in the navigation, rendering `Content`.
 */
export function communityPage(nav: TabNavProps["current"], Content: ComponentType<CommunityContentProps>) {
  return function PageOfCommunity() {
    return <CommunityPage nav={nav}>{(community) => <Content community={community} />}</CommunityPage>;
  };
}
