import { toApiError } from "../../api/ApiError.js";
import { InlineError } from "./InlineError.js";

/** Props of {@link QueryFailed}. */
export interface QueryFailedProps {
  /** What could not be loaded, such as "Couldn't load the calendar". */
  title: string;
  /** The failed request (a TanStack query): its error, and loading again. */
  query: { error: unknown; refetch: () => unknown };
}

/** A request for part of a page that failed: the {@link InlineError} with Retry, which loads it again. */
export function QueryFailed({ title, query }: QueryFailedProps) {
  return <InlineError title={title} error={toApiError(query.error)} onRetry={() => void query.refetch()} />;
}
