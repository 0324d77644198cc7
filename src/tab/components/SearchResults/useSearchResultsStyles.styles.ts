import { makeStyles, tokens } from "@fluentui/react-components";
import { plainList, stack, visuallyHidden, wrappingRow } from "../../styles/layout.js";

/** Styles of the library's result list and cards. */
export const useSearchResultsStyles = makeStyles({
  root: stack(tokens.spacingVerticalM),
  summary: { ...wrappingRow(tokens.spacingHorizontalM), color: tokens.colorNeutralForeground2 },
  list: plainList(tokens.spacingVerticalM),
  updating: { opacity: 0.6 },
  card: {
    gap: tokens.spacingVerticalS,
  },
  snippet: { margin: 0, color: tokens.colorNeutralForeground2 },
  meta: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  more: { alignSelf: "flex-start" },
  visuallyHidden,
  skeleton: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});
