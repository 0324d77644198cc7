import { mergeClasses } from "@fluentui/react-components";
import { useMemo } from "react";
import Markdown from "react-markdown";
import { openExternalLink } from "../../teams/teamsHost.js";
import { safeMarkdownOptions } from "./safeMarkdown.js";
import { useSafeMarkdownStyles } from "./useSafeMarkdownStyles.styles.js";

/** Props of {@link SafeMarkdown}. */
export interface SafeMarkdownProps {
  /** Markdown written by anyone; see {@link safeMarkdownOptions} for what is kept. */
  markdown: string;
  className?: string;
}

/** An entry's body: markdown rendered as React elements, without raw HTML, images or unsafe links. */
export function SafeMarkdown({ markdown, className }: SafeMarkdownProps) {
  const styles = useSafeMarkdownStyles();
  const options = useMemo(
    () =>
      safeMarkdownOptions({
        onOpenLink: (url) => void openExternalLink(url),
        tableClassName: styles.table,
      }),
    [styles.table],
  );
  return (
    <div className={mergeClasses(styles.root, className)} data-testid="entry-body">
      <Markdown {...options}>{markdown}</Markdown>
    </div>
  );
}
