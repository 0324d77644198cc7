import { Caption1, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Entry } from "../../api/library.js";
import { EntryBadges } from "../../components/EntryBadges/EntryBadges.js";
import { QuerySection } from "../../components/QuerySection/QuerySection.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { useEntryHistory, useRelatedEntries } from "../../hooks/library/useEntry.js";
import { entryPath } from "../../routes.js";
import { useEntryPageStyles } from "./useEntryPageStyles.styles.js";

/** Entries like this one, as links. */
export function RelatedEntries({ entry }: { entry: Entry }) {
  const styles = useEntryPageStyles();
  const { t } = useTranslation();
  const related = useRelatedEntries(entry.communityId, entry.id);

  return (
    <QuerySection
      heading={t("entry.relatedHeading")}
      query={related}
      items={related.data}
      empty={t("entry.relatedEmpty")}
      testId="related-entries"
    >
      {(hits) => (
        <ul className={styles.list}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <EntryBadges type={hit.type} verified={hit.verified} stale={hit.stale} />
              <RouterLink href={entryPath(entry.communityId, hit.id)}>{hit.title}</RouterLink>
            </li>
          ))}
        </ul>
      )}
    </QuerySection>
  );
}

/** Who edited the entry and when, with the title it had before. */
export function EntryHistory({ entry }: { entry: Entry }) {
  const styles = useEntryPageStyles();
  const { t } = useTranslation();
  const history = useEntryHistory(entry.communityId, entry.id);

  return (
    <QuerySection
      heading={t("entry.historyHeading")}
      query={history}
      items={history.data}
      empty={t("entry.historyEmpty")}
      testId="entry-history"
    >
      {(revisions) => (
        <ol className={styles.list}>
          {revisions.map((revision) => (
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
    </QuerySection>
  );
}
