import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import { PeopleTeamRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import type { Community } from "../../api/communities.js";
import type { MembershipControls } from "../../hooks/useCommunity.js";
import { insightsPath, membersPath, modulesPath } from "../../routes.js";
import { CountedButton } from "../CountedButton.js";
import { describeApiError } from "../ErrorState.js";
import { useCommunityOverviewStyles } from "./useCommunityOverviewStyles.styles.js";

/** Props of {@link MembershipControl}. */
export interface MembershipControlProps {
  community: Community;
  /** Its membership state and the join, leave and request-to-join calls (from `useCommunity`). */
  controls: MembershipControls;
}

/**
 * The Join / Leave button (Ask to join for a private community, Request sent once asked), the
 * stewards' way to the members page with how many requests wait, the request's progress and error,
 * and a screen-reader announcement of the result.
 */
export function MembershipControl({ community, controls }: MembershipControlProps) {
  const { membership } = controls;
  const styles = useCommunityOverviewStyles();
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const pending = membership.pending !== null;
  const announcement =
    membership.lastChange === "joined"
      ? t("community.joined", { name: community.name })
      : membership.lastChange === "left"
        ? t("community.left", { name: community.name })
        : membership.lastChange === "requested"
          ? t("community.requested", { name: community.name })
          : "";
  const waiting = community.pendingRequestCount ?? 0;
  const asking = community.privacy === "private" && !community.isMember;

  return (
    <div className={styles.section}>
      <div className={styles.membership}>
        {community.isMember ? (
          <MembershipButton appearance="secondary" onClick={controls.leave} pending={pending}>
            {membership.pending === "leave" ? t("community.leaving") : t("community.leave")}
          </MembershipButton>
        ) : asking ? (
          <MembershipButton
            appearance="primary"
            onClick={controls.requestToJoin}
            pending={pending}
            disabled={community.joinRequested === true}
            testId="request-to-join"
          >
            {community.joinRequested
              ? t("community.requestSent")
              : membership.pending === "request"
                ? t("community.requesting")
                : t("community.requestToJoin")}
          </MembershipButton>
        ) : (
          <MembershipButton appearance="primary" onClick={controls.join} pending={pending}>
            {membership.pending === "join" ? t("community.joining") : t("community.join")}
          </MembershipButton>
        )}
        {community.isSteward && (
          <CountedButton
            icon={<PeopleTeamRegular />}
            to={membersPath}
            label={t("community.manageMembers")}
            labelWithCount={t("community.manageMembersWithCount", { count: waiting })}
            count={waiting}
            testId="manage-members"
            countTestId="join-request-count"
          />
        )}
        {community.isSteward && (
          <Button onClick={() => navigate(insightsPath)} data-testid="network-insights">
            {t("community.networkInsights")}
          </Button>
        )}
        {community.isMember && (
          <Button onClick={() => navigate(modulesPath)} data-testid="community-modules">
            {t("modules.heading")}
          </Button>
        )}
      </div>
      {asking && (
        <Body1 as="p" className={styles.purpose}>
          {community.joinRequested
            ? t("community.requestSentBody", { name: community.name })
            : t("community.privatePreviewBody")}
        </Body1>
      )}
      <div role="status" className={styles.visuallyHidden}>
        {announcement}
      </div>
      {membership.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("common.actionFailedTitle")}</MessageBarTitle>{" "}
            {describeApiError(membership.error, t)}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** Join, leave or ask to join: a spinner while a membership request runs. */
function MembershipButton({
  pending,
  disabled = false,
  testId,
  ...button
}: {
  appearance: "primary" | "secondary";
  onClick: () => void;
  pending: boolean;
  disabled?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Button
      {...button}
      // Keeps focus on the button while the request runs, so keyboard users are not thrown out.
      disabledFocusable={pending || disabled}
      icon={pending ? <Spinner size="tiny" /> : undefined}
      data-testid={testId}
    />
  );
}
