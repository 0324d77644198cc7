import { Body1, Button, Caption1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { EntrySearchHit, PersonRef } from "../../api/library.js";
import { entryPath } from "../../routes.js";
import { FROM_LIBRARY } from "../BackToLibraryLink/BackToLibraryLink.js";
import { EntryCard } from "../EntryCard/EntryCard.js";
import { EntryTags } from "../EntryTags/EntryTags.js";
import { HighlightedText } from "../HighlightedText/HighlightedText.js";
import { RouterLink } from "../RouterLink/RouterLink.js";
import { useSearchResultsStyles } from "./useSearchResultsStyles.styles.js";

/** Props of {@link SearchResultCard}. */
export interface SearchResultCardProps {
  communityId: string;
  hit: EntrySearchHit;
  /** Narrows the search to this author's entries. */
  onFilterAuthor: (author: PersonRef) => void;
}

/** One result: its title (a link to the entry) and snippet with the matches marked, badges, tags, author, date. */
export function SearchResultCard({ communityId, hit, onFilterAuthor }: SearchResultCardProps) {
  const styles = useSearchResultsStyles();
  const { t } = useTranslation();
  const rangesOf = (field: "title" | "snippet") => hit.highlights.find((h) => h.field === field)?.ranges;

  return (
    <EntryCard
      badges={{ type: hit.type, verified: hit.verified, stale: hit.stale }}
      level="h3"
      title={
        <RouterLink href={entryPath(communityId, hit.id)} state={FROM_LIBRARY}>
          <HighlightedText text={hit.title} ranges={rangesOf("title")} />
        </RouterLink>
      }
      className={styles.card}
      data-entry-id={hit.id}
    >
      {hit.snippet && (
        <Body1 as="p" block className={styles.snippet} data-testid="result-snippet">
          <HighlightedText text={hit.snippet} ranges={rangesOf("snippet")} />
        </Body1>
      )}
      <EntryTags tags={hit.tags} size="extra-small" />
      <Caption1 as="p" block className={styles.meta}>
        <Button
          size="small"
          appearance="transparent"
          aria-label={t("library.showByAuthor", { name: hit.author.displayName })}
          onClick={() => onFilterAuthor(hit.author)}
        >
          {t("library.byAuthor", { name: hit.author.displayName })}
        </Button>
        <span>{t("library.added", { date: new Date(hit.createdAt) })}</span>
        <span data-testid="result-helpful-count">
          {t("library.helpfulCount", { count: hit.helpfulCount })}
        </span>
      </Caption1>
    </EntryCard>
  );
}
