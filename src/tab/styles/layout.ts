import { type GriffelStyle, tokens } from "@fluentui/react-components";

/**
 * Layout pieces the tab's styles share (Griffel style objects, spread into `makeStyles`), so a
 * list, a page header or a hidden label looks and behaves the same on every page.
 */

/** A list without bullets or indentation, its items stacked with `gap` between them. */
export const plainList = (gap: string): GriffelStyle => ({
  listStyleType: "none",
  margin: 0,
  padding: 0,
  display: "flex",
  flexDirection: "column",
  gap,
});

/** Parts stacked in a column with `gap` between them (a page, a section, a form). */
export const stack = (gap: string): GriffelStyle => ({ display: "flex", flexDirection: "column", gap });

/** A fieldset whose fields sit in a row and wrap, without the browser's frame and indent around them. */
export const wrappingFieldset = (gap: string): GriffelStyle => ({
  display: "flex",
  flexWrap: "wrap",
  gap,
  border: "none",
  margin: 0,
  padding: 0,
  minWidth: 0,
});

/** A message in place of content (an empty state, a notice): a readable column, its next step under it. */
export const noticeColumn = (paddingBlock: string): GriffelStyle => ({
  display: "flex",
  flexDirection: "column",
  alignItems: "flex-start",
  gap: tokens.spacingVerticalM,
  maxWidth: "60ch",
  paddingBlock,
});

/** A page's header: titles at the start, actions at the end, wrapping under them in a 280 px panel. */
export const pageHeader = (gap: string): GriffelStyle => ({
  display: "flex",
  flexWrap: "wrap",
  alignItems: "flex-end",
  justifyContent: "space-between",
  gap,
});

/** A row that wraps onto the next line when the panel is narrow. */
export const wrappingRow = (
  gap: string,
  alignItems: GriffelStyle["alignItems"] = "center",
): GriffelStyle => ({
  display: "flex",
  flexWrap: "wrap",
  alignItems,
  gap,
});

/** Read by screen readers, not shown. */
export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};
