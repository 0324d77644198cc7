import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { markStartup } from "./startupMarks.js";
import { TabRoot } from "./TabRoot.js";
import { initializeTeams } from "./teams/teamsHost.js";

markStartup("entry-evaluated");

// Start the handshake with Teams before React renders (the root waits for the same promise), so the
// host's answers arrive while the first render runs. A failure is shown by the root.
initializeTeams().catch(() => undefined);

const container = document.getElementById("root");
if (!container) throw new Error("The tab's index.html has no #root element.");

createRoot(container).render(
  <StrictMode>
    <TabRoot />
  </StrictMode>,
);
