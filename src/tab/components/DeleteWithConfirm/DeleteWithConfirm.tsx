import { Button } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import type { UseMutationResult } from "@tanstack/react-query";
import { ConfirmMutation } from "../ConfirmDialog/ConfirmMutation.js";

/** Props of {@link DeleteWithConfirm}. */
export interface DeleteWithConfirmProps<TData, TContext> {
  /** The button's words, and the dialog's confirm button's ("Delete") unless `confirmLabel` says more. */
  label: string;
  /** The confirm button's words ("Delete entry"). */
  confirmLabel?: string;
  title: string;
  /** What deleting does, in the person's words. */
  body: string;
  /** The delete itself; its failure shows in the dialog, which stays open to try again. */
  remove: UseMutationResult<TData, Error, void, TContext>;
  /** After a delete, once the dialog has closed (leave the page or refresh the list only then). */
  onDeleted: () => void;
}

/**
 * A Delete button that asks first: the dialog shows the delete's progress and failure, closes once
 * deleted, and only then says so to `onDeleted` (see {@link ConfirmDialog}'s `onClosed`).
 */
export function DeleteWithConfirm<TData, TContext>({
  label,
  confirmLabel = label,
  title,
  body,
  remove,
  onDeleted,
}: DeleteWithConfirmProps<TData, TContext>) {
  return (
    <ConfirmMutation
      trigger={<Button icon={<DeleteRegular />}>{label}</Button>}
      title={title}
      confirmLabel={confirmLabel}
      mutation={remove}
      variables={undefined}
      onDone={onDeleted}
    >
      {body}
    </ConfirmMutation>
  );
}
