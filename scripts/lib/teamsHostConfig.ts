/**
 * Adaptive Card host configs that render as Teams does (light and dark), for checking and
 * screenshotting cards outside Teams. The numbers are Teams' own (spacing, font sizes, horizontal
 * actions with 8 px between buttons, up to 6 actions in a row), from the host configs Microsoft
 * publishes with the Adaptive Cards samples (samples/HostConfig/microsoft-teams-light.json and
 * -dark.json); colours are trimmed to the few the cards use.
 */
export type CardTheme = "light" | "dark";

const FONT = "'Segoe UI', 'Liberation Sans', Tahoma, Geneva, Verdana, sans-serif";

function colours(theme: CardTheme) {
  const text = theme === "light" ? "#FF252424" : "#FFFFFFFF";
  const subtle = theme === "light" ? "#BF252424" : "#BFFFFFFF";
  const colour = (value: string) => ({ default: value, subtle: value });
  return {
    default: { default: text, subtle },
    dark: colour("#FF252424"),
    light: colour("#FFFFFFFF"),
    accent: colour(theme === "light" ? "#FF6264A7" : "#FFA6A7DC"),
    good: colour(theme === "light" ? "#FF237B4B" : "#FF92C353"),
    warning: colour(theme === "light" ? "#FF835C00" : "#FFF8D22A"),
    attention: colour(theme === "light" ? "#FFC4314B" : "#FFE37D80"),
  };
}

export function teamsHostConfig(theme: CardTheme): Record<string, unknown> {
  const foregroundColors = colours(theme);
  return {
    supportsInteractivity: true,
    fontFamily: FONT,
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: theme === "light" ? "#EEEEEE" : "#3B3A39" },
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 200, default: 400, bolder: 600 },
    imageSizes: { small: 32, medium: 52, large: 100 },
    containerStyles: {
      default: { backgroundColor: theme === "light" ? "#FFFFFFFF" : "#FF2D2C2C", foregroundColors },
      emphasis: { backgroundColor: theme === "light" ? "#FFF9F8F7" : "#FF292828", foregroundColors },
    },
    actions: {
      maxActions: 6,
      spacing: "Default",
      buttonSpacing: 8,
      showCard: { actionMode: "Inline", inlineTopMargin: 16, style: "emphasis" },
      actionsOrientation: "Horizontal",
      actionAlignment: "Left",
    },
    adaptiveCard: { allowCustomStyle: false },
    factSet: {
      title: { size: "Default", color: "Default", isSubtle: false, weight: "Bolder", wrap: true },
      value: { size: "Default", color: "Default", isSubtle: false, weight: "Default", wrap: true },
      spacing: 16,
    },
  };
}
