import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApiClient } from "./api/ApiClient.js";
import { createTabQueryClient } from "./api/queryClient.js";
import { startFirstPage } from "./startup.js";
import { markStartup } from "./startupMarks.js";
import { TabRoot } from "./TabRoot.js";
import { getTeamsAuthToken } from "./teams/teamsHost.js";

/**
 * How long the first render waits for Teams' answers and the first page's data. Teams covers a tab
 * with its loading indicator until the tab reports its first view ready (the manifest's
 * `showLoadingIndicator`), so a start-up spinner or skeleton drawn before that is work nobody sees,
 * and it holds up the main thread that the answers are waiting for. A slow host or API still gets
 * them after this wait (and outside Teams, where nothing covers the tab).
 */
const FIRST_RENDER_WAIT_MS = 400;

/** Renders the tab into `#root` once its first page can show content (or the wait is over). */
export function renderTab(): void {
  markStartup("app-evaluated");
  const container = document.getElementById("root");
  if (!container) throw new Error("The tab's index.html has no #root element.");
  const api = createApiClient({ getToken: getTeamsAuthToken });
  const queryClient = createTabQueryClient();
  const firstPage = startFirstPage(queryClient, api).catch(() => undefined);
  const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));
  const root = createRoot(container);
  void Promise.race([firstPage, waited]).then(() =>
    root.render(
      <StrictMode>
        <TabRoot api={api} queryClient={queryClient} />
      </StrictMode>,
    ),
  );
}
