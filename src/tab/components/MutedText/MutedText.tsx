import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Props of {@link MutedText}. */
export interface MutedTextProps {
  children: ReactNode;
  testId?: string;
}

/** A quiet paragraph: what an empty list says instead, or a note beside the content that matters. */
export function MutedText({ children, testId }: MutedTextProps) {
  const styles = useStyles();
  return (
    <Body1 as="p" block className={styles.text} data-testid={testId}>
      {children}
    </Body1>
  );
}
