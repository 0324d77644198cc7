import { NoticeState } from "../../components/NoticeState";
import { PageLayout } from "../../components/PageLayout";
import { useFirstViewReady } from "../../hooks/useFirstViewReady";
import { useMessages } from "../../hooks/useTeamsContext";

/** The tab's configuration page (placeholder: creating and connecting communities comes later). */
export function ConfigPage() {
  const messages = useMessages();
  useFirstViewReady();
  return (
    <PageLayout>
      <NoticeState title={messages.configTitle} body={messages.configBody} />
    </PageLayout>
  );
}
