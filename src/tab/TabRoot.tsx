import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { I18nextProvider } from "react-i18next";
import { App } from "./App.js";
import type { ApiClient } from "./api/ApiClient.js";
import { reportTimeZone } from "./api/timeZone.js";
import { LoadingState } from "./components/LoadingState.js";
import { NoticeState } from "./components/NoticeState.js";
import { PageLayout } from "./components/PageLayout.js";
import { type TabEnvironment, TabEnvironmentContext } from "./hooks/useTeamsContext.js";
import { useTeamsInitialization } from "./hooks/useTeamsInitialization.js";
import { useGermanCatalog } from "./i18n/germanCatalog.js";
import { createTabI18n, languageOf, normalizeLocale } from "./i18n/i18n.js";
import { fluentThemeFor } from "./teams/fluentTheme.js";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/**
 * The tab's root: waits for Teams, then renders the page for the URL inside the Fluent theme that
 * matches Teams' theme (switched live, without reloading), in the Teams locale's language, with
 * one cache of API data for every page (made by renderTab, which starts the first page's requests).
 */
export function TabRoot({ api, queryClient }: { api: ApiClient; queryClient: QueryClient }) {
  const styles = useStyles();
  const teams = useTeamsInitialization();

  const theme = teams.status === "ready" ? teams.theme : "default";
  // Until Teams answers, the browser's language is the best guess for the start-up messages.
  const locale = normalizeLocale(teams.status === "ready" ? teams.context.app.locale : navigator.language);
  // English is bundled; German readers wait for their catalog's chunk (English if it fails).
  const german = useGermanCatalog(languageOf(locale) === "de");
  const i18n = useMemo(() => createTabI18n(locale, german.catalog), [locale, german.catalog]);

  const environment = useMemo<TabEnvironment | null>(
    () => (teams.status === "ready" ? { context: teams.context, theme, locale, api } : null),
    [teams, theme, locale, api],
  );

  const userId = teams.status === "ready" ? teams.context.user?.id : undefined;
  useEffect(() => {
    // Best effort: a person whose zone is not known has routed questions timed on the community's.
    if (userId) reportTimeZone(api, userId).catch(() => undefined);
  }, [api, userId]);

  useEffect(() => {
    document.documentElement.lang = locale;
    // Native scrollbars and form controls follow the theme too.
    document.documentElement.style.colorScheme = theme === "default" ? "light" : "dark";
    document.title = i18n.t("common.appName");
  }, [locale, theme, i18n]);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        {/* The page's height and background sit on a box inside the provider: Fluent copies the
            provider's classes onto every popup's portal (applyStylesToPortals), where a full-height
            background would cover the page behind an open dropdown or date picker. */}
        <FluentProvider theme={fluentThemeFor(theme)}>
          <div className={styles.root} data-theme={theme}>
            {teams.status === "initializing" && (
              <PageLayout>
                <LoadingState label={i18n.t("common.startingUp")} />
              </PageLayout>
            )}
            {teams.status === "failed" && (
              <PageLayout>
                <NoticeState
                  title={i18n.t("common.startupFailedTitle")}
                  body={
                    teams.outsideTeams
                      ? i18n.t("common.startupFailedOutsideTeams")
                      : i18n.t("common.startupFailedGeneric")
                  }
                />
              </PageLayout>
            )}
            {environment && !german.settled && (
              <PageLayout>
                <LoadingState label={i18n.t("common.startingUp")} />
              </PageLayout>
            )}
            {environment && german.settled && (
              <TabEnvironmentContext.Provider value={environment}>
                <App />
              </TabEnvironmentContext.Provider>
            )}
          </div>
        </FluentProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
