import { makeStyles, tokens } from "@fluentui/react-components";
import { pageHeader } from "../../styles/layout.js";

/** Styles of the library page. */
export const useLibraryPageStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  header: pageHeader(tokens.spacingVerticalM),
  titles: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  community: { color: tokens.colorNeutralForeground2 },
  search: { maxWidth: "640px" },
});
