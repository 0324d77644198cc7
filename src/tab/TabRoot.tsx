import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo } from "react";
import { App } from "./App";
import { createApiClient } from "./api/ApiClient";
import { LoadingState } from "./components/LoadingState";
import { NoticeState } from "./components/NoticeState";
import { PageLayout } from "./components/PageLayout";
import { type TabEnvironment, TabEnvironmentContext } from "./hooks/useTeamsContext";
import { useTeamsInitialization } from "./hooks/useTeamsInitialization";
import { messagesFor } from "./i18n/messages";
import { fluentThemeFor } from "./teams/fluentTheme";
import { getTeamsAuthToken } from "./teams/teamsHost";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/**
 * The tab's root: waits for Teams, then renders the page for the URL inside the Fluent theme that
 * matches Teams' theme (switched live, without reloading).
 */
export function TabRoot() {
  const styles = useStyles();
  const teams = useTeamsInitialization();
  const api = useMemo(() => createApiClient({ getToken: getTeamsAuthToken }), []);

  const theme = teams.status === "ready" ? teams.theme : "default";
  const locale = teams.status === "ready" ? teams.context.app.locale || "en-US" : navigator.language;
  const messages = messagesFor(locale);

  const environment = useMemo<TabEnvironment | null>(
    () => (teams.status === "ready" ? { context: teams.context, theme, locale, messages, api } : null),
    [teams, theme, locale, messages, api],
  );

  useEffect(() => {
    document.documentElement.lang = locale;
    // Native scrollbars and form controls follow the theme too.
    document.documentElement.style.colorScheme = theme === "default" ? "light" : "dark";
    document.title = messages.appName;
  }, [locale, theme, messages]);

  return (
    <FluentProvider theme={fluentThemeFor(theme)} className={styles.root} data-theme={theme}>
      {teams.status === "initializing" && (
        <PageLayout>
          <LoadingState label={messages.startingUp} />
        </PageLayout>
      )}
      {teams.status === "failed" && (
        <PageLayout>
          <NoticeState
            title={messages.startupFailedTitle}
            body={teams.outsideTeams ? messages.startupFailedOutsideTeams : messages.startupFailedGeneric}
          />
        </PageLayout>
      )}
      {environment && (
        <TabEnvironmentContext.Provider value={environment}>
          <App />
        </TabEnvironmentContext.Provider>
      )}
    </FluentProvider>
  );
}
