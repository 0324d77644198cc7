import { makeStyles, tokens } from "@fluentui/react-components";
import { plainList } from "../../styles/layout.js";

/** Styles of asking the community: the library's ask box and the stewards' unanswered queue. */
export const useAskStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    maxWidth: "640px",
    minWidth: 0,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  answer: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  passage: { margin: 0 },
  heading: { margin: 0 },
  subtle: { color: tokens.colorNeutralForeground2 },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    overflowWrap: "anywhere",
  },
  plainList: { ...plainList(tokens.spacingVerticalS), overflowWrap: "anywhere" },
});
