import type { UseMutationResult } from "@tanstack/react-query";
import { type ReactElement, type ReactNode, useState } from "react";
import { toApiError } from "../../api/ApiError.js";
import { ConfirmDialog } from "./ConfirmDialog.js";

/** Props of {@link ConfirmMutation}. */
export interface ConfirmMutationProps<TData, TVariables, TContext> {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  confirmLabel: string;
  /** What will happen, and any field the write needs. */
  children: ReactNode;
  /** The write the dialog asks for; its progress and failure show in the dialog, which stays open to try again. */
  mutation: UseMutationResult<TData, Error, TVariables, TContext>;
  /** What the write is made with (a reason, a review date), as it is when the person confirms. */
  variables: TVariables;
  /** As the dialog opens, after the last attempt's failure is cleared (empty a field here). */
  onOpen?: () => void;
  /** After the write, once the dialog has closed (leave the page or refresh a list only then). */
  onDone?: () => void;
}

/**
 * A {@link ConfirmDialog} for one API write (delete, ask for removal, verify): each opening starts
 * clean, confirming makes the write, and the dialog closes when it has succeeded.
 */
export function ConfirmMutation<TData, TVariables, TContext>({
  mutation,
  variables,
  onOpen,
  onDone,
  ...dialog
}: ConfirmMutationProps<TData, TVariables, TContext>) {
  const [open, setOpen] = useState(false);
  return (
    <ConfirmDialog
      {...dialog}
      open={open}
      onOpenChange={(next) => {
        if (next) {
          mutation.reset();
          onOpen?.();
        }
        setOpen(next);
      }}
      pending={mutation.isPending}
      error={mutation.error ? toApiError(mutation.error) : null}
      onConfirm={() => mutation.mutate(variables, { onSuccess: () => setOpen(false) })}
      onClosed={() => {
        if (mutation.isSuccess) onDone?.();
      }}
    />
  );
}
