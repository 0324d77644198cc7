import { makeStyles, tokens } from "@fluentui/react-components";
import { plainList, wrappingRow } from "../../styles/layout.js";

/** Styles of the personal "My learning" tab. */
export const useMyLearningStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  grid: {
    display: "grid",
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 300px), 1fr))",
  },
  list: plainList(tokens.spacingVerticalM),
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  commitmentHeader: wrappingRow(tokens.spacingHorizontalS),
  history: plainList(tokens.spacingVerticalXS),
  note: { margin: 0, overflowWrap: "anywhere" },
});
