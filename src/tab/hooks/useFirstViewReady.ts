import { useEffect } from "react";
import { reportFirstViewReady } from "../teams/teamsHost.js";

/**
 * Reports to Teams that the first view is ready once `ready` becomes true (Teams keeps its loading
 * indicator until then). Call it from every page with the condition "something useful is on screen".
 */
export function useFirstViewReady(ready = true): void {
  useEffect(() => {
    if (ready) reportFirstViewReady();
  }, [ready]);
}
