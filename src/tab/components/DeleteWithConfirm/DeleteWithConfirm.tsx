import { Button } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import { toApiError } from "../../api/ApiError.js";
import { ConfirmDialog } from "../ConfirmDialog/ConfirmDialog.js";

/** Props of {@link DeleteWithConfirm}. */
export interface DeleteWithConfirmProps<TData, TContext> {
  /** The button's words, and the dialog's confirm button's ("Delete"). */
  label: string;
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
  title,
  body,
  remove,
  onDeleted,
}: DeleteWithConfirmProps<TData, TContext>) {
  const [confirming, setConfirming] = useState(false);
  return (
    <ConfirmDialog
      trigger={<Button icon={<DeleteRegular />}>{label}</Button>}
      title={title}
      confirmLabel={label}
      onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      pending={remove.isPending}
      error={remove.error ? toApiError(remove.error) : null}
      open={confirming}
      onOpenChange={(open) => {
        // A new attempt starts clean: no failure from the last one.
        if (open) remove.reset();
        setConfirming(open);
      }}
      onClosed={() => {
        if (remove.isSuccess) onDeleted();
      }}
    >
      {body}
    </ConfirmDialog>
  );
}
