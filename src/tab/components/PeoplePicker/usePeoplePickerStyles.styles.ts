import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the people picker. */
export const usePeoplePickerStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  combobox: { minWidth: 0, maxWidth: "100%" },
  chosen: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
