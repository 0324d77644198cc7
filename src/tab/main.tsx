import { markStartup } from "./startupMarks.js";
import { initializeTeams, reportStartupFailure } from "./teams/teamsHost.js";

// The tab's first module holds only teams-js: the handshake with Teams (initialise, context, token)
// starts as soon as it has run, and the host's answers arrive while React, Fluent UI and the first
// page are still being evaluated and rendered, instead of after them. index.html preloads the app's
// chunks alongside this one (see vite.config.ts), so importing them here costs no extra round trip.
markStartup("entry-evaluated");
initializeTeams().catch(() => undefined);

import("./renderTab.js").then(
  ({ renderTab }) => renderTab(),
  (error: unknown) => reportStartupFailure(error),
);
