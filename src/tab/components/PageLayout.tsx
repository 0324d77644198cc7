import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  main: {
    boxSizing: "border-box",
    maxWidth: "960px",
    marginInline: "auto",
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalL,
    // Long community names, tags and URLs wrap instead of widening a 280 px side panel; a word
    // that fits on a line of its own is never broken ("anywhere" broke German labels mid-word).
    overflowWrap: "break-word",
    "@media (max-width: 480px)": {
      paddingBlock: tokens.spacingVerticalM,
      paddingInline: tokens.spacingHorizontalM,
      // A page title in 28 px does not fit a 280 px panel in German ("Sitzungskalender"): smaller there.
      "& h1": { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
    },
  },
});

/** Props of {@link PageLayout}. */
export interface PageLayoutProps {
  children: ReactNode;
  className?: string;
}

/** The `main` landmark every page renders into, with the tab's responsive padding. */
export function PageLayout({ children, className }: PageLayoutProps) {
  const styles = useStyles();
  return <main className={mergeClasses(styles.main, className)}>{children}</main>;
}
