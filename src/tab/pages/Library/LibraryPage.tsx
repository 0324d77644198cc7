import { Button, Caption1, MessageBar, MessageBarBody, Title2 } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useCallback, useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "wouter";
import { useHistoryState } from "wouter/use-browser-location";
import type { PersonRef } from "../../api/library.js";
import { type CommunityContentProps, communityPage } from "../../components/CommunityPage.js";
import { LibraryFilters } from "../../components/LibraryFilters/LibraryFilters.js";
import {
  activeFilterCount,
  type LibraryFilters as Filters,
  readLibraryFilters,
  toSearchParams,
  withoutFilters,
  writeLibraryFilters,
} from "../../components/LibraryFilters/libraryFiltersModel.js";
import { LibrarySearchBox } from "../../components/LibrarySearchBox/LibrarySearchBox.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { SearchResults } from "../../components/SearchResults/SearchResults.js";
import { useEntrySearch } from "../../hooks/library/useEntrySearch.js";
import { useDebouncedInput } from "../../hooks/useDebouncedInput.js";
import { newEntryPath } from "../../routes.js";
import { AskTheCommunity } from "./AskTheCommunity.js";
import { RemovalRequestsButton } from "./RemovalRequestsButton.js";
import { UnansweredQuestions } from "./UnansweredQuestions.js";
import { useLibraryPageStyles } from "./useLibraryPageStyles.styles.js";

/** What another page may tell the library page as it navigates here. */
export interface LibraryPageNotice {
  notice?: "entryDeleted";
}

/** Search as you type waits for a pause this long before asking the server. */
const SEARCH_DELAY_MS = 250;

/** The insight library of the community this tab is connected to (its entity id). */
export const LibraryPage = communityPage("library", Library);

function Library({ community }: CommunityContentProps) {
  const styles = useLibraryPageStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const [, navigate] = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const history = useHistoryState<LibraryPageNotice | null>();
  const filters = readLibraryFilters(searchParams);

  // Replace, not push: each keystroke is no step to go back to.
  const update = useCallback(
    (change: Partial<Filters>) =>
      setSearchParams((current) => writeLibraryFilters({ ...readLibraryFilters(current), ...change }), {
        replace: true,
      }),
    [setSearchParams],
  );
  const words = useDebouncedInput(filters.q, (q) => update({ q }), SEARCH_DELAY_MS);
  const search = useEntrySearch(community.id, toSearchParams(filters));
  const write = () => navigate(newEntryPath);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <RouterLink href="/tab/home">{t("library.backToHome")}</RouterLink>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Title2 as="h1" block id={headingId} className={styles.heading}>
            {t("library.title")}
          </Title2>
          <Caption1 className={styles.community}>{community.name}</Caption1>
        </div>
        <div className={styles.actions}>
          {community.isSteward && <RemovalRequestsButton communityId={community.id} />}
          <Button appearance="primary" icon={<AddRegular />} onClick={write}>
            {t("library.writeEntry")}
          </Button>
        </div>
      </header>

      {history?.notice === "entryDeleted" && (
        <MessageBar intent="success">
          <MessageBarBody>{t("library.entryDeleted")}</MessageBarBody>
        </MessageBar>
      )}

      <LibrarySearchBox
        className={styles.search}
        label={t("library.searchLabel")}
        placeholder={t("library.searchPlaceholder")}
        words={words}
      />

      <AskTheCommunity communityId={community.id} question={filters.q} />

      {community.isSteward && <UnansweredQuestions communityId={community.id} />}

      <LibraryFilters filters={filters} onChange={update} />

      <SearchResults
        communityId={community.id}
        search={search}
        query={filters.q}
        filtered={activeFilterCount(filters) > 0}
        onFilterAuthor={(author: PersonRef) => update({ author: author.id, authorName: author.displayName })}
        onClearFilters={() => update(withoutFilters(filters))}
        onWrite={write}
      />
    </section>
  );
}
