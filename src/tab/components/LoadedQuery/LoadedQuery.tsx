import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { toApiError } from "../../api/ApiError.js";
import { ErrorState } from "../ErrorState.js";
import { LoadingState } from "../LoadingState.js";
import { NoticeState } from "../NoticeState.js";

/** Props of {@link LoadedQuery}. */
export interface LoadedQueryProps<T> {
  query: UseQueryResult<T>;
  loadingLabel: string;
  errorTitle: string;
  /** What to say when the server has no such thing (404: deleted, never there) instead of an error. */
  notFound?: { title: string; body: string };
  /** Renders what loaded. */
  children: (data: T) => ReactNode;
}

/**
 * A page's content loaded by one query: what loaded once it has, otherwise the failure with a
 * retry (or a notice that it is gone), or the loading state.
 */
export function LoadedQuery<T>({ query, loadingLabel, errorTitle, notFound, children }: LoadedQueryProps<T>) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  const error = query.error ? toApiError(query.error) : null;
  if (error?.status === 404 && notFound) return <NoticeState title={notFound.title} body={notFound.body} />;
  if (error) return <ErrorState title={errorTitle} error={error} onRetry={() => void query.refetch()} />;
  return <LoadingState label={loadingLabel} />;
}
