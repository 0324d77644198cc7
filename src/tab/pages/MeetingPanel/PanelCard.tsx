import { Subtitle2 } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/** Props of {@link PanelCard}. */
export interface PanelCardProps {
  /** The card's h2, which names the section for screen readers too. */
  heading: ReactNode;
  testId?: string | undefined;
  children: ReactNode;
}

/** One card of the meeting side panel (the activity, my part, the wall, the queue): a named section. */
export function PanelCard({ heading, testId, children }: PanelCardProps) {
  const styles = useMeetingPanelStyles();
  const headingId = useId();
  return (
    <ContentCard as="section" className={styles.card} aria-labelledby={headingId} data-testid={testId}>
      <Subtitle2 as="h2" block id={headingId} className={styles.heading}>
        {heading}
      </Subtitle2>
      {children}
    </ContentCard>
  );
}
