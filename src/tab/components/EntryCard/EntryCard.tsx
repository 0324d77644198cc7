import { makeStyles, Subtitle2, Title2 } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { ContentCard } from "../ContentCard/ContentCard.js";
import { EntryBadges, type EntryBadgesProps } from "../EntryBadges/EntryBadges.js";

const useStyles = makeStyles({
  title: { margin: 0 },
});

/** Props of {@link EntryCard}. */
export interface EntryCardProps {
  badges: EntryBadgesProps;
  /** The entry's title, or a link to it. */
  title: ReactNode;
  /** `h1` on the entry's own page (a larger title), `h2` or `h3` in a list under its heading. */
  level: "h1" | "h2" | "h3";
  className: string;
  /** What follows the title: who, when, the text, the actions. */
  children: ReactNode;
  "data-entry-id"?: string;
  "data-testid"?: string;
}

/** An entry as a card: an article named by its title, with the entry's badges above it. */
export function EntryCard({ badges, title, level, className, children, ...data }: EntryCardProps) {
  const styles = useStyles();
  const titleId = useId();
  const Heading = level === "h1" ? Title2 : Subtitle2;
  return (
    <ContentCard as="article" size="large" className={className} aria-labelledby={titleId} {...data}>
      <EntryBadges {...badges} />
      <Heading as={level} block id={titleId} className={styles.title}>
        {title}
      </Heading>
      {children}
    </ContentCard>
  );
}
