import { Body1, makeStyles, Subtitle1, Title3, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { noticeColumn } from "../styles/layout.js";

const useStyles = makeStyles({
  page: noticeColumn(tokens.spacingVerticalXL),
  section: noticeColumn(tokens.spacingVerticalL),
  heading: { margin: 0 },
  body: { margin: 0 },
});

/** Props of {@link NoticeState}. */
export interface NoticeStateProps {
  /** The page's heading: what the person is looking at. */
  title: string;
  /** What it means and what to do next. */
  body: string;
  /** An optional next step, such as a link or a button. */
  action?: ReactNode;
  /**
   * A whole page's message (an `h1`), or a section's in a page that keeps its own title (an `h2`,
   * such as an empty list).
   * @default "page"
   */
  level?: "page" | "section";
  testId?: string;
}

/** A friendly message in place of content: empty states, placeholders, "not found". */
export function NoticeState({ title, body, action, level = "page", testId }: NoticeStateProps) {
  const styles = useStyles();
  const titleId = useId();
  const Heading = level === "page" ? Title3 : Subtitle1;
  return (
    <section className={styles[level]} aria-labelledby={titleId} data-testid={testId}>
      <Heading as={level === "page" ? "h1" : "h2"} block id={titleId} className={styles.heading}>
        {title}
      </Heading>
      <Body1 as="p" block className={styles.body}>
        {body}
      </Body1>
      {action}
    </section>
  );
}
