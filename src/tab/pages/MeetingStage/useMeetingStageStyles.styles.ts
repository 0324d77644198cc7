import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * Styles of the meeting stage (about 994×678, seen from across a room or on a shared screen):
 * large type, Fluent colour tokens only, so the default, dark and high-contrast themes all work.
 */
export const useMeetingStageStyles = makeStyles({
  stage: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    paddingBlock: tokens.spacingVerticalXXL,
  },
  text: { margin: 0 },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  columns: {
    display: "grid",
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 320px), 1fr))",
    alignItems: "start",
  },
  header: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    gap: tokens.spacingHorizontalXXL,
    alignItems: "start",
  },
  prompt: { margin: 0, whiteSpace: "pre-wrap" },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  clock: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-end",
    gap: tokens.spacingVerticalXS,
    minWidth: "10ch",
  },
  facts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXL, margin: 0 },
  wall: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 280px), 1fr))",
    alignItems: "start",
  },
  card: {
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  insight: { margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  /** A text written per criterion: each criterion, then its words in the stage's large type. */
  criteria: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    "& dt": { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
    "& dd": { margin: 0, fontWeight: tokens.fontWeightSemibold },
  },
});
