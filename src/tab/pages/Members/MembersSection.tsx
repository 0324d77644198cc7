import { Subtitle1 } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { useMembersPageStyles } from "./useMembersPageStyles.styles.js";

/** A part of the members page (requests, adding people, the members): an h2 over its content. */
export function MembersSection({
  heading,
  testId,
  children,
}: {
  heading: string;
  testId?: string;
  children: ReactNode;
}) {
  const styles = useMembersPageStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={testId}>
      <Subtitle1 as="h2" id={headingId} className={styles.subheading}>
        {heading}
      </Subtitle1>
      {children}
    </section>
  );
}
