import { Subtitle2 } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/** A named part of a panel card (my partners, what others wrote): an h3 over its content. */
export function PanelSection({
  heading,
  testId,
  children,
}: {
  heading: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  const styles = useMeetingPanelStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={testId}>
      <Subtitle2 as="h3" block id={headingId} className={styles.heading}>
        {heading}
      </Subtitle2>
      {children}
    </section>
  );
}
