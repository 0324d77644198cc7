import { makeStyles, Tag, type TagProps, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyle: "none",
    margin: 0,
    padding: 0,
  },
});

/** Props of {@link EntryTags}. */
export interface EntryTagsProps {
  tags: readonly string[];
  /** Smaller in a result list than on the entry's own page. */
  size: TagProps["size"];
}

/** An entry's tags, as a labelled list (nothing when it has none). */
export function EntryTags({ tags, size }: EntryTagsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <ul className={styles.root} aria-label={t("entry.tagsLabel")}>
      {tags.map((tag) => (
        <li key={tag}>
          <Tag size={size} appearance="outline">
            {tag}
          </Tag>
        </li>
      ))}
    </ul>
  );
}
