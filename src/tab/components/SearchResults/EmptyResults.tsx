import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { NoticeState } from "../NoticeState.js";

const useStyles = makeStyles({
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
  const title = libraryEmpty
    ? t("library.emptyTitle")
    : query.trim()
      ? t("library.noResultsTitle", { query: query.trim() })
      : t("library.noResultsFilteredTitle");

  return (
    <NoticeState
      level="section"
      title={title}
      body={libraryEmpty ? t("library.emptyBody") : t("library.noResultsBody")}
      testId="empty-results"
      action={
        <div className={styles.actions}>
          <Button appearance="primary" icon={<AddRegular />} onClick={onWrite}>
            {libraryEmpty ? t("library.writeFirst") : t("library.writeEntry")}
          </Button>
          {onClearFilters && <Button onClick={onClearFilters}>{t("library.clearFilters")}</Button>}
        </div>
      }
    />
  );
}
