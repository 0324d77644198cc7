import { Body1, CardHeader, Subtitle2 } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { useHomePageStyles } from "./useHomePageStyles.styles.js";

/** Props of {@link HomeCard}. */
export interface HomeCardProps {
  title: string;
  /** Shown instead of the children when there is nothing to list. */
  empty?: string | false;
  children?: ReactNode;
  testId?: string;
}

/** One section of the community home: a labelled region with a friendly empty state. */
export function HomeCard({ title, empty, children, testId }: HomeCardProps) {
  const styles = useHomePageStyles();
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
      {empty ? (
        <Body1 as="p" block className={styles.muted}>
          {empty}
        </Body1>
      ) : (
        children
      )}
    </ContentCard>
  );
}
