import { PersonDeleteRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { CountedButton } from "../../components/CountedButton.js";
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
  const waiting = useRemovalRequestCount(communityId, true) ?? 0;
  return (
    <CountedButton
      icon={<PersonDeleteRegular />}
      to={removalRequestsPath}
      label={t("removalRequests.title")}
      labelWithCount={t("removalRequests.openWithCount", { count: waiting })}
      count={waiting}
      testId="removal-requests-button"
      countTestId="removal-requests-count"
    />
  );
}
