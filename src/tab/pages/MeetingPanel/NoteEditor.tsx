import { Button, Caption1, Field, Radio, RadioGroup, Subtitle2, Textarea } from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import type { ActivityChange } from "../../api/activities.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/** Props of {@link NoteEditor}. */
export interface NoteEditorProps {
  heading: string;
  label: string;
  hint: string;
  /** What is stored now (empty when nothing yet). */
  saved: string;
  /** The box's first text when nothing is stored yet (a goal kept from the last session). */
  draftFrom?: string;
  /** Shown under the buttons once something is saved (publishing a lesson). */
  after?: ReactNode;
  /** A rating kind: a choice of its whole numbers instead of a text. */
  rating?: { min: number; max: number } | undefined;
  save: (text: string) => Promise<ActivityChange>;
  onSaved: (change: ActivityChange) => void;
  testId: string;
}

/**
 * One person's own text in an activity (private reflection, commitment): a box that follows what is
 * stored until the person starts typing, and a Save that says when it is saved.
 */
export function NoteEditor({
  heading,
  label,
  hint,
  saved,
  draftFrom,
  after,
  rating,
  save,
  onSaved,
  testId,
}: NoteEditorProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const [draft, setDraft] = useState(saved || draftFrom || "");
  const [base, setBase] = useState(saved);
  // Saved elsewhere (another window, the chat card's dialog) while untouched here: show that.
  if (saved !== base) {
    setBase(saved);
    if (draft === base) setDraft(saved);
  }
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved });
  const error = mutation.error ? toApiError(mutation.error) : null;
  const unchanged = draft.trim() === saved.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(draft);
  }

  return (
    <form className={styles.section} aria-labelledby={headingId} onSubmit={submit} data-testid={testId}>
      <Subtitle2 as="h3" block id={headingId} className={styles.heading}>
        {heading}
      </Subtitle2>
      <Field label={label} hint={hint}>
        {rating ? (
          <RadioGroup
            layout="horizontal-stacked"
            value={draft}
            onChange={(_e, d) => {
              mutation.reset();
              setDraft(d.value);
            }}
          >
            {Array.from({ length: rating.max - rating.min + 1 }, (_, i) => String(rating.min + i)).map(
              (n) => (
                <Radio key={n} value={n} label={n} />
              ),
            )}
          </RadioGroup>
        ) : (
          <Textarea
            value={draft}
            onChange={(_e, d) => {
              mutation.reset();
              setDraft(d.value);
            }}
            resize="vertical"
            rows={4}
          />
        )}
      </Field>
      {error && <InlineError title={t("activity.saveErrorTitle")} error={error} />}
      <div className={styles.buttons}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={mutation.isPending || draft.trim() === "" || (unchanged && saved !== "")}
        >
          {mutation.isPending ? t("activity.saving") : t("activity.save")}
        </Button>
        {saved !== "" && unchanged && (
          <Caption1 role="status" className={styles.muted}>
            {t("activity.saved")}
          </Caption1>
        )}
      </div>
      {saved !== "" && after}
    </form>
  );
}
