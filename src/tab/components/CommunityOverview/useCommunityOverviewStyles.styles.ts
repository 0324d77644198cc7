import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { plainList, visuallyHidden, wrappingRow } from "../../styles/layout.js";

/** Styles of the community overview; `compact` is the 280 px meeting side panel. */
export const useCommunityOverviewStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  heading: { margin: 0 },
  subheading: { margin: 0 },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  purpose: { margin: 0, maxWidth: "70ch" },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    ...typographyStyles.body1,
  },
  factTerm: { color: tokens.colorNeutralForeground2 },
  factValue: { margin: 0 },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  list: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    listStyle: "none",
    margin: 0,
    padding: 0,
  },
  stewardList: plainList(tokens.spacingVerticalS),
  tag: { maxWidth: "100%" },
  membership: wrappingRow(tokens.spacingHorizontalM),
  visuallyHidden,
});
