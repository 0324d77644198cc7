import { makeStyles, tokens } from "@fluentui/react-components";
import { plainList } from "../../styles/layout.js";

/** Styles of the stewards' removal-request review (works from the 280 px side panel up). */
export const useRemovalRequestsStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  community: { margin: 0, display: "block" },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: "70ch" },
  list: plainList(tokens.spacingVerticalM),
  card: {
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  meta: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  reason: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorNeutralStroke1,
    whiteSpace: "pre-wrap",
  },
  noReason: { margin: 0, color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  more: { alignSelf: "flex-start" },
  skeleton: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});
