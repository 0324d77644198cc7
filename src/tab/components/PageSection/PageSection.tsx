import { makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
});

/** Props of {@link PageSection}. */
export interface PageSectionProps {
  heading: string;
  testId?: string;
  children: ReactNode;
}

/** A part of a page under the page's h1 (the members, an insights chart): a region named by its h2. */
export function PageSection({ heading, testId, children }: PageSectionProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={testId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {heading}
      </Subtitle1>
      {children}
    </section>
  );
}
