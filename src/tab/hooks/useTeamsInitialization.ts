import type { app } from "@microsoft/teams-js";
import { useEffect, useState } from "react";
import { deepLinkPath } from "../routes.js";
import {
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

/**
 * Initialises teams-js, reads the context (following a deep link's `subEntityId`), and then follows Teams' theme switches live (Teams sends
 * a theme-change event instead of reloading the tab). `onReady` runs once with the context, before
 * the first page renders (the tab starts the first page's requests there).
 */
export function useTeamsInitialization(onReady?: (context: app.Context) => void): TeamsInitialization {
  const [state, setState] = useState<TeamsInitialization>({ status: "initializing" });
  // The first callback given is the one called (start-up happens once).
  const [readyCallback] = useState(() => onReady);

  useEffect(() => {
    let mounted = true;
    initializeTeams().then(
      (context) => {
        if (!mounted) return;
        // A Teams deep link to an entry opens the tab at its generic URL: go to the entry before
        // the first page renders, so the person never sees the home page flash by.
        const start = deepLinkPath(window.location.pathname, context.page.subPageId);
        if (start) window.history.replaceState(window.history.state, "", start);
        readyCallback?.(context);
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
  }, [readyCallback]);

  return state;
}
