import type { ReactNode } from "react";
import type { Community } from "../api/communities";
import type { UseCommunityResult } from "../hooks/useCommunity";
import { useFirstViewReady } from "../hooks/useFirstViewReady";
import { useMessages } from "../hooks/useTeamsContext";
import { ErrorState } from "./ErrorState";
import { LoadingState } from "./LoadingState";
import { NoticeState } from "./NoticeState";

/** Props of {@link CommunityGate}. */
export interface CommunityGateProps {
  result: UseCommunityResult;
  /** Renders the loaded community. */
  children: (community: Community) => ReactNode;
}

/**
 * Shows the loading, "not connected", private and error states of a community, and the community
 * once it has loaded. Any of these counts as the first view for Teams' loading indicator.
 */
export function CommunityGate({ result, children }: CommunityGateProps) {
  const messages = useMessages();
  const { state, reload } = result;
  useFirstViewReady(state.status !== "loading");

  switch (state.status) {
    case "loading":
      return <LoadingState label={messages.loadingCommunity} />;
    case "notConnected":
      return <NoticeState title={messages.notConnectedTitle} body={messages.notConnectedBody} />;
    case "forbidden":
      return <NoticeState title={messages.forbiddenTitle} body={messages.forbiddenBody} />;
    case "failed":
      return <ErrorState title={messages.loadErrorTitle} error={state.error} onRetry={reload} />;
    case "loaded":
      return <>{children(state.community)}</>;
  }
}
