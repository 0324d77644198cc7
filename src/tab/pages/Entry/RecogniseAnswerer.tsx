import { Button, Field, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import { RibbonStarRegular } from "@fluentui/react-icons";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { recognise } from "../../api/asking.js";
import type { PersonRef } from "../../api/library.js";
import { ActionRow } from "../../components/ActionRow/ActionRow.js";
import { useApi } from "../../hooks/useApi.js";
import { useEntryPageStyles } from "./useEntryPageStyles.styles.js";

/** The longest note the API takes. */
const MAX_NOTE = 300;

/** A steward thanks an answer's author with a recognition card in the community's channel. */
export function RecogniseAnswerer({ communityId, person }: { communityId: string; person: PersonRef }) {
  const styles = useEntryPageStyles();
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const send = useMutation({ mutationFn: () => recognise(api, communityId, person.id, note) });

  if (send.data)
    return (
      <MessageBar intent={send.data.posted ? "success" : "warning"}>
        <MessageBarBody>{send.data.posted ? t("ask.recognised") : t("ask.noChannel")}</MessageBarBody>
      </MessageBar>
    );
  if (!open)
    return (
      <ActionRow>
        <Button appearance="subtle" icon={<RibbonStarRegular />} onClick={() => setOpen(true)}>
          {t("ask.recognise", { name: person.displayName })}
        </Button>
      </ActionRow>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <form className={styles.section} onSubmit={submit}>
      <Field
        label={t("ask.recognitionNote")}
        {...(send.error
          ? { validationState: "error" as const, validationMessage: toApiError(send.error).message }
          : {})}
      >
        <Textarea value={note} maxLength={MAX_NOTE} onChange={(_e, data) => setNote(data.value)} />
      </Field>
      <ActionRow>
        <Button type="submit" appearance="primary" disabled={send.isPending}>
          {t("ask.sendRecognition")}
        </Button>
        <Button onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
      </ActionRow>
    </form>
  );
}
