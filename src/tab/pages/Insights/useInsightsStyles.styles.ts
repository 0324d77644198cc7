import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the network insights page (works from the 280 px side panel up, in every theme). */
export const useInsightsStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: "70ch" },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(160px, 1fr))",
    gap: tokens.spacingHorizontalM,
    listStyle: "none",
    margin: 0,
    padding: 0,
  },
  figure: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  figureValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  picture: {
    position: "relative",
    height: "360px",
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: "hidden",
  },
  canvas: { position: "absolute", inset: 0, width: "100%", height: "100%" },
  svgTie: { stroke: tokens.colorNeutralStroke1, strokeWidth: 0.5 },
  svgPerson: { fill: tokens.colorBrandForeground1 },
  svgSelected: { fill: tokens.colorPaletteRedForeground1 },
  tableWrap: { overflowX: "auto", minWidth: 0 },
  // Wide enough that the figures' headers stand on their own and "why they matter" reads as lines.
  table: {
    minWidth: "800px",
    // A long header ("Vermittlungswert") breaks inside its column rather than running into the next.
    "& th": { overflowWrap: "anywhere", hyphens: "auto" },
  },
  selectedRow: { backgroundColor: tokens.colorNeutralBackground1Selected },
  chart: { minWidth: 0, overflowX: "auto" },
  csv: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  button: { whiteSpace: "normal", maxWidth: "100%" },
});
