import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { wrappingRow } from "../../styles/layout.js";

const useStyles = makeStyles({
  row: wrappingRow(tokens.spacingHorizontalS),
});

/** The buttons of a card, a form or a section: side by side, wrapping onto the next line in a narrow panel. */
export function ActionRow({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <div className={styles.row}>{children}</div>;
}
