import { makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { plainList, stack, wrappingFieldset, wrappingRow } from "../../styles/layout.js";

/** Styles of the calendar pages. */
export const useCalendarStyles = makeStyles({
  page: stack(tokens.spacingVerticalL),
  header: { ...wrappingRow(tokens.spacingHorizontalM), justifyContent: "space-between" },
  heading: { margin: 0 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  fieldset: wrappingFieldset(tokens.spacingHorizontalS),
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  views: { flexWrap: "wrap" },
  periodButtons: { flexWrap: "wrap", padding: 0 },
  list: plainList(tokens.spacingVerticalM),
  day: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  dayHeading: { margin: 0 },
  week: {
    display: "grid",
    gap: tokens.spacingHorizontalS,
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 120px), 1fr))",
  },
  // A day is a small Fluent Card: its name and what it holds stack.
  weekDay: { gap: tokens.spacingVerticalXS, minWidth: 0 },
  // Fluent's Card draws its edge in `::after`; today's edge is thicker and in the brand colour.
  today: {
    "::after": {
      ...shorthands.borderColor(tokens.colorBrandStroke1),
      ...shorthands.borderWidth(tokens.strokeWidthThick),
    },
  },
  month: { width: "100%", tableLayout: "fixed", borderCollapse: "collapse" },
  monthCell: {
    verticalAlign: "top",
    padding: tokens.spacingHorizontalXXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    height: "64px",
    overflow: "hidden",
    fontSize: tokens.fontSizeBase200,
  },
  otherMonth: { color: tokens.colorNeutralForeground3 },
  monthSession: { display: "block", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  card: {
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "640px" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  // Fluent's Dropdown is at least 250 px wide: more than a card leaves in the 280 px side panel.
  dropdown: { minWidth: 0, maxWidth: "100%" },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  factValue: { margin: 0, minWidth: 0 },
});
