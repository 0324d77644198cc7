import { makeStyles, mergeClasses, Spinner, Subtitle1, Text, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { QueryFailed } from "../InlineError/QueryFailed.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

/** Props of {@link QuerySection}. */
export interface QuerySectionProps<T> {
  heading: string;
  /** The request that loads the items: its progress, its failure, and loading again. */
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  /** The loaded items (none yet while loading). */
  items: readonly T[] | undefined;
  /** Said when the request found nothing. */
  empty: string;
  /** Renders the items, when there are any. */
  children: (items: readonly T[]) => ReactNode;
  /** Shown below the items whatever the request did (a form to add one, its errors). */
  after?: ReactNode;
  /** The section's own layout beyond a column of its parts (a width, say). */
  className?: string;
  testId: string;
}

/**
 * A section of a page that loads its own list: its heading, then a spinner, the failure with Retry,
 * a friendly "nothing yet", or the items; the rest of the page shows while it loads.
 */
export function QuerySection<T>({
  heading,
  query,
  items,
  empty,
  children,
  after,
  className,
  testId,
}: QuerySectionProps<T>) {
  const styles = useStyles();
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section
      className={mergeClasses(styles.root, className)}
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <Subtitle1 as="h2" block id={headingId} className={styles.heading}>
        {heading}
      </Subtitle1>
      {query.isPending && <Spinner size="tiny" labelPosition="after" label={t("common.loading")} />}
      {query.error ? <QueryFailed title={t("entry.sectionFailed")} query={query} /> : null}
      {items?.length === 0 && <Text>{empty}</Text>}
      {items && items.length > 0 && children(items)}
      {after}
    </section>
  );
}
