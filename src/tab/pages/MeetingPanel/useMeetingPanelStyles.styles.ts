import { makeStyles, tokens } from "@fluentui/react-components";
import { wrappingFieldset } from "../../styles/layout.js";

/** Styles of the meeting side panel's activity (280 px wide: everything stacks and wraps). */
export const useMeetingPanelStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  eyebrow: { display: "block", marginBlockStart: 0, marginBlockEnd: tokens.spacingVerticalS },
  communityLine: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    marginBlockEnd: tokens.spacingVerticalM,
  },
  card: {
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  /** An answer under its question: set off by a rule, so it reads as the teacher's, not the asker's. */
  answer: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingInlineStart: tokens.spacingHorizontalS,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorBrandStroke1,
    overflowWrap: "anywhere",
  },
  prompt: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorBrandStroke1,
    whiteSpace: "pre-wrap",
  },
  status: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // Three short fields side by side where their labels fit ("Austauschen" does not fit a third of
  // a 280 px panel): they wrap instead of their labels running into each other.
  minutes: wrappingFieldset(tokens.spacingHorizontalS),
  legend: { padding: 0, marginBlockEnd: tokens.spacingVerticalXS },
  minuteField: { flex: "1 1 6.5em", minWidth: "min-content" },
  fullWidth: { width: "100%", minWidth: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  /** A text written per criterion: each criterion over its words, which wrap at 280 px. */
  criteria: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    "& dd": {
      margin: 0,
      display: "flex",
      flexWrap: "wrap",
      alignItems: "baseline",
      gap: tokens.spacingHorizontalS,
      overflowWrap: "anywhere",
    },
  },
  version: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    whiteSpace: "pre-wrap",
  },
  wall: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});
