import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Title3,
  tokens,
} from "@fluentui/react-components";
import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/ApiError.js";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalXL,
  },
  heading: { margin: 0 },
});

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** The page's heading, saying what failed. */
  title: string;
  error: ApiError;
  /** Shown as a Retry button when given. */
  onRetry?: () => void;
}

/** Explains a failed request in words a person can act on, with a Retry button. */
export function ErrorState({ title, error, onRetry }: ErrorStateProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Title3 as="h1" id={titleId} className={styles.heading}>
        {title}
      </Title3>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{describeApiError(error, t)}</MessageBarBody>
        {onRetry && (
          <MessageBarActions>
            <Button onClick={onRetry}>{t("common.retry")}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </section>
  );
}

/**
 * A sentence for a failed API call: sign-in, a service that is briefly away (503: storage not
 * answering; the same call works again shortly) and network problems in our words, others in the
 * server's.
 */
export function describeApiError(error: ApiError, t: TFunction): string {
  if (error.status === 401) return t("common.signInErrorBody");
  if (error.status === 503) return t("common.unavailableBody");
  if (error.status === 0 || error.status >= 500) return t("common.networkErrorBody");
  return error.message;
}
