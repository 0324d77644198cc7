import { Body1, MessageBar, MessageBarBody, Subtitle2 } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { type Entry, getEntry, updateEntry } from "../../api/library.js";
import { libraryKeys } from "../../api/libraryKeys.js";
import { EntryForm } from "../../components/EntryForm/EntryForm.js";
import { type EntryFormValues, formValuesOf, toDraft } from "../../components/EntryForm/entryFormModel.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { TitledMessage } from "../../components/InlineError/TitledMessage.js";
import { SafeMarkdown } from "../../components/SafeMarkdown/SafeMarkdown.js";
import { TitledPage } from "../../components/TitledPage/TitledPage.js";
import { useApiMutation } from "../../hooks/useApiMutation.js";
import { useEntryPageStyles } from "./useEntryPageStyles.styles.js";

/** Props of {@link EntryEditor}. */
export interface EntryEditorProps {
  /** The entry as it was when the person chose Edit; its `etag` is the version they edit. */
  entry: Entry;
  onDone: () => void;
}

/**
 * Edits an entry from the version the person opened (`If-Match`). When someone else saved in the
 * meantime the server answers 412: the form keeps every character, says what happened, and offers
 * to load the other version, shown below the form; saving then replaces that version knowingly.
 */
export function EntryEditor({ entry, onDone }: EntryEditorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const entryKey = libraryKeys.entry(entry.communityId, entry.id);
  const [baseEtag, setBaseEtag] = useState(entry.etag);
  const [theirs, setTheirs] = useState<Entry | null>(null);

  const save = useApiMutation(
    (api, values: EntryFormValues) =>
      updateEntry(api, entry.communityId, entry.id, toDraft(values), baseEtag),
    {
      onSuccess: (updated) => {
        queryClient.setQueryData(entryKey, updated);
        // History and related entries hang below the entry's key; result lists show the new title.
        void queryClient.invalidateQueries({
          queryKey: entryKey,
          predicate: (q) => q.queryKey.length > entryKey.length,
        });
        void queryClient.invalidateQueries({ queryKey: libraryKeys.searches(entry.communityId) });
        onDone();
      },
    },
  );
  const loadTheirs = useApiMutation(
    (api) =>
      queryClient.fetchQuery({
        queryKey: entryKey,
        queryFn: ({ signal }) => getEntry(api, entry.communityId, entry.id, signal),
        staleTime: 0,
      }),
    {
      onSuccess: (latest) => {
        setTheirs(latest);
        setBaseEtag(latest.etag);
        save.reset();
      },
    },
  );

  const error = save.error ? toApiError(save.error) : null;
  const conflict = error?.status === 412;

  return (
    <TitledPage title={t("entryForm.editTitle")}>
      <EntryForm
        initialValues={formValuesOf(entry)}
        submitLabel={t("entryForm.saveChanges")}
        pending={save.isPending}
        error={error}
        hideError={conflict}
        onSubmit={(values) => save.mutate(values)}
        onCancel={onDone}
        notice={
          <>
            {conflict && (
              <div role="alert">
                <TitledMessage
                  intent="warning"
                  title={t("entryForm.conflictTitle")}
                  action={{
                    label: t("entryForm.loadTheirVersion"),
                    onClick: () => loadTheirs.mutate(),
                    pending: loadTheirs.isPending,
                  }}
                >
                  {t("entryForm.conflictBody")}
                </TitledMessage>
              </div>
            )}
            {loadTheirs.error && (
              <InlineError
                title={t("entry.loadErrorTitle")}
                error={toApiError(loadTheirs.error)}
                onRetry={() => loadTheirs.mutate()}
              />
            )}
            {theirs && !conflict && (
              <div role="status">
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>{t("entryForm.theirVersionLoaded")}</MessageBarBody>
                </MessageBar>
              </div>
            )}
          </>
        }
      />
      {theirs && <TheirVersion entry={theirs} />}
    </TitledPage>
  );
}

/** The version someone else saved while the person edited, below the form to compare with theirs. */
function TheirVersion({ entry }: { entry: Entry }) {
  const styles = useEntryPageStyles();
  const { t } = useTranslation();
  return (
    <section
      className={styles.theirVersion}
      aria-label={t("entryForm.theirVersionHeading")}
      data-testid="their-version"
    >
      <Subtitle2 as="h2" block className={styles.heading}>
        {t("entryForm.theirVersionHeading")}: {entry.title}
      </Subtitle2>
      {entry.summary && (
        <Body1 as="p" block>
          {entry.summary}
        </Body1>
      )}
      <SafeMarkdown markdown={entry.body} />
    </section>
  );
}
