import { makeStyles, tokens } from "@fluentui/react-components";
import { plainList } from "../../styles/layout.js";

/** Styles of the community's modules: the list, a module, the steward's editor and the report. */
export const useModulesStyles = makeStyles({
  heading: { margin: 0 },
  text: { margin: 0, overflowWrap: "anywhere" },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: plainList(tokens.spacingVerticalM),
  card: { gap: tokens.spacingVerticalS, minWidth: 0 },
  sections: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  source: { fontFamily: tokens.fontFamilyMonospace, width: "100%" },
  bars: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalXXS },
});
