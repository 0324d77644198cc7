import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api/ApiError.js";
import { describeApiError } from "../ErrorState.js";
import { TitledMessage } from "./TitledMessage.js";

/** Props of {@link InlineError}. */
export interface InlineErrorProps {
  /** What failed, such as "Couldn't search the library". */
  title: string;
  error: ApiError;
  /** What to do about it, after the reason, such as "Try again." */
  hint?: string;
  /** Shown as a Retry button when given. */
  onRetry?: () => void;
}

/**
 * A failed request inside a page that keeps its heading: the reason in words a person can act on,
 * announced by screen readers (role alert), with Retry.
 */
export function InlineError({ title, error, hint, onRetry }: InlineErrorProps) {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <TitledMessage
        intent="error"
        title={title}
        action={onRetry && { label: t("common.retry"), onClick: onRetry }}
      >
        {describeApiError(error, t)}
        {hint && ` ${hint}`}
      </TitledMessage>
    </div>
  );
}
