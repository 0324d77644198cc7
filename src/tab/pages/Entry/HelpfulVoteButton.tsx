import {
  Button,
  CounterBadge,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ToggleButton,
} from "@fluentui/react-components";
import { ThumbLikeFilled, ThumbLikeRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { Entry } from "../../api/library.js";
import { JoinedCommunityNote } from "../../components/JoinedCommunityNote/JoinedCommunityNote.js";
import { useHelpfulVote } from "../../hooks/library/useHelpfulVote.js";

/** Props of {@link HelpfulVoteButton}. */
export interface HelpfulVoteButtonProps {
  entry: Entry;
}

/**
 * "Helpful" with the count (no "·0" before anyone voted), pressed when the person has voted. The count changes on click; if
 * the server refuses, it goes back and the person is told.
 */
export function HelpfulVoteButton({ entry }: HelpfulVoteButtonProps) {
  const { t } = useTranslation();
  const vote = useHelpfulVote(entry.communityId, entry.id);
  return (
    <>
      <ToggleButton
        checked={entry.hasVoted}
        icon={entry.hasVoted ? <ThumbLikeFilled /> : <ThumbLikeRegular />}
        onClick={() => vote.toggle(entry)}
        data-testid="helpful-button"
      >
        {t("entry.helpful")}
        {/* The count beside the label, as Teams shows reactions; none at all before the first vote. */}
        {entry.helpfulCount > 0 && (
          <CounterBadge
            data-testid="helpful-count"
            count={entry.helpfulCount}
            overflowCount={999}
            appearance="ghost"
            color="informative"
            style={{ marginInlineStart: "6px" }}
          />
        )}
      </ToggleButton>
      <JoinedCommunityNote joined={vote.joinedCommunity} />
      {vote.error && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>
              {vote.error.status === 503 ? t("common.unavailableBody") : t("entry.voteFailed")}
            </MessageBarBody>
            {/* The vote went back to what it was, so the same click sends the same vote again. */}
            <MessageBarActions>
              <Button onClick={() => vote.toggle(entry)}>{t("common.retry")}</Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      )}
    </>
  );
}
