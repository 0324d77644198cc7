import { CardHeader, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { ContentCard } from "../ContentCard/ContentCard.js";
import { MutedText } from "../MutedText/MutedText.js";

const useStyles = makeStyles({
  // Inside Fluent's Card (surface, padding): the section's own spacing.
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
});

/** Props of {@link SectionCard}. */
export interface SectionCardProps {
  title: string;
  /** Shown instead of the children when there is nothing to list. */
  empty?: string | false;
  children?: ReactNode;
  testId?: string;
}

/** One section of a page of cards (the community home, my learning): a labelled region with a friendly empty state. */
export function SectionCard({ title, empty, children, testId }: SectionCardProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <ContentCard
      as="section"
      size="large"
      className={styles.card}
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <CardHeader
        header={
          <Subtitle2 as="h2" id={headingId} className={styles.heading}>
            {title}
          </Subtitle2>
        }
      />
      {empty ? <MutedText>{empty}</MutedText> : children}
    </ContentCard>
  );
}
