import { Body1, makeStyles, Title3, tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { noticeColumn } from "../styles/layout.js";

const useStyles = makeStyles({
  root: noticeColumn(tokens.spacingVerticalXL),
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
}

/** A friendly full-page message: empty states, placeholders, "not found". */
export function NoticeState({ title, body, action }: NoticeStateProps) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Title3 as="h1" block id={titleId} className={styles.heading}>
        {title}
      </Title3>
      <Body1 as="p" block className={styles.body}>
        {body}
      </Body1>
      {action}
    </section>
  );
}
