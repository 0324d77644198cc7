import { Button, Subtitle2 } from "@fluentui/react-components";
import { type FormEvent, type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { ActionError } from "./ActionError.js";
import { ButtonRow } from "./ButtonRow.js";
import { useMeetingPanelStyles } from "./useMeetingPanelStyles.styles.js";

/**
 * A form's save through the mutation that stores what the person wrote: submitting saves `draft`,
 * and the form shows the mutation's failure and progress (spread into {@link SubmissionForm}).
 */
export function savesThrough<T>(
  mutation: { mutate: (draft: T) => void; error: unknown; isPending: boolean },
  draft: T,
): Pick<SubmissionFormProps, "onSubmit" | "error" | "pending"> {
  return { onSubmit: () => mutation.mutate(draft), error: mutation.error, pending: mutation.isPending };
}

/** Props of {@link SubmissionForm}. */
export interface SubmissionFormProps {
  /** Names the form (an h3); a form under an item (an answer) has none. */
  heading?: string;
  testId: string;
  /** The fields, and anything said about them, between the heading and the button. */
  children: ReactNode;
  onSubmit: () => void;
  /** Why the last save failed (any error; shown in the person's words), or nothing. */
  error: unknown;
  pending: boolean;
  /** There is something to save (typed, changed): otherwise the button stays focusable but off. */
  ready: boolean;
  submitLabel: string;
  /** A small plain button that keeps its label while saving (an answer under an item). */
  compact?: boolean;
  /** What the last save did ("Saved", "Added"), beside the button. */
  status?: string | false | undefined;
  /** Under the button (what this person added so far, what they may do with a saved text). */
  after?: ReactNode;
}

/**
 * A form in which a person writes something into the activity: heading, fields, the save's
 * failure, and the save button with what it did. Every panel editor is one of these, so they
 * read, announce and fail alike.
 */
export function SubmissionForm({
  heading,
  testId,
  children,
  onSubmit,
  error,
  pending,
  ready,
  submitLabel,
  compact = false,
  status,
  after,
}: SubmissionFormProps) {
  const styles = useMeetingPanelStyles();
  const { t } = useTranslation();
  const headingId = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form
      className={styles.section}
      aria-labelledby={heading === undefined ? undefined : headingId}
      onSubmit={submit}
      data-testid={testId}
    >
      {heading !== undefined && (
        <Subtitle2 as="h3" block id={headingId} className={styles.heading}>
          {heading}
        </Subtitle2>
      )}
      {children}
      <ActionError title={t("activity.saveErrorTitle")} error={error} />
      <ButtonRow status={status}>
        <Button
          type="submit"
          {...(compact ? { size: "small" } : { appearance: "primary" })}
          disabledFocusable={pending || !ready}
        >
          {pending && !compact ? t("activity.saving") : submitLabel}
        </Button>
      </ButtonRow>
      {after}
    </form>
  );
}
