import { Button, CounterBadge } from "@fluentui/react-components";
import { PersonDeleteRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useRemovalRequestCount } from "../../hooks/library/useRemovalRequests.js";
import { removalRequestsPath } from "../../routes.js";

/** Props of {@link RemovalRequestsButton}. */
export interface RemovalRequestsButtonProps {
  communityId: string;
}

/**
 * Opens the stewards' review of removal requests, with how many wait as a badge. Render it for
 * stewards only: the count is asked for on mount, and the server refuses it to anyone else.
 */
export function RemovalRequestsButton({ communityId }: RemovalRequestsButtonProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const count = useRemovalRequestCount(communityId, true);
  const waiting = count ?? 0;
  return (
    <Button
      icon={<PersonDeleteRegular />}
      onClick={() => navigate(removalRequestsPath)}
      aria-label={
        waiting > 0 ? t("removalRequests.openWithCount", { count: waiting }) : t("removalRequests.title")
      }
      data-testid="removal-requests-button"
    >
      {t("removalRequests.title")}
      {waiting > 0 && (
        <CounterBadge
          count={waiting}
          overflowCount={99}
          size="small"
          color="danger"
          aria-hidden="true"
          data-testid="removal-requests-count"
          style={{ marginInlineStart: "6px" }}
        />
      )}
    </Button>
  );
}
