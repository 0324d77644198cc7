import { renderHighlights, type TextRange } from "./highlightText.js";
import { useHighlightedTextStyles } from "./useHighlightedTextStyles.styles.js";

/** Props of {@link HighlightedText}. */
export interface HighlightedTextProps {
  /** Plain text (a result's title or snippet). */
  text: string;
  /** Where the search matched, as `[start, end)` offsets into `text`. */
  ranges?: readonly TextRange[];
}

/** Text with the search's matches marked (`<mark>`), built from ranges, never from HTML. */
export function HighlightedText({ text, ranges }: HighlightedTextProps) {
  const styles = useHighlightedTextStyles();
  return <>{renderHighlights(text, ranges, styles.mark)}</>;
}
