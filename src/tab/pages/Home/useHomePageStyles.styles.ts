import { makeStyles, tokens } from "@fluentui/react-components";
import { plainList } from "../../styles/layout.js";

/** Styles of the community home. */
export const useHomePageStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  grid: {
    display: "grid",
    gap: tokens.spacingVerticalL,
    // One column in the side panel and on phones; two from 640 px.
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 300px), 1fr))",
  },
  // Inside Fluent's Card (surface, padding): the section's own spacing.
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: plainList(tokens.spacingVerticalS),
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  step: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  done: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  todo: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  people: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
