import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

/** Styles of a rendered entry body. Long lines wrap rather than scroll, down to the 280 px panel. */
export const useSafeMarkdownStyles = makeStyles({
  root: {
    ...typographyStyles.body1,
    overflowWrap: "anywhere",
    "& p": { marginBlock: `0 ${tokens.spacingVerticalM}` },
    "& ul, & ol": {
      marginBlock: `0 ${tokens.spacingVerticalM}`,
      paddingInlineStart: tokens.spacingHorizontalXXL,
    },
    "& blockquote": {
      marginInline: 0,
      marginBlock: `0 ${tokens.spacingVerticalM}`,
      paddingInlineStart: tokens.spacingHorizontalM,
      // Griffel flips left to right for right-to-left text itself.
      borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
      color: tokens.colorNeutralForeground2,
    },
    "& code": {
      fontFamily: tokens.fontFamilyMonospace,
      fontSize: tokens.fontSizeBase200,
      backgroundColor: tokens.colorNeutralBackground3,
      borderRadius: tokens.borderRadiusSmall,
      paddingInline: tokens.spacingHorizontalXXS,
    },
    // Wrapped, not scrolled: a scrolling box would need to be keyboard-focusable (WCAG 2.1.1).
    "& pre": {
      whiteSpace: "pre-wrap",
      marginBlock: `0 ${tokens.spacingVerticalM}`,
      padding: tokens.spacingHorizontalM,
      backgroundColor: tokens.colorNeutralBackground3,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
    "& pre code": { backgroundColor: "transparent", padding: 0 },
    "& h2, & h3, & h4, & h5, & h6": { marginBlock: `${tokens.spacingVerticalL} ${tokens.spacingVerticalS}` },
    "& h3": { ...typographyStyles.subtitle2 },
    "& h4, & h5, & h6": { ...typographyStyles.body1Strong },
    "& hr": { border: 0, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  table: {
    marginBlock: `0 ${tokens.spacingVerticalM}`,
    "& table": { borderCollapse: "collapse", width: "100%", tableLayout: "fixed" },
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      textAlign: "start",
      verticalAlign: "top",
    },
  },
});
