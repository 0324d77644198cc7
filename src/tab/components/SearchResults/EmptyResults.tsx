import { Body1, Button, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { noticeColumn } from "../../styles/layout.js";

const useStyles = makeStyles({
  root: noticeColumn(tokens.spacingVerticalL),
  text: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Props of {@link EmptyResults}. */
export interface EmptyResultsProps {
  /** The library has no entry at all (no words, no filters, nothing found). */
  libraryEmpty: boolean;
  /** The words searched for, if any. */
  query: string;
  /** Offers "Clear filters" when given. */
  onClearFilters?: () => void;
  onWrite: () => void;
}

/** Nothing to show, and the next step: write the first entry, or widen the search. */
export function EmptyResults({ libraryEmpty, query, onClearFilters, onWrite }: EmptyResultsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const titleId = useId();
  const title = libraryEmpty
    ? t("library.emptyTitle")
    : query.trim()
      ? t("library.noResultsTitle", { query: query.trim() })
      : t("library.noResultsFilteredTitle");

  return (
    <section className={styles.root} aria-labelledby={titleId} data-testid="empty-results">
      <Subtitle1 as="h2" block id={titleId} className={styles.text}>
        {title}
      </Subtitle1>
      <Body1 as="p" block className={styles.text}>
        {libraryEmpty ? t("library.emptyBody") : t("library.noResultsBody")}
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<AddRegular />} onClick={onWrite}>
          {libraryEmpty ? t("library.writeFirst") : t("library.writeEntry")}
        </Button>
        {onClearFilters && <Button onClick={onClearFilters}>{t("library.clearFilters")}</Button>}
      </div>
    </section>
  );
}
