import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of highlighted matches. */
export const useHighlightedTextStyles = makeStyles({
  mark: {
    // Fixed dark-on-yellow keeps a 4.5:1 contrast in the light, dark and high-contrast themes alike.
    backgroundColor: "#fff3a3",
    color: "#1b1a19",
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusSmall,
    paddingInline: "1px",
  },
});
