import { Link } from "@fluentui/react-components";
import { NoticeState } from "../../components/NoticeState";
import { PageLayout } from "../../components/PageLayout";
import { useFirstViewReady } from "../../hooks/useFirstViewReady";
import { useMessages } from "../../hooks/useTeamsContext";

/** Shown for a `/tab/...` path the tab does not know, with a way back to the community home. */
export function NotFoundPage() {
  const messages = useMessages();
  useFirstViewReady();
  return (
    <PageLayout>
      <NoticeState
        title={messages.notFoundTitle}
        body={messages.notFoundBody}
        action={<Link href="/tab/home">{messages.openHome}</Link>}
      />
    </PageLayout>
  );
}
