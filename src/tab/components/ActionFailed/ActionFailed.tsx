import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { describeApiError } from "../ErrorState.js";

/** Props of {@link ActionFailed}. */
export interface ActionFailedProps {
  /** The failed mutation's error; nothing is shown without one. */
  error: unknown;
  /** The sentence to show, given the reason in words a person can act on. */
  message: (reason: string) => string;
  /** Repeats the action; a Retry button when given and the failure may pass (network, 5xx such as 503). */
  onRetry?: () => void;
}

/**
 * An action inside a section that failed (an RSVP, taking a role, a download): one sentence saying
 * what did not happen and why, announced by screen readers (role alert).
 */
export function ActionFailed({ error, message, onRetry }: ActionFailedProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = toApiError(error);
  // A refusal (4xx) answers the same again; only a failure that may pass is worth a Retry.
  const mayPass = apiError.status === 0 || apiError.status >= 500;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{message(describeApiError(apiError, t))}</MessageBarBody>
      {onRetry && mayPass && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t("common.retry")}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
