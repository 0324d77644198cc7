import { Body1, Button, Field, Textarea } from "@fluentui/react-components";
import { DeleteRegular, EditRegular, PersonDeleteRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import type { Entry } from "../../api/library.js";
import { ConfirmDialog } from "../../components/ConfirmDialog/ConfirmDialog.js";
import type { useEntryActions } from "../../hooks/library/useEntryActions.js";

/** Props of {@link EntryActions}. */
export interface EntryActionsProps {
  entry: Entry;
  actions: ReturnType<typeof useEntryActions>;
  onEdit: () => void;
  /** Leaves the page of the deleted entry; runs once the confirm dialog has closed. */
  onDeleted: () => void;
}

/**
 * Edit, Delete and Ask for removal — each shown only to whom the server allows it (`canEdit`,
 * `canDelete`, `canRequestRemoval`); the server checks again on every request.
 */
export function EntryActions({ entry, actions, onEdit, onDeleted }: EntryActionsProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<"delete" | "removal" | null>(null);
  const [reason, setReason] = useState("");
  const { remove, requestRemoval } = actions;
  const openDialog = (which: "delete" | "removal") => (open: boolean) => {
    setConfirming(open ? which : null);
    if (open) (which === "delete" ? remove : requestRemoval).reset();
    if (open && which === "removal") setReason("");
  };

  return (
    <>
      {entry.canEdit && (
        <Button icon={<EditRegular />} onClick={onEdit}>
          {t("entry.edit")}
        </Button>
      )}
      {entry.canDelete && (
        <ConfirmDialog
          open={confirming === "delete"}
          onOpenChange={openDialog("delete")}
          trigger={<Button icon={<DeleteRegular />}>{t("entry.delete")}</Button>}
          title={t("entry.deleteTitle")}
          confirmLabel={t("entry.confirmDelete")}
          pending={remove.isPending}
          error={remove.error ? toApiError(remove.error) : null}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(null) })}
          onClosed={() => remove.isSuccess && onDeleted()}
        >
          <Body1 as="p" block>
            {t("entry.deleteBody", { title: entry.title })}
          </Body1>
        </ConfirmDialog>
      )}
      {entry.canRequestRemoval && !entry.removalRequestedBy && (
        <ConfirmDialog
          open={confirming === "removal"}
          onOpenChange={openDialog("removal")}
          trigger={<Button icon={<PersonDeleteRegular />}>{t("entry.askRemoval")}</Button>}
          title={t("entry.askRemovalTitle")}
          confirmLabel={t("entry.confirmAskRemoval")}
          pending={requestRemoval.isPending}
          error={requestRemoval.error ? toApiError(requestRemoval.error) : null}
          onConfirm={() => requestRemoval.mutate(reason, { onSuccess: () => setConfirming(null) })}
        >
          <Body1 as="p" block>
            {t("entry.askRemovalBody")}
          </Body1>
          <Field label={t("entry.askRemovalReasonLabel")} hint={t("entry.askRemovalReasonHint")}>
            <Textarea
              value={reason}
              // The API keeps at most 500 characters of a reason.
              maxLength={500}
              resize="vertical"
              onChange={(_e, data) => setReason(data.value)}
            />
          </Field>
        </ConfirmDialog>
      )}
    </>
  );
}
