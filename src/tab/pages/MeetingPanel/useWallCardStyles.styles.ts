import { makeStyles, shorthands, tokens } from "@fluentui/react-components";

/**
 * Styles of a wall card in its two sizes: small in the 280 px side panel, large on the stage (seen
 * from across a room), where a highlighted insight is filled as well as edged.
 */
export const useWallCardStyles = makeStyles({
  panelCard: { gap: tokens.spacingVerticalXS },
  stageCard: { gap: tokens.spacingVerticalS, minWidth: 0 },
  // Fluent's Card draws its edge in `::after`; a highlighted insight thickens that edge.
  panelHighlighted: {
    "::after": {
      ...shorthands.borderColor(tokens.colorBrandStroke1),
      ...shorthands.borderWidth(tokens.strokeWidthThick),
    },
  },
  stageHighlighted: {
    backgroundColor: tokens.colorBrandBackground2,
    "::after": {
      ...shorthands.borderColor(tokens.colorBrandStroke1),
      ...shorthands.borderWidth(tokens.strokeWidthThicker),
    },
  },
  panelText: { margin: 0, whiteSpace: "pre-wrap" },
  stageText: { margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  names: { margin: 0, color: tokens.colorNeutralForeground2 },
});
