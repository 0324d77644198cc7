import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityChange } from "../../api/activities.js";
import type { FormWords } from "./activityText.js";
import { DraftTextarea } from "./DraftTextarea.js";
import { SubmissionForm, savesThrough } from "./SubmissionForm.js";
import { useDraftOfSaved } from "./useDraftOfSaved.js";

/** Props of {@link NoteEditor}. */
export interface NoteEditorProps {
  words: FormWords;
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
  words,
  saved,
  draftFrom,
  after,
  rating,
  save,
  onSaved,
  testId,
}: NoteEditorProps) {
  const { t } = useTranslation();
  // Saved elsewhere (another window, the chat card's dialog) while untouched here: show that.
  const [draft, setDraft] = useDraftOfSaved(saved, saved || draftFrom || "");
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved });
  const unchanged = draft.trim() === saved.trim();
  const edit = (value: string) => {
    mutation.reset();
    setDraft(value);
  };

  return (
    <SubmissionForm
      heading={words.heading}
      testId={testId}
      {...savesThrough(mutation, draft)}
      ready={draft.trim() !== "" && !(unchanged && saved !== "")}
      submitLabel={t("activity.save")}
      status={saved !== "" && unchanged && t("activity.saved")}
      after={saved !== "" && after}
    >
      <Field label={words.label} hint={words.hint}>
        {rating ? (
          <RadioGroup layout="horizontal-stacked" value={draft} onChange={(_e, d) => edit(d.value)}>
            {Array.from({ length: rating.max - rating.min + 1 }, (_, i) => String(rating.min + i)).map(
              (n) => (
                <Radio key={n} value={n} label={n} />
              ),
            )}
          </RadioGroup>
        ) : (
          <DraftTextarea value={draft} onValue={edit} rows={4} />
        )}
      </Field>
    </SubmissionForm>
  );
}
