import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Props of {@link KnownFor}. */
export interface KnownForProps {
  /** The topics a reputation names, most known first. */
  topics: readonly { tag: string }[];
  /** Said when there are none yet (to the person themselves, how topics come). */
  none: string;
}

/** "Known for: pipelines, data-quality": the topics of a person's reputation, on their card and on My learning. */
export function KnownFor({ topics, none }: KnownForProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Caption1 className={styles.muted}>
      {topics.length > 0
        ? t("reputation.topics", { tags: topics.map((topic) => topic.tag).join(", ") })
        : none}
    </Caption1>
  );
}
