import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import {
  type ActivityChange,
  type ActivityView,
  getActivity,
  isShareConflict,
  mergeShares,
  submit,
} from "../../api/activities.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { useApi } from "../../hooks/useApi.js";
import { newRequestId } from "./activityText.js";
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
  heading: string;
  label: string;
  hint: string;
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
      heading={t("activity.shareHeading")}
      label={t("activity.shareLabel")}
      hint={t("activity.shareHint")}
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
export function GroupTextEditor({
  view,
  kind,
  storedOf,
  heading,
  label,
  hint,
  testId,
  onSaved,
}: GroupTextEditorProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
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
  const error = mutation.error && !isShareConflict(mutation.error) ? toApiError(mutation.error) : null;

  function send(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(draft);
  }

  return (
    <form className={styles.section} aria-labelledby={headingId} onSubmit={send} data-testid={testId}>
      <Subtitle2 as="h3" block id={headingId} className={styles.heading}>
        {heading}
      </Subtitle2>
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
      <Field label={label} hint={hint}>
        <Textarea
          value={draft}
          onChange={(_e, d) => {
            if (!conflict) mutation.reset();
            setDraft(d.value);
          }}
          resize="vertical"
          rows={4}
        />
      </Field>
      {stored && !dirty && (
        <Caption1 as="p" block className={styles.muted} data-testid="share-saved-by">
          {t("activity.shareLastSaved", { name: stored.editedBy.displayName })}
        </Caption1>
      )}
      {error && <InlineError title={t("activity.saveErrorTitle")} error={error} />}
      <div className={styles.buttons}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={mutation.isPending || draft.trim() === "" || (!dirty && !conflict)}
        >
          {mutation.isPending
            ? t("activity.saving")
            : conflict
              ? t("activity.saveMerged")
              : t("activity.save")}
        </Button>
        {stored && !dirty && !conflict && (
          <Caption1 role="status" className={styles.muted}>
            {t("activity.saved")}
          </Caption1>
        )}
      </div>
    </form>
  );
}
