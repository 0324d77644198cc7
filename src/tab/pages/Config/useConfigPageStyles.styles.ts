import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the configuration page. */
export const useConfigPageStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "640px" },
  heading: { margin: 0 },
  text: { margin: 0 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  communityOption: { display: "flex", flexDirection: "column" },
  muted: { color: tokens.colorNeutralForeground3 },
});
