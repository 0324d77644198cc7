import { makeStyles, tokens } from "@fluentui/react-components";
import { plainList } from "../../styles/layout.js";

/** Styles of the members page (works from the 280 px side panel up). */
export const useMembersPageStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: "70ch" },
  list: plainList(tokens.spacingVerticalS),
  row: {
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  who: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
  // Buttons wrap onto their own lines in the side panel; their labels wrap between words, never inside one.
  button: { whiteSpace: "normal", overflowWrap: "normal", wordBreak: "normal", maxWidth: "100%" },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});
