import { Caption1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { EntrySearchHit } from "../../api/library.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { entryPath } from "../../routes.js";
import { useHomePageStyles } from "./useHomePageStyles.styles.js";

/** Props of {@link EntryList}. */
export interface EntryListProps {
  communityId: string;
  entries: EntrySearchHit[];
}

/** Library entries as links to their pages, with author and helpful count. */
export function EntryList({ communityId, entries }: EntryListProps) {
  const styles = useHomePageStyles();
  const { t } = useTranslation();
  return (
    <ul className={styles.list}>
      {entries.map((entry) => (
        <li key={entry.id} className={styles.item}>
          <RouterLink href={entryPath(communityId, entry.id)}>{entry.title}</RouterLink>
          <Caption1 className={styles.muted}>
            {t("home.entryMeta", { name: entry.author.displayName, count: entry.helpfulCount })}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
