import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { Community } from "../../api/communities";
import type { MembershipState } from "../../hooks/useCommunity";
import { useMessages } from "../../hooks/useTeamsContext";
import { describeApiError } from "../ErrorState";
import { useCommunityOverviewStyles } from "./useCommunityOverviewStyles.styles";

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
  const messages = useMessages();
  const pending = membership.pending !== null;
  const announcement =
    membership.lastChange === "joined"
      ? messages.joined(community.name)
      : membership.lastChange === "left"
        ? messages.left(community.name)
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
            {membership.pending === "leave" ? messages.leaving : messages.leave}
          </Button>
        ) : (
          <Button
            appearance="primary"
            onClick={onJoin}
            disabledFocusable={pending}
            icon={pending ? <Spinner size="tiny" /> : undefined}
          >
            {membership.pending === "join" ? messages.joining : messages.join}
          </Button>
        )}
      </div>
      <div role="status" className={styles.visuallyHidden}>
        {announcement}
      </div>
      {membership.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{messages.membershipErrorTitle}</MessageBarTitle>{" "}
            {describeApiError(membership.error, messages)}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
