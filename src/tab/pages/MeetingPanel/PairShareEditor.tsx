import {
  Body1,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ActivityChange,
  type ActivityView,
  getActivity,
  isShareConflict,
  mergeShares,
  submit,
} from "../../api/activities.js";
import { useApi } from "../../hooks/useApi.js";
import { type FormWords, newRequestId } from "./activityText.js";
import { DraftTextarea } from "./DraftTextarea.js";
import { SubmissionForm, savesThrough } from "./SubmissionForm.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/** A group's stored text as the editor needs it. */
export interface GroupText {
  text: string;
  etag?: string | undefined;
  editedBy: { displayName: string };
}

/** Props of {@link GroupTextEditor}. */
export interface GroupTextEditorProps {
  view: ActivityView;
  /** The submission kind (`share`, a café's `table-notes`, …). */
  kind: string;
  /** The group's stored text in a view of the activity. */
  storedOf: (view: ActivityView) => GroupText | undefined;
  words: FormWords;
  testId: string;
  onSaved: (change: ActivityChange) => void;
}

interface Conflict {
  theirs: GroupText;
  mine: string;
}

/** Our pair's key insight (think-pair-share's group text). */
export function PairShareEditor({
  view,
  onSaved,
}: {
  view: ActivityView;
  onSaved: (change: ActivityChange) => void;
}) {
  const { t } = useTranslation();
  return (
    <GroupTextEditor
      view={view}
      kind="share"
      storedOf={(v) => v.me.share}
      words={{
        heading: t("activity.shareHeading"),
        label: t("activity.shareLabel"),
        hint: t("activity.shareHint"),
      }}
      testId="pair-share"
      onSaved={onSaved}
    />
  );
}

/**
 * A group's one text (a pair's key insight, a café table's notes): any member writes it, the
 * others edit it. Every save says which version it was made from (If-Match); when another member
 * saved in between, the server refuses and this shows both versions and puts them together in the
 * box, so no one's text is lost silently.
 */
export function GroupTextEditor({ view, kind, storedOf, words, testId, onSaved }: GroupTextEditorProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const api = useApi();
  const stored = storedOf(view);
  const [draft, setDraft] = useState(stored?.text ?? "");
  /** The version the draft was started from: its ETag goes with the save. */
  const [base, setBase] = useState<GroupText | undefined>(stored);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const dirty = draft !== (base?.text ?? "");
  const changedMeanwhile = stored && base && stored.etag !== base.etag ? stored : undefined;
  // The partner saved while this box was untouched: follow them.
  if (stored && stored.etag !== base?.etag && !dirty) {
    setBase(stored);
    setDraft(stored.text);
  }

  const mutation = useMutation({
    mutationFn: (text: string) =>
      submit(api, view.id, kind, text, { etag: base?.etag, requestId: newRequestId() }),
    onSuccess: (change) => {
      const share = { text: change.saved.text, etag: change.saved.etag, editedBy: change.saved.by };
      setConflict(null);
      setBase(share);
      setDraft(share.text);
      onSaved(change);
    },
    onError: async (error, text) => {
      if (!isShareConflict(error)) return;
      // What is stored now, fetched fresh; my text stays, merged with theirs for me to tidy.
      const fresh = await getActivity(api, view.id).catch(() => undefined);
      const theirs = fresh?.snapshot.activity ? storedOf(fresh.snapshot.activity) : undefined;
      if (!fresh || !theirs) return;
      onSaved(fresh);
      setConflict({ theirs, mine: text });
      setBase(theirs);
      setDraft(mergeShares(theirs.text, text));
    },
  });

  return (
    <SubmissionForm
      heading={words.heading}
      testId={testId}
      {...savesThrough(mutation, draft)}
      // A conflict is not an error here: the form shows both versions instead.
      error={isShareConflict(mutation.error) ? null : mutation.error}
      ready={draft.trim() !== "" && (dirty || conflict !== null)}
      submitLabel={conflict ? t("activity.saveMerged") : t("activity.save")}
      status={stored && !dirty && !conflict && t("activity.saved")}
    >
      {conflict && (
        <div role="alert" data-testid="share-conflict">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("activity.conflictTitle")}</MessageBarTitle> {t("activity.conflictBody")}
            </MessageBarBody>
          </MessageBar>
          <Caption1 as="p" block className={styles.muted}>
            {t("activity.theirVersion")} · {conflict.theirs.editedBy.displayName}
          </Caption1>
          <Body1 as="p" block className={styles.version} data-testid="their-version">
            {conflict.theirs.text}
          </Body1>
          <Caption1 as="p" block className={styles.muted}>
            {t("activity.yourVersion")}
          </Caption1>
          <Body1 as="p" block className={styles.version} data-testid="your-version">
            {conflict.mine}
          </Body1>
        </div>
      )}
      {!conflict && changedMeanwhile && dirty && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t("activity.shareChangedMeanwhile", { name: changedMeanwhile.editedBy.displayName })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={words.label} hint={words.hint}>
        <DraftTextarea
          value={draft}
          onValue={setDraft}
          // While the two versions show, typing leaves the refused save as it was.
          clears={conflict ? undefined : mutation}
          rows={4}
        />
      </Field>
      {stored && !dirty && (
        <Caption1 as="p" block className={styles.muted} data-testid="share-saved-by">
          {t("activity.shareLastSaved", { name: stored.editedBy.displayName })}
        </Caption1>
      )}
    </SubmissionForm>
  );
}
