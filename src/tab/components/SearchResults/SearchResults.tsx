import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Spinner,
} from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { PersonRef } from "../../api/library.js";
import type { EntrySearchResult } from "../../hooks/library/useEntrySearch.js";
import { InlineError } from "../InlineError/InlineError.js";
import { EmptyResults } from "./EmptyResults.js";
import { ResultsSkeleton } from "./ResultsSkeleton.js";
import { SearchResultCard } from "./SearchResultCard.js";
import { useSearchResultsStyles } from "./useSearchResultsStyles.styles.js";

/** Props of {@link SearchResults}. */
export interface SearchResultsProps {
  communityId: string;
  search: EntrySearchResult;
  /** The words searched for (for the empty state). */
  query: string;
  /** Whether any filter narrows the search. */
  filtered: boolean;
  onFilterAuthor: (author: PersonRef) => void;
  onClearFilters: () => void;
  onWrite: () => void;
}

/**
 * The library's results: skeletons on the first load, then the count (announced), the cards, and
 * "Load more" with "Showing n of total"; an empty state with the next step; errors with Retry.
 */
export function SearchResults(props: SearchResultsProps) {
  const { communityId, search, query, filtered } = props;
  const styles = useSearchResultsStyles();
  const { t } = useTranslation();
  const headingId = useId();

  if (search.isLoading) return <ResultsSkeleton />;
  if (search.error && search.items.length === 0) {
    return <InlineError title={t("library.searchErrorTitle")} error={search.error} onRetry={search.retry} />;
  }
  const total = search.total ?? 0;
  if (total === 0 || search.items.length === 0) {
    return (
      <>
        <div role="status" className={styles.summary}>
          {t("library.resultCount", { count: 0 })}
        </div>
        <EmptyResults
          libraryEmpty={!query.trim() && !filtered}
          query={query}
          onClearFilters={filtered ? props.onClearFilters : undefined}
          onWrite={props.onWrite}
        />
      </>
    );
  }

  return (
    <section className={styles.root} aria-labelledby={headingId} aria-busy={search.isUpdating}>
      <h2 id={headingId} className={styles.visuallyHidden}>
        {t("library.resultsHeading")}
      </h2>
      <div className={styles.summary}>
        <Body1 role="status" data-testid="result-count">
          {t("library.resultCount", { count: total })}
        </Body1>
        {search.isUpdating && <Spinner size="extra-tiny" label={t("library.searching")} />}
      </div>
      {search.relaxed && (
        <MessageBar intent="info">
          <MessageBarBody>{t("library.relaxed")}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={mergeClasses(styles.list, search.isUpdating && styles.updating)}>
        {search.items.map((hit) => (
          <li key={hit.id}>
            <SearchResultCard communityId={communityId} hit={hit} onFilterAuthor={props.onFilterAuthor} />
          </li>
        ))}
      </ul>
      <Caption1 as="p" block data-testid="results-shown">
        {t("library.showing", { shown: search.items.length, total })}
      </Caption1>
      {search.error && (
        <InlineError title={t("library.searchErrorTitle")} error={search.error} onRetry={search.retry} />
      )}
      {search.hasMore && (
        <Button
          className={styles.more}
          onClick={search.loadMore}
          disabledFocusable={search.isLoadingMore}
          icon={search.isLoadingMore ? <Spinner size="tiny" /> : undefined}
        >
          {search.isLoadingMore ? t("library.loadingMore") : t("library.loadMore")}
        </Button>
      )}
    </section>
  );
}
