import { makeStyles, tokens } from "@fluentui/react-components";
import { plainList } from "../../styles/layout.js";

/** Styles of the entry page. */
export const useEntryPageStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  article: {
    gap: tokens.spacingVerticalM,
    "@media (max-width: 480px)": { padding: tokens.spacingHorizontalM },
  },
  heading: { margin: 0 },
  meta: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  summary: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  sectionHeading: { margin: 0 },
  list: plainList(tokens.spacingVerticalS),
  theirVersion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
});
