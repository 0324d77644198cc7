import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Community } from "../api/communities.js";
import type { UseCommunityResult } from "../hooks/useCommunity.js";
import { useFirstViewReady } from "../hooks/useFirstViewReady.js";
import { ErrorState } from "./ErrorState.js";
import { LoadingState } from "./LoadingState.js";
import { NoticeState } from "./NoticeState.js";

/** What a page shows of its community once it has loaded (and the person may see it). */
export type RenderCommunity = (community: Community) => ReactNode;

/** Props of {@link CommunityGate}. */
export interface CommunityGateProps {
  result: UseCommunityResult;
  children: RenderCommunity;
  /**
   * Renders a private community to its non-members too (the home shows what it is, to ask to
   * join); other pages show them a notice with the request instead of content they cannot load.
   * @default false
   */
  preview?: boolean;
}

/**
 * Shows the loading, "not connected", private and error states of a community, and the community
 * once it has loaded. Any of these counts as the first view for Teams' loading indicator.
 */
export function CommunityGate({ result, children, preview = false }: CommunityGateProps) {
  const { t } = useTranslation();
  const { state, reload } = result;
  useFirstViewReady(state.status !== "loading");

  switch (state.status) {
    case "loading":
      return <LoadingState label={t("community.loading")} />;
    case "notConnected":
      return <NoticeState title={t("community.notConnectedTitle")} body={t("community.notConnectedBody")} />;
    case "forbidden":
      return <NoticeState title={t("community.forbiddenTitle")} body={t("community.forbiddenBody")} />;
    case "tenantNotEnabled":
      return (
        <NoticeState
          title={t("community.tenantNotEnabledTitle")}
          body={t("community.tenantNotEnabledBody")}
        />
      );
    case "failed":
      return <ErrorState title={t("community.loadErrorTitle")} error={state.error} onRetry={reload} />;
    case "loaded": {
      const loaded = state.community;
      if (preview || loaded.isMember || loaded.privacy === "open") return <>{children(loaded)}</>;
      return (
        <NoticeState
          title={t("community.privateTitle", { name: loaded.name })}
          body={
            loaded.joinRequested
              ? t("community.requestSentBody", { name: loaded.name })
              : t("community.privatePreviewBody")
          }
          action={
            <Button
              appearance="primary"
              onClick={result.requestToJoin}
              disabledFocusable={result.membership.pending !== null || loaded.joinRequested === true}
              data-testid="request-to-join"
            >
              {loaded.joinRequested ? t("community.requestSent") : t("community.requestToJoin")}
            </Button>
          }
        />
      );
    }
  }
}
