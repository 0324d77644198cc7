import { Spinner } from "@fluentui/react-components";
import { type QueryKey, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiClient } from "../../api/ApiClient.js";
import { toApiError } from "../../api/ApiError.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { useApi } from "../../hooks/useApi.js";

/** Props of {@link LoadsOnItsOwn}. */
export interface LoadsOnItsOwnProps<T> {
  queryKey: QueryKey;
  load: (api: ApiClient, signal: AbortSignal) => Promise<T>;
  /** How soon to ask again after an answer (while the server still computes); never by default. */
  pollMs?: (data: T | undefined) => number | false;
  /** Above the failure; by default "Couldn't load this part." */
  errorTitle?: string;
  /** Shown until the first answer (nothing, or another spinner); a small "Loading" spinner by default. */
  loading?: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * A part of My learning that loads on its own (commitments, reputation, ties), so one slow or
 * failing part leaves the others readable: its failure with a retry, then its content.
 */
export function LoadsOnItsOwn<T>({
  queryKey,
  load,
  pollMs,
  errorTitle,
  loading,
  children,
}: LoadsOnItsOwnProps<T>) {
  const { t } = useTranslation();
  const api = useApi();
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => load(api, signal),
    ...(pollMs ? { refetchInterval: (q: { state: { data: T | undefined } }) => pollMs(q.state.data) } : {}),
  });
  if (query.error)
    return (
      <InlineError
        title={errorTitle ?? t("entry.sectionFailed")}
        error={toApiError(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  if (query.data === undefined)
    return loading === undefined ? (
      <Spinner size="tiny" labelPosition="after" label={t("common.loading")} />
    ) : (
      loading
    );
  return children(query.data);
}
