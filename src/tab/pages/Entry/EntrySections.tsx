import { Caption1, Spinner, Subtitle1, Text } from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import type { Entry } from "../../api/library.js";
import { EntryBadges } from "../../components/EntryBadges/EntryBadges.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { useEntryHistory, useRelatedEntries } from "../../hooks/library/useEntry.js";
import { entryPath } from "../../routes.js";
import { useEntryPageStyles } from "./useEntryPageStyles.styles.js";

/** Entries like this one, as links. */
export function RelatedEntries({ entry }: { entry: Entry }) {
  const styles = useEntryPageStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const related = useRelatedEntries(entry.communityId, entry.id);

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="related-entries">
      <Subtitle1 as="h2" block id={headingId} className={styles.sectionHeading}>
        {t("entry.relatedHeading")}
      </Subtitle1>
      {related.isPending && <Spinner size="tiny" labelPosition="after" label={t("entry.loadingSection")} />}
      {related.error && (
        <InlineError
          title={t("entry.sectionFailed")}
          error={toApiError(related.error)}
          onRetry={() => void related.refetch()}
        />
      )}
      {related.data?.length === 0 && <Text>{t("entry.relatedEmpty")}</Text>}
      {related.data && related.data.length > 0 && (
        <ul className={styles.list}>
          {related.data.map((hit) => (
            <li key={hit.id}>
              <EntryBadges type={hit.type} verified={hit.verified} stale={hit.stale} />
              <RouterLink href={entryPath(entry.communityId, hit.id)}>{hit.title}</RouterLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Who edited the entry and when, with the title it had before. */
export function EntryHistory({ entry }: { entry: Entry }) {
  const styles = useEntryPageStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const history = useEntryHistory(entry.communityId, entry.id);

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="entry-history">
      <Subtitle1 as="h2" block id={headingId} className={styles.sectionHeading}>
        {t("entry.historyHeading")}
      </Subtitle1>
      {history.isPending && <Spinner size="tiny" labelPosition="after" label={t("entry.loadingSection")} />}
      {history.error && (
        <InlineError
          title={t("entry.sectionFailed")}
          error={toApiError(history.error)}
          onRetry={() => void history.refetch()}
        />
      )}
      {history.data?.length === 0 && <Text>{t("entry.historyEmpty")}</Text>}
      {history.data && history.data.length > 0 && (
        <ol className={styles.list}>
          {history.data.map((revision) => (
            <li key={`${revision.at}-${revision.editedBy.id}`}>
              {revision.decision?.kind === "removalRequestDismissed" ? (
                <Text>
                  {t("entry.historyKept", {
                    name: revision.editedBy.displayName,
                    requester: revision.decision.requestedBy.displayName,
                    date: new Date(revision.at),
                  })}
                </Text>
              ) : (
                <>
                  <Text>
                    {t("entry.historyItem", {
                      name: revision.editedBy.displayName,
                      date: new Date(revision.at),
                    })}
                  </Text>
                  <br />
                  <Caption1>{t("entry.historyTitleBefore", { title: revision.title })}</Caption1>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
