import { NoticeState } from "../../components/NoticeState";
import { PageLayout } from "../../components/PageLayout";
import { useFirstViewReady } from "../../hooks/useFirstViewReady";
import { useMessages } from "../../hooks/useTeamsContext";

/** The personal tab "My learning" (placeholder until entries, sessions and commitments exist). */
export function MyLearningPage() {
  const messages = useMessages();
  useFirstViewReady();
  return (
    <PageLayout>
      <NoticeState title={messages.personalTitle} body={messages.personalBody} />
    </PageLayout>
  );
}
