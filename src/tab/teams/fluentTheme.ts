import {
  type Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from "@fluentui/react-components";
import type { TeamsThemeName } from "./teamsHost.js";

const themes: Record<TeamsThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** The Fluent UI theme that matches a Teams theme. */
export function fluentThemeFor(theme: TeamsThemeName): Theme {
  return themes[theme];
}
