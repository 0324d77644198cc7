import { Body1, makeStyles, Title2, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { pageHeader, stack } from "../../styles/layout.js";

const useStyles = makeStyles({
  page: { ...stack(tokens.spacingVerticalL), minWidth: 0 },
  header: pageHeader(tokens.spacingVerticalM),
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Props of {@link TitledPage}. */
export interface TitledPageProps {
  title: string;
  /** What the page is for, under the title. */
  intro?: string;
  /** What the page offers to do (compose a playbook), at the title's end; under it in a narrow panel. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A page's content as one region named by its h1 (modules, playbooks, a playbook's editor, My learning). */
export function TitledPage({ title, intro, actions, children }: TitledPageProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.page} aria-labelledby={headingId}>
      <header className={styles.header}>
        <Title2 as="h1" block id={headingId} className={styles.heading}>
          {title}
        </Title2>
        {actions}
      </header>
      {intro && (
        <Body1 as="p" block className={styles.intro}>
          {intro}
        </Body1>
      )}
      {children}
    </section>
  );
}
