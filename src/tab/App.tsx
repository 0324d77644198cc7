import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { LoadingState } from "./components/LoadingState.js";
import { NoticeState } from "./components/NoticeState.js";
import { PageErrorBoundary } from "./components/PageErrorBoundary.js";
import { PageLayout } from "./components/PageLayout.js";
import { useTeamsContext } from "./hooks/useTeamsContext.js";
import { HomePage } from "./pages/Home/HomePage.js";
import { InsightsPrefetch } from "./pages/Insights/InsightsPrefetch.js";
import { NotFoundPage } from "./pages/NotFound/NotFoundPage.js";
import { type RouteMatch, resolveRoute, type TabRoute } from "./routes.js";

// The home, the page Teams opens most (a channel tab's content URL), is part of the first download:
// a lazy page suspends once even when its chunk is already loaded, and React then holds the
// revealed page back for its fallback throttle (300 ms), which is longer than the whole home takes.
// Every other page is a chunk of its own, loaded when it is opened.
const ConfigPage = lazy(() =>
  import("./pages/Config/ConfigPage.js").then((m) => ({ default: m.ConfigPage })),
);
const MyLearningPage = lazy(() =>
  import("./pages/MyLearning/MyLearningPage.js").then((m) => ({ default: m.MyLearningPage })),
);
const MeetingPanelPage = lazy(() =>
  import("./pages/MeetingPanel/MeetingPanelPage.js").then((m) => ({ default: m.MeetingPanelPage })),
);
const MeetingStagePage = lazy(() =>
  import("./pages/MeetingStage/MeetingStagePage.js").then((m) => ({ default: m.MeetingStagePage })),
);
const LibraryPage = lazy(() =>
  import("./pages/Library/LibraryPage.js").then((m) => ({ default: m.LibraryPage })),
);
const NewEntryPage = lazy(() =>
  import("./pages/NewEntry/NewEntryPage.js").then((m) => ({ default: m.NewEntryPage })),
);
const CalendarPage = lazy(() =>
  import("./pages/Calendar/CalendarPage.js").then((m) => ({ default: m.CalendarPage })),
);
const SessionDetailPage = lazy(() =>
  import("./pages/Calendar/SessionDetailPage.js").then((m) => ({ default: m.SessionDetailPage })),
);
const PlaybooksPage = lazy(() =>
  import("./pages/Playbooks/PlaybooksPage.js").then((m) => ({ default: m.PlaybooksPage })),
);
const PlaybookPage = lazy(() =>
  import("./pages/Playbooks/PlaybookPage.js").then((m) => ({ default: m.PlaybookPage })),
);
const PlaybookEditorPage = lazy(() =>
  import("./pages/Playbooks/PlaybookEditorPage.js").then((m) => ({ default: m.PlaybookEditorPage })),
);
const RemovalRequestsPage = lazy(() =>
  import("./pages/Library/RemovalRequestsPage.js").then((m) => ({ default: m.RemovalRequestsPage })),
);
const MembersPage = lazy(() =>
  import("./pages/Members/MembersPage.js").then((m) => ({ default: m.MembersPage })),
);
// Network insights carry sigma, graphology and the charts: a chunk of their own, never in the first download.
const InsightsPage = lazy(() =>
  import("./pages/Insights/InsightsPage.js").then((m) => ({ default: m.InsightsPage })),
);
const ModulesPage = lazy(() =>
  import("./pages/Modules/ModulesPage.js").then((m) => ({ default: m.ModulesPage })),
);
const EntryPage = lazy(() => import("./pages/Entry/EntryPage.js").then((m) => ({ default: m.EntryPage })));

type MatchOf<R extends TabRoute> = Extract<RouteMatch, { route: R }>;

/** The page of every route of the table in routes.ts (the compiler asks for each one). */
const pages: { [R in TabRoute]: (match: MatchOf<R>) => ReactNode } = {
  home: () => <HomePage />,
  config: () => <ConfigPage />,
  personal: () => <MyLearningPage />,
  meetingSidePanel: () => <MeetingPanelPage />,
  meetingStage: () => <MeetingStagePage />,
  library: () => <LibraryPage />,
  newEntry: () => <NewEntryPage />,
  removalRequests: () => <RemovalRequestsPage />,
  members: () => <MembersPage />,
  insights: () => (
    <InsightsPrefetch>
      <InsightsPage />
    </InsightsPrefetch>
  ),
  // Keyed by the entry, so moving to a related entry starts that page afresh (no stale form).
  entry: ({ communityId, entryId }) => (
    <EntryPage key={`${communityId}/${entryId}`} communityId={communityId} entryId={entryId} />
  ),
  calendar: () => <CalendarPage />,
  session: ({ communityId, sessionId }) => (
    <SessionDetailPage key={`${communityId}/${sessionId}`} communityId={communityId} sessionId={sessionId} />
  ),
  playbooks: () => <PlaybooksPage />,
  newPlaybook: () => <PlaybookEditorPage />,
  playbook: ({ playbookId }) => <PlaybookPage key={playbookId} playbookId={playbookId} />,
  editPlaybook: ({ playbookId }) => <PlaybookEditorPage key={playbookId} playbookId={playbookId} />,
  modules: () => <ModulesPage />,
  notFound: () => <NotFoundPage />,
};

function PageFor({ match }: { match: RouteMatch }) {
  const render = pages[match.route] as (match: RouteMatch) => ReactNode;
  return render(match);
}

/** Renders the page for the current URL (followed live as the person navigates) and Teams frame context. */
export function App() {
  const { context } = useTeamsContext();
  const { t } = useTranslation();
  const [location] = useLocation();
  const match = resolveRoute(location, context.page.frameContext);

  // A new page starts at its top, as a new document would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation by design.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location]);

  return (
    <PageErrorBoundary
      fallback={
        <PageLayout>
          <NoticeState title={t("common.pageFailedTitle")} body={t("common.pageFailedBody")} />
        </PageLayout>
      }
    >
      <Suspense
        fallback={
          <PageLayout>
            <LoadingState label={t("common.loading")} />
          </PageLayout>
        }
      >
        <PageFor match={match} />
      </Suspense>
    </PageErrorBoundary>
  );
}
