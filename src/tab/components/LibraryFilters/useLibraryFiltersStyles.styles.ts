import { makeStyles, tokens } from "@fluentui/react-components";
import { wrappingRow } from "../../styles/layout.js";

/** Styles of the library's filter bar; the panel's fields reflow from one column (280 px) upwards. */
export const useLibraryFiltersStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  toolbar: wrappingRow(tokens.spacingHorizontalM, "flex-end"),
  sort: { minWidth: "160px" },
  panel: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(180px, 1fr))",
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    alignItems: "end",
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // `hidden` alone loses to the panel's `display: grid`.
  collapsed: { display: "none" },
  clear: { justifySelf: "start" },
});
