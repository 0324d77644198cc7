import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Spinner,
} from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api/ApiError.js";
import { InlineError } from "../InlineError/InlineError.js";
import { whenPageAccessible } from "./whenPageAccessible.js";

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  /** What will happen, in the person's words. */
  children: ReactNode;
  confirmLabel: string;
  /** A destructive action gets the primary (attention) button; others too, it is the dialog's point. */
  onConfirm: () => void;
  pending: boolean;
  /** Why the last attempt failed; the dialog stays open so the person can try again or cancel. */
  error: ApiError | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /**
   * Runs once the dialog has finished closing. Leave the page only then: a dialog unmounted while
   * open leaves the rest of the page `aria-hidden`, invisible to screen readers.
   */
  onClosed?: () => void;
}

/**
 * Asks before an action that cannot be taken back (delete, ask for removal) or needs a choice
 * (verify with a date). Fluent's Dialog traps focus, closes on Escape, and returns focus to the
 * trigger.
 */
export function ConfirmDialog({
  trigger,
  title,
  children,
  confirmLabel,
  onConfirm,
  pending,
  error,
  open,
  onOpenChange,
  onClosed,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onOpenChange={(_e, data) => onOpenChange(data.open)}
      surfaceMotion={{
        onMotionFinish: (_e, data) => {
          if (data.direction === "exit" && onClosed) whenPageAccessible(onClosed);
        },
      }}
    >
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            {children}
            {error && <InlineError title={t("common.actionFailedTitle")} error={error} />}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={onConfirm}
              disabledFocusable={pending}
              icon={pending ? <Spinner size="tiny" /> : undefined}
            >
              {confirmLabel}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button disabled={pending}>{t("common.cancel")}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
