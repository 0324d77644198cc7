import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api/ApiError.js";
import { EntryTypeSelect } from "../EntryTypeSelect/EntryTypeSelect.js";
import { describeApiError } from "../ErrorState.js";
import { LongTextInput } from "../LongTextInput/LongTextInput.js";
import { type EntryFormErrors, type EntryFormValues, errorsFromIssues } from "./entryFormModel.js";
import { useEntryFormStyles } from "./useEntryFormStyles.styles.js";

/** Props of {@link EntryForm}. */
export interface EntryFormProps {
  /** The values the form starts with; later changes to this prop are ignored, so nothing typed is replaced. */
  initialValues: EntryFormValues;
  /** The submit button's label ("Save entry", "Save changes"). */
  submitLabel: string;
  /** A save is running: the buttons wait, the fields stay as typed. */
  pending: boolean;
  /** The last save's failure: per-field issues go under their fields, the rest above the buttons. */
  error: ApiError | null;
  /** A failure this form should not describe itself (an edit conflict, shown by `notice`). */
  hideError?: boolean;
  onSubmit: (values: EntryFormValues) => void;
  onCancel: () => void;
  /** Shown above the buttons, such as the edit-conflict message. */
  notice?: ReactNode;
}

/**
 * The form to write or edit an entry: type, title, markdown text, summary and tags. It owns what
 * the person types, so a failed save (validation, conflict, network) never loses a character; the
 * server's validation messages appear under the fields they are about.
 */
export function EntryForm({
  initialValues,
  submitLabel,
  pending,
  error,
  hideError = false,
  onSubmit,
  onCancel,
  notice,
}: EntryFormProps) {
  const styles = useEntryFormStyles();
  const { t } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const [localErrors, setLocalErrors] = useState<EntryFormErrors>({});

  const serverErrors = error && !hideError ? errorsFromIssues(error.issues) : {};
  const errors: EntryFormErrors = { ...serverErrors, ...localErrors };
  const set = (field: keyof EntryFormValues) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // A field's own message goes once the person changes it; the server's come back on the next save.
    setLocalErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const missing: EntryFormErrors = {};
    if (values.title.trim().length < 3) missing.title = t("entryForm.titleRequired");
    if (values.body.trim() === "") missing.body = t("entryForm.bodyRequired");
    setLocalErrors(missing);
    if (Object.keys(missing).length === 0) onSubmit(values);
  };

  const fieldMessage = (field: keyof EntryFormValues) =>
    errors[field] ? { validationState: "error" as const, validationMessage: errors[field] } : {};
  const hasFieldErrors = (["type", "title", "body", "summary", "tags"] as const).some((f) => errors[f]);
  const failure = hasFieldErrors
    ? t("entryForm.checkFields")
    : error && !hideError
      ? describeApiError(error, t)
      : null;

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Field label={t("entryForm.typeLabel")} required {...fieldMessage("type")}>
        <EntryTypeSelect value={values.type} onChange={(type) => type && set("type")(type)} />
      </Field>
      <Field label={t("entryForm.titleLabel")} required {...fieldMessage("title")}>
        <Input value={values.title} onChange={(_e, data) => set("title")(data.value)} maxLength={200} />
      </Field>
      <Field
        label={t("entryForm.bodyLabel")}
        hint={t("entryForm.bodyHint")}
        required
        {...fieldMessage("body")}
      >
        <LongTextInput className={styles.body} value={values.body} onValue={set("body")} />
      </Field>
      <Field
        label={t("entryForm.summaryLabel")}
        hint={t("entryForm.summaryHint")}
        {...fieldMessage("summary")}
      >
        <LongTextInput value={values.summary} onValue={set("summary")} />
      </Field>
      <Field label={t("entryForm.tagsLabel")} hint={t("entryForm.tagsHint")} {...fieldMessage("tags")}>
        <Input value={values.tags} onChange={(_e, data) => set("tags")(data.value)} />
      </Field>

      {failure && (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("entryForm.saveFailedTitle")}</MessageBarTitle> {failure}{" "}
              {t("entryForm.keptText")}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      {notice}

      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={pending}
          icon={pending ? <Spinner size="tiny" /> : undefined}
        >
          {pending ? t("entryForm.saving") : submitLabel}
        </Button>
        <Button type="button" onClick={onCancel} disabled={pending}>
          {t("entryForm.cancel")}
        </Button>
      </div>
    </form>
  );
}
