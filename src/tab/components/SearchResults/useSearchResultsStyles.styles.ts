import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the library's result list and cards. */
export const useSearchResultsStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  summary: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    listStyle: "none",
    margin: 0,
    padding: 0,
  },
  updating: { opacity: 0.6 },
  card: {
    gap: tokens.spacingVerticalS,
  },
  title: { margin: 0 },
  snippet: { margin: 0, color: tokens.colorNeutralForeground2 },
  tags: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyle: "none",
    margin: 0,
    padding: 0,
  },
  meta: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  more: { alignSelf: "flex-start" },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  skeleton: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});
