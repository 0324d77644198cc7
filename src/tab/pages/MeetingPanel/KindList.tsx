import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityView } from "../../api/activities.js";
import { kindTitle } from "./activityText.js";

const useStyles = makeStyles({
  title: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Props of {@link KindList}. */
export interface KindListProps {
  kind: ActivityView["kinds"][number];
  /** A caption in the side panel, a heading (h3) on the meeting stage. */
  size: "panel" | "stage";
  listClassName: string;
  /** The submissions, each a list item. */
  children: ReactNode;
}

/** The submissions of one kind (the themes, the tables' notes) as a list under the kind's title. */
export function KindList({ kind, size, listClassName, children }: KindListProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const Title = size === "stage" ? Subtitle2 : Caption1;
  return (
    <div>
      <Title as={size === "stage" ? "h3" : "p"} block className={styles.title}>
        {kindTitle(t, kind)}
      </Title>
      <ul className={listClassName}>{children}</ul>
    </div>
  );
}
