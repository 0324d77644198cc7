import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

/** Props of {@link JoinedCommunityNote}. */
export interface JoinedCommunityNoteProps {
  /** Whether the person's last action (a vote, an RSVP, joining an activity) made them a member. */
  joined: boolean;
}

/**
 * Says that taking part (voting, answering an invitation, joining an activity) made the person a
 * member of the open community, and where they can leave it. Announced politely once it appears.
 */
export function JoinedCommunityNote({ joined }: JoinedCommunityNoteProps) {
  const { t } = useTranslation();
  return (
    <div role="status">
      {joined && (
        <MessageBar intent="info" layout="multiline" data-testid="joined-community-note">
          <MessageBarBody>{t("community.joinedByTakingPart")}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
