import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the tab's page navigation. */
export const useTabNavStyles = makeStyles({
  root: {
    marginBlockEnd: tokens.spacingVerticalM,
    // Four short labels fit in 280 px at the small size; anything longer wraps rather than scrolls.
    display: "flex",
    flexWrap: "wrap",
  },
});
