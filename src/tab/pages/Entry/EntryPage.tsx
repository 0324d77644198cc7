import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { BackToLibraryLink } from "../../components/BackToLibraryLink/BackToLibraryLink.js";
import { ErrorState } from "../../components/ErrorState.js";
import { LoadingState } from "../../components/LoadingState.js";
import { NoticeState } from "../../components/NoticeState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { TabNav } from "../../components/TabNav/TabNav.js";
import { useEntry } from "../../hooks/library/useEntry.js";
import { useFirstViewReady } from "../../hooks/useFirstViewReady.js";
import { EntryArticle } from "./EntryArticle.js";
import { EntryEditor } from "./EntryEditor.js";
import { EntryHistory, RelatedEntries } from "./EntrySections.js";
import { QuestionAnswers } from "./QuestionAnswers.js";
import { useEntryPageStyles } from "./useEntryPageStyles.styles.js";

/** Props of {@link EntryPage}. */
export interface EntryPageProps {
  communityId: string;
  entryId: string;
}

/** An entry of a community's library (`/tab/library/:communityId/:entryId`, or a Teams deep link). */
export function EntryPage({ communityId, entryId }: EntryPageProps) {
  const styles = useEntryPageStyles();
  const { t } = useTranslation();
  const entry = useEntry(communityId, entryId);
  const [editing, setEditing] = useState(false);
  useFirstViewReady(!entry.isPending);

  const back = <BackToLibraryLink />;

  if (entry.isPending) {
    return (
      <PageLayout>
        <TabNav current="library" />
        <LoadingState label={t("entry.loading")} />
      </PageLayout>
    );
  }
  if (entry.error && !entry.data) {
    const error = toApiError(entry.error);
    return (
      <PageLayout>
        <TabNav current="library" />
        {error.status === 404 ? (
          <NoticeState title={t("entry.notFoundTitle")} body={t("entry.notFoundBody")} action={back} />
        ) : (
          <ErrorState title={t("entry.loadErrorTitle")} error={error} onRetry={() => void entry.refetch()} />
        )}
      </PageLayout>
    );
  }
  if (!entry.data) return null;

  return (
    <PageLayout>
      <TabNav current="library" />
      <div className={styles.root}>
        {editing ? (
          <EntryEditor entry={entry.data} onDone={() => setEditing(false)} />
        ) : (
          <>
            {back}
            <EntryArticle entry={entry.data} onEdit={() => setEditing(true)} />
            {entry.data.type === "qa" && <QuestionAnswers entry={entry.data} />}
            <RelatedEntries entry={entry.data} />
            <EntryHistory entry={entry.data} />
          </>
        )}
      </div>
    </PageLayout>
  );
}
