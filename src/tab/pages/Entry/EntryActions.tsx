import { Body1, Button, Field } from "@fluentui/react-components";
import { EditRegular, PersonDeleteRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Entry } from "../../api/library.js";
import { ConfirmMutation } from "../../components/ConfirmDialog/ConfirmMutation.js";
import { DeleteWithConfirm } from "../../components/DeleteWithConfirm/DeleteWithConfirm.js";
import { LongTextInput } from "../../components/LongTextInput/LongTextInput.js";
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
  const [reason, setReason] = useState("");
  const { remove, requestRemoval } = actions;

  return (
    <>
      {entry.canEdit && (
        <Button icon={<EditRegular />} onClick={onEdit}>
          {t("entry.edit")}
        </Button>
      )}
      {entry.canDelete && (
        <DeleteWithConfirm
          label={t("entry.delete")}
          confirmLabel={t("entry.confirmDelete")}
          title={t("entry.deleteTitle")}
          body={t("entry.deleteBody", { title: entry.title })}
          remove={remove}
          onDeleted={onDeleted}
        />
      )}
      {entry.canRequestRemoval && !entry.removalRequestedBy && (
        <ConfirmMutation
          trigger={<Button icon={<PersonDeleteRegular />}>{t("entry.askRemoval")}</Button>}
          title={t("entry.askRemovalTitle")}
          confirmLabel={t("entry.confirmAskRemoval")}
          mutation={requestRemoval}
          variables={reason}
          onOpen={() => setReason("")}
        >
          <Body1 as="p" block>
            {t("entry.askRemovalBody")}
          </Body1>
          <Field label={t("entry.askRemovalReasonLabel")} hint={t("entry.askRemovalReasonHint")}>
            {/* The API keeps at most 500 characters of a reason. */}
            <LongTextInput value={reason} maxLength={500} onValue={setReason} />
          </Field>
        </ConfirmMutation>
      )}
    </>
  );
}
