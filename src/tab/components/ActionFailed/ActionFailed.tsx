import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { describeApiError } from "../ErrorState.js";

/** Props of {@link ActionFailed}. */
export interface ActionFailedProps {
  /** The failed mutation's error; nothing is shown without one. */
  error: unknown;
  /** The sentence to show, given the reason in words a person can act on. */
  message: (reason: string) => string;
}

/**
 * An action inside a section that failed (an RSVP, taking a role, a download): one sentence saying
 * what did not happen and why, announced by screen readers (role alert).
 */
export function ActionFailed({ error, message }: ActionFailedProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{message(describeApiError(toApiError(error), t))}</MessageBarBody>
    </MessageBar>
  );
}
