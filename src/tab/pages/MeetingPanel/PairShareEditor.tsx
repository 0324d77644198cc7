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
  type ActivityState,
  type ActivityView,
  getActivity,
  isShareConflict,
  mergeShares,
  type PairShare,
  saveShare,
} from "../../api/activities.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { useApi } from "../../hooks/useApi.js";
import { newRequestId } from "./activityText.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/** Props of {@link PairShareEditor}. */
export interface PairShareEditorProps {
  view: ActivityView;
  onSaved: (state: ActivityState) => void;
}

interface Conflict {
  theirs: PairShare;
  mine: string;
}

/**
 * Our pair's key insight: either partner writes it, the other edits it. Every save says which
 * version it was made from (If-Match); when the partner saved in between, the server refuses and
 * this shows both versions and puts them together in the box, so no one's text is lost silently.
 */
export function PairShareEditor({ view, onSaved }: PairShareEditorProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const stored = view.me.share;
  const [draft, setDraft] = useState(stored?.text ?? "");
  /** The version the draft was started from: its ETag goes with the save. */
  const [base, setBase] = useState<PairShare | undefined>(stored);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const dirty = draft !== (base?.text ?? "");
  const changedMeanwhile = stored && base && stored.etag !== base.etag ? stored : undefined;
  // The partner saved while this box was untouched: follow them.
  if (stored && stored.etag !== base?.etag && !dirty) {
    setBase(stored);
    setDraft(stored.text);
  }

  const mutation = useMutation({
    mutationFn: (text: string) => saveShare(api, view.id, text, base?.etag, newRequestId()),
    onSuccess: (state) => {
      const share = state.snapshot.activity?.me.share;
      setConflict(null);
      setBase(share);
      setDraft(share?.text ?? draft);
      onSaved(state);
    },
    onError: async (error, text) => {
      if (!isShareConflict(error)) return;
      // What is stored now, fetched fresh; my text stays, merged with theirs for me to tidy.
      const fresh = await getActivity(api, view.id).catch(() => undefined);
      const theirs = fresh?.snapshot.activity?.me.share;
      if (!fresh || !theirs) return;
      onSaved(fresh);
      setConflict({ theirs, mine: text });
      setBase(theirs);
      setDraft(mergeShares(theirs.text, text));
    },
  });
  const error = mutation.error && !isShareConflict(mutation.error) ? toApiError(mutation.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(draft);
  }

  return (
    <form className={styles.section} aria-labelledby={headingId} onSubmit={submit} data-testid="pair-share">
      <Subtitle2 as="h3" block id={headingId} className={styles.heading}>
        {t("activity.shareHeading")}
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
      <Field label={t("activity.shareLabel")} hint={t("activity.shareHint")}>
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
