import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { OpenRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import type { Entry } from "../../api/library.js";
import { ActionRow } from "../../components/ActionRow/ActionRow.js";
import { EntryCard } from "../../components/EntryCard/EntryCard.js";
import { EntryTags } from "../../components/EntryTags/EntryTags.js";
import { PersonCard } from "../../components/PersonCard/PersonCard.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { SafeMarkdown } from "../../components/SafeMarkdown/SafeMarkdown.js";
import { useEntryActions } from "../../hooks/library/useEntryActions.js";
import { libraryPath, removalRequestsPath } from "../../routes.js";
import { openExternalLink } from "../../teams/teamsHost.js";
import { isWebUrl } from "../../teams/webUrl.js";
import type { LibraryPageNotice } from "../Library/LibraryPage.js";
import { EntryActions } from "./EntryActions.js";
import { calendarDate } from "./entryDates.js";
import { HelpfulVoteButton } from "./HelpfulVoteButton.js";
import { useEntryPageStyles } from "./useEntryPageStyles.styles.js";
import { VerificationControl } from "./VerificationControl.js";

/** Props of {@link EntryArticle}. */
export interface EntryArticleProps {
  entry: Entry;
  onEdit: () => void;
}

/**
 * One entry: type and trust badges, title, who wrote and saved it and when, the verification and
 * its review date (flagged once passed), the body as safe markdown, tags, the link back to the
 * Teams message, and what the person may do with it.
 */
export function EntryArticle({ entry, onEdit }: EntryArticleProps) {
  const styles = useEntryPageStyles();
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const actions = useEntryActions(entry.communityId, entry.id);
  const leaveDeleted = () => {
    navigate(libraryPath, { state: { notice: "entryDeleted" } satisfies LibraryPageNotice });
    actions.forgetDeleted();
  };
  const [linkFailed, setLinkFailed] = useState(false);
  const source = entry.source.kind === "message" && isWebUrl(entry.source.link) ? entry.source : null;
  const reviewBy = calendarDate(entry.verification?.reviewBy);

  const openOriginal = async () => {
    if (source) setLinkFailed(!(await openExternalLink(source.link)));
  };

  return (
    <EntryCard
      badges={{ type: entry.type, verified: entry.verification !== undefined, stale: entry.stale }}
      level="h1"
      title={entry.title}
      className={styles.article}
      data-entry-id={entry.id}
    >
      <Caption1 as="p" block className={styles.meta}>
        <span>
          <PersonCard person={entry.author}>
            {t("entry.writtenBy", { name: entry.author.displayName })}
          </PersonCard>
        </span>
        {entry.savedBy.id !== entry.author.id && (
          <span>{t("entry.savedBy", { name: entry.savedBy.displayName })}</span>
        )}
        <span>{t("entry.added", { date: new Date(entry.createdAt) })}</span>
        {entry.updatedAt !== entry.createdAt && (
          <span>{t("entry.updated", { date: new Date(entry.updatedAt) })}</span>
        )}
        {source && <span>{t("entry.posted", { date: new Date(source.postedAt) })}</span>}
      </Caption1>
      {entry.verification && (
        <Caption1 as="p" block className={styles.meta} data-testid="verification">
          <span>
            {t("entry.verifiedBy", {
              name: entry.verification.by.displayName,
              date: new Date(entry.verification.at),
            })}
          </span>
          {reviewBy && <span>{t("entry.reviewBy", { date: reviewBy })}</span>}
        </Caption1>
      )}
      {entry.stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("entry.stale")}</MessageBarTitle> {t("entry.staleBody")}
          </MessageBarBody>
        </MessageBar>
      )}
      {entry.removalRequestedBy && (
        <MessageBar intent="warning" layout="multiline" data-testid="removal-requested">
          <MessageBarBody>
            {t("entry.removalRequested", { name: entry.removalRequestedBy.displayName })}
            {entry.removalReason && <> {t("entry.removalReason", { reason: entry.removalReason })}</>}
            {entry.canVerify && (
              <>
                {" "}
                <RouterLink href={removalRequestsPath}>{t("entry.reviewRemovalRequests")}</RouterLink>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {entry.summary && (
        <Body1 as="p" block className={styles.summary}>
          {entry.summary}
        </Body1>
      )}
      <SafeMarkdown markdown={entry.body} />
      <EntryTags tags={entry.tags} size="small" />

      <ActionRow>
        <HelpfulVoteButton entry={entry} />
        {source && (
          <Button
            as="a"
            href={source.link}
            target="_blank"
            rel="noopener noreferrer"
            icon={<OpenRegular />}
            onClick={(event) => {
              event.preventDefault();
              void openOriginal();
            }}
          >
            {t("entry.openOriginal")}
          </Button>
        )}
        {entry.canVerify && <VerificationControl entry={entry} actions={actions} />}
        <EntryActions entry={entry} actions={actions} onEdit={onEdit} onDeleted={leaveDeleted} />
      </ActionRow>
      {linkFailed && (
        <div role="alert">
          <MessageBar intent="error">
            <MessageBarBody>{t("entry.openLinkFailed")}</MessageBarBody>
          </MessageBar>
        </div>
      )}
    </EntryCard>
  );
}
