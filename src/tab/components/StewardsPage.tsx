import type { RenderCommunity } from "./CommunityGate.js";
import { CommunityPage } from "./CommunityPage.js";
import { NoticeState } from "./NoticeState.js";
import { RouterLink } from "./RouterLink/RouterLink.js";
import type { TabNavProps } from "./TabNav/TabNav.js";

/** Props of {@link StewardsPage}. */
export interface StewardsPageProps {
  /** The navigation's current place. */
  nav: TabNavProps["current"];
  /** What a member who is not a steward reads instead, and the way back. */
  notStewards: { title: string; body: string; back: { href: string; label: string } };
  children: RenderCommunity;
}

/**
 * A page for the stewards of the tab's community (members, removal requests, insights): loads the
 * community, and shows a member who is not a steward why the page is not for them.
 */
export function StewardsPage({ nav, notStewards, children }: StewardsPageProps) {
  return (
    <CommunityPage nav={nav}>
      {(loaded) =>
        loaded.isSteward ? (
          children(loaded)
        ) : (
          <NoticeState
            title={notStewards.title}
            body={notStewards.body}
            action={<RouterLink href={notStewards.back.href}>{notStewards.back.label}</RouterLink>}
          />
        )
      }
    </CommunityPage>
  );
}
