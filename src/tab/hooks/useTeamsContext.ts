import type { app } from "@microsoft/teams-js";
import { createContext, useContext } from "react";
import type { ApiClient } from "../api/ApiClient.js";
import type { TeamsThemeName } from "../teams/teamsHost.js";

/** What every page knows about where it runs, once teams-js is initialised. */
export interface TabEnvironment {
  /** The Teams context (user, team, channel, meeting, page). */
  context: app.Context;
  /** The current Teams theme; changes live. */
  theme: TeamsThemeName;
  /** The Teams locale as a canonical BCP 47 tag, such as `en-US`; text and formats follow it. */
  locale: string;
  /** PeerCircle's API as the signed-in user. */
  api: ApiClient;
}

/** Provided by the tab's root once Teams has answered; pages read it with {@link useTeamsContext}. */
export const TabEnvironmentContext = createContext<TabEnvironment | null>(null);

/** The {@link TabEnvironment} of the page. Throws when used outside the tab's root. */
export function useTeamsContext(): TabEnvironment {
  const environment = useContext(TabEnvironmentContext);
  if (!environment) throw new Error("useTeamsContext() needs the tab root (TabRoot) above it.");
  return environment;
}
