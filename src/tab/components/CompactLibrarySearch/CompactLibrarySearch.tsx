import { Body1, Caption1, Spinner, Subtitle2 } from "@fluentui/react-components";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useEntrySearch } from "../../hooks/library/useEntrySearch.js";
import { useDebouncedInput } from "../../hooks/useDebouncedInput.js";
import { entryPath } from "../../routes.js";
import { HighlightedText } from "../HighlightedText/HighlightedText.js";
import { InlineError } from "../InlineError/InlineError.js";
import { LibrarySearchBox } from "../LibrarySearchBox/LibrarySearchBox.js";
import { RouterLink } from "../RouterLink/RouterLink.js";
import { useCompactLibrarySearchStyles } from "./useCompactLibrarySearchStyles.styles.js";

/** Props of {@link CompactLibrarySearch}. */
export interface CompactLibrarySearchProps {
  communityId: string;
  /** How many results to show. @default 5 */
  limit?: number;
}

/**
 * Search as you type over the community's library, in little space (the 280 px meeting side panel):
 * titles with the matched words marked, each opening its entry. Uses the library page's search.
 */
export function CompactLibrarySearch({ communityId, limit = 5 }: CompactLibrarySearchProps) {
  const styles = useCompactLibrarySearchStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const [query, setQuery] = useState("");
  const words = useDebouncedInput(query, setQuery, 250);
  const q = query.trim();

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" block id={headingId} className={styles.heading}>
        {t("meeting.searchHeading")}
      </Subtitle2>
      <LibrarySearchBox
        label={t("meeting.searchLabel")}
        placeholder={t("meeting.searchPlaceholder")}
        words={words}
      />
      {q && <Results communityId={communityId} q={q} limit={limit} />}
    </section>
  );
}

function Results({ communityId, q, limit }: { communityId: string; q: string; limit: number }) {
  const styles = useCompactLibrarySearchStyles();
  const { t } = useTranslation();
  const search = useEntrySearch(communityId, { q });
  if (search.error)
    return <InlineError title={t("library.searchErrorTitle")} error={search.error} onRetry={search.retry} />;
  if (search.isLoading) return <Spinner size="tiny" label={t("meeting.searching")} />;
  if (search.items.length === 0)
    return (
      <Body1 as="p" block className={styles.muted} role="status">
        {t("meeting.noResults")}
      </Body1>
    );
  return (
    <ul className={styles.list} aria-busy={search.isUpdating} data-testid="compact-results">
      {search.items.slice(0, limit).map((hit) => (
        <li key={hit.id} className={styles.item}>
          <RouterLink href={entryPath(communityId, hit.id)}>
            <HighlightedText
              text={hit.title}
              ranges={hit.highlights.find((h) => h.field === "title")?.ranges}
            />
          </RouterLink>
          <Caption1 className={styles.muted}>
            {t(`entryTypes.${hit.type}`)} · {t("library.byAuthor", { name: hit.author.displayName })}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
