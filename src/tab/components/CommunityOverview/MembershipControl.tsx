import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Community } from "../../api/communities.js";
import type { MembershipState } from "../../hooks/useCommunity.js";
import { describeApiError } from "../ErrorState.js";
import { useCommunityOverviewStyles } from "./useCommunityOverviewStyles.styles.js";

/** Props of {@link MembershipControl}. */
export interface MembershipControlProps {
  community: Community;
  membership: MembershipState;
  onJoin: () => void;
  onLeave: () => void;
}

/** The Join / Leave button, its progress, its error, and a screen-reader announcement of the result. */
export function MembershipControl({ community, membership, onJoin, onLeave }: MembershipControlProps) {
  const styles = useCommunityOverviewStyles();
  const { t } = useTranslation();
  const pending = membership.pending !== null;
  const announcement =
    membership.lastChange === "joined"
      ? t("community.joined", { name: community.name })
      : membership.lastChange === "left"
        ? t("community.left", { name: community.name })
        : "";

  return (
    <div className={styles.section}>
      <div className={styles.membership}>
        {community.isMember ? (
          <Button
            appearance="secondary"
            onClick={onLeave}
            // Keeps focus on the button while the request runs, so keyboard users are not thrown out.
            disabledFocusable={pending}
            icon={pending ? <Spinner size="tiny" /> : undefined}
          >
            {membership.pending === "leave" ? t("community.leaving") : t("community.leave")}
          </Button>
        ) : (
          <Button
            appearance="primary"
            onClick={onJoin}
            disabledFocusable={pending}
            icon={pending ? <Spinner size="tiny" /> : undefined}
          >
            {membership.pending === "join" ? t("community.joining") : t("community.join")}
          </Button>
        )}
      </div>
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
