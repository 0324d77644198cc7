import { Body1, Button, Caption1 } from "@fluentui/react-components";
import { CheckmarkRegular, DeleteRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RemovalRequest } from "../../api/library.js";
import { ActionRow } from "../../components/ActionRow/ActionRow.js";
import { ConfirmDialog } from "../../components/ConfirmDialog/ConfirmDialog.js";
import { EntryCard } from "../../components/EntryCard/EntryCard.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import type { RemovalDecision } from "../../hooks/library/useRemovalRequests.js";
import { entryPath } from "../../routes.js";
import { useRemovalRequestsStyles } from "./useRemovalRequestsStyles.styles.js";

/** Props of {@link RemovalRequestCard}. */
export interface RemovalRequestCardProps {
  communityId: string;
  request: RemovalRequest;
  /** The steward's decision; the card leaves the list at once (the hook restores it on failure). */
  onDecide: (request: RemovalRequest, decision: RemovalDecision) => void;
}

/**
 * One entry whose author asked for its removal: what it is (a link to its page), who asked, when
 * and why, and the two decisions. Deleting asks first; keeping is undone by nothing worse than the
 * entry staying, so it needs no dialog.
 */
export function RemovalRequestCard({ communityId, request, onDecide }: RemovalRequestCardProps) {
  const styles = useRemovalRequestsStyles();
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  // Set on confirm, acted on once the dialog has closed: removing the card (and its dialog) while
  // the dialog is open would leave the page aria-hidden.
  const deleteConfirmed = useRef(false);

  return (
    <EntryCard
      badges={{ type: request.type }}
      level="h2"
      title={<RouterLink href={entryPath(communityId, request.entryId)}>{request.title}</RouterLink>}
      className={styles.card}
      data-testid="removal-request"
    >
      <Caption1 className={styles.meta}>
        <span>
          {t("removalRequests.askedBy", {
            name: request.requestedBy.displayName,
            date: new Date(request.requestedAt),
          })}
        </span>
        {request.savedBy.id !== request.requestedBy.id && (
          <span>{t("removalRequests.savedBy", { name: request.savedBy.displayName })}</span>
        )}
      </Caption1>
      {request.reason ? (
        <blockquote className={styles.reason} aria-label={t("removalRequests.reasonLabel")}>
          <Body1>{request.reason}</Body1>
        </blockquote>
      ) : (
        <Body1 as="p" block className={styles.noReason}>
          {t("removalRequests.noReason")}
        </Body1>
      )}
      <ActionRow>
        <Button
          icon={<CheckmarkRegular />}
          aria-label={t("removalRequests.keepLabel", { title: request.title })}
          onClick={() => onDecide(request, "keep")}
        >
          {t("removalRequests.keep")}
        </Button>
        <ConfirmDialog
          open={confirming}
          onOpenChange={(open) => {
            setConfirming(open);
            if (open) deleteConfirmed.current = false;
          }}
          trigger={
            <Button
              icon={<DeleteRegular />}
              aria-label={t("removalRequests.deleteLabel", { title: request.title })}
            >
              {t("removalRequests.delete")}
            </Button>
          }
          title={t("removalRequests.deleteTitle")}
          confirmLabel={t("removalRequests.confirmDelete")}
          pending={false}
          error={null}
          onConfirm={() => {
            deleteConfirmed.current = true;
            setConfirming(false);
          }}
          onClosed={() => {
            if (!deleteConfirmed.current) return;
            deleteConfirmed.current = false;
            onDecide(request, "delete");
          }}
        >
          <Body1 as="p" block>
            {t("removalRequests.deleteBody", {
              title: request.title,
              name: request.requestedBy.displayName,
            })}
          </Body1>
        </ConfirmDialog>
      </ActionRow>
    </EntryCard>
  );
}
