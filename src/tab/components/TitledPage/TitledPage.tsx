import { Body1, makeStyles, Title2, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Props of {@link TitledPage}. */
export interface TitledPageProps {
  title: string;
  /** What the page is for, under the title. */
  intro?: string;
  children: ReactNode;
}

/** A page's content as one region named by its h1 (modules, a playbook's editor, My learning). */
export function TitledPage({ title, intro, children }: TitledPageProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.page} aria-labelledby={headingId}>
      <Title2 as="h1" block id={headingId} className={styles.heading}>
        {title}
      </Title2>
      {intro && (
        <Body1 as="p" block className={styles.intro}>
          {intro}
        </Body1>
      )}
      {children}
    </section>
  );
}
