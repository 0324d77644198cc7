import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the entry form: one column that fits the 280 px side panel. */
export const useEntryFormStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    maxWidth: "720px",
  },
  body: { minHeight: "12em" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
});
