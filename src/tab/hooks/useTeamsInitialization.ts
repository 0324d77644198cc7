import type { app } from "@microsoft/teams-js";
import { useEffect, useState } from "react";
import {
  initializeTeams,
  isTopLevelWindow,
  onTeamsThemeChange,
  reportStartupFailure,
  type TeamsThemeName,
  toTeamsThemeName,
} from "../teams/teamsHost";

/** Where the tab is in its start-up with the Teams host. */
export type TeamsInitialization =
  | { status: "initializing" }
  | { status: "ready"; context: app.Context; theme: TeamsThemeName }
  | { status: "failed"; outsideTeams: boolean; message: string };

/**
 * Initialises teams-js, reads the context, and then follows Teams' theme switches live (Teams sends
 * a theme-change event instead of reloading the tab).
 */
export function useTeamsInitialization(): TeamsInitialization {
  const [state, setState] = useState<TeamsInitialization>({ status: "initializing" });

  useEffect(() => {
    let mounted = true;
    initializeTeams().then(
      (context) => {
        if (!mounted) return;
        setState({ status: "ready", context, theme: toTeamsThemeName(context.app.theme) });
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
