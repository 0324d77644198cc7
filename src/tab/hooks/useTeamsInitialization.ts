import type { app } from "@microsoft/teams-js";
import { useEffect, useState } from "react";
import {
  initializedTeamsContext,
  initializeTeams,
  isTopLevelWindow,
  onTeamsThemeChange,
  reportStartupFailure,
  type TeamsThemeName,
  toTeamsThemeName,
} from "../teams/teamsHost.js";

/** Where the tab is in its start-up with the Teams host. */
export type TeamsInitialization =
  | { status: "initializing" }
  | { status: "ready"; context: app.Context; theme: TeamsThemeName }
  | { status: "failed"; outsideTeams: boolean; message: string };

const readyWith = (context: app.Context): TeamsInitialization => ({
  status: "ready",
  context,
  theme: toTeamsThemeName(context.app.theme),
});

/**
 * Initialises teams-js (or picks up the handshake main.tsx started: when Teams has already answered,
 * the first render is ready at once), and then follows Teams' theme switches live (Teams sends a
 * theme-change event instead of reloading the tab).
 */
export function useTeamsInitialization(): TeamsInitialization {
  const [state, setState] = useState<TeamsInitialization>(() => {
    const context = initializedTeamsContext();
    return context ? readyWith(context) : { status: "initializing" };
  });

  useEffect(() => {
    let mounted = true;
    initializeTeams().then(
      (context) => {
        if (!mounted) return;
        setState((current) => (current.status === "ready" ? current : readyWith(context)));
        onTeamsThemeChange((theme) => {
          if (mounted) setState((current) => (current.status === "ready" ? { ...current, theme } : current));
        });
      },
      (error: unknown) => {
        if (!mounted) return;
        reportStartupFailure(error);
        setState({
          status: "failed",
          outsideTeams: isTopLevelWindow(),
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return () => {
      mounted = false;
    };
  }, []);

  return state;
}
