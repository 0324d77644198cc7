import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  main: {
    boxSizing: "border-box",
    maxWidth: "960px",
    marginInline: "auto",
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalL,
    // Long community names, tags and URLs wrap instead of widening a 280 px side panel.
    overflowWrap: "anywhere",
    "@media (max-width: 480px)": {
      paddingBlock: tokens.spacingVerticalM,
      paddingInline: tokens.spacingHorizontalM,
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
