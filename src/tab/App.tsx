import { lazy, Suspense } from "react";
import { LoadingState } from "./components/LoadingState";
import { NoticeState } from "./components/NoticeState";
import { PageErrorBoundary } from "./components/PageErrorBoundary";
import { PageLayout } from "./components/PageLayout";
import { useMessages, useTeamsContext } from "./hooks/useTeamsContext";
import { NotFoundPage } from "./pages/NotFound/NotFoundPage";
import { resolveRoute, type TabRoute } from "./routes";

// One chunk per page keeps the first download to React, Fluent's core and teams-js.
const HomePage = lazy(() => import("./pages/Home/HomePage").then((m) => ({ default: m.HomePage })));
const ConfigPage = lazy(() => import("./pages/Config/ConfigPage").then((m) => ({ default: m.ConfigPage })));
const MyLearningPage = lazy(() =>
  import("./pages/MyLearning/MyLearningPage").then((m) => ({ default: m.MyLearningPage })),
);
const MeetingPanelPage = lazy(() =>
  import("./pages/MeetingPanel/MeetingPanelPage").then((m) => ({ default: m.MeetingPanelPage })),
);
const MeetingStagePage = lazy(() =>
  import("./pages/MeetingStage/MeetingStagePage").then((m) => ({ default: m.MeetingStagePage })),
);

const pages: Record<TabRoute, React.ComponentType> = {
  home: HomePage,
  config: ConfigPage,
  personal: MyLearningPage,
  meetingSidePanel: MeetingPanelPage,
  meetingStage: MeetingStagePage,
  notFound: NotFoundPage,
};

/** Renders the page for the current URL and Teams frame context. */
export function App() {
  const { context } = useTeamsContext();
  const messages = useMessages();
  const Page = pages[resolveRoute(window.location.pathname, context.page.frameContext)];

  return (
    <PageErrorBoundary
      fallback={
        <PageLayout>
          <NoticeState title={messages.pageFailedTitle} body={messages.pageFailedBody} />
        </PageLayout>
      }
    >
      <Suspense
        fallback={
          <PageLayout>
            <LoadingState label={messages.loading} />
          </PageLayout>
        }
      >
        <Page />
      </Suspense>
    </PageErrorBoundary>
  );
}
