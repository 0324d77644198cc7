import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the meeting views' "next session" card. */
export const useNextSessionStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  heading: { margin: 0 },
});
