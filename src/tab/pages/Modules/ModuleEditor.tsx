import { Button, Field, Subtitle2, Textarea } from "@fluentui/react-components";
import { useMutation } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { createModule, type ModuleView, updateModule } from "../../api/modules.js";
import { ActionRow } from "../../components/ActionRow/ActionRow.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { useApi } from "../../hooks/useApi.js";
import { newRequestId } from "../MeetingPanel/activityText.js";
import { useModulesStyles } from "./useModulesStyles.styles.js";

/** The longest file a steward may import (the server keeps at most 12,000 characters). */
const MAX_FILE_BYTES = 64_000;

/**
 * A steward writes a module, imports a .md file into the box, or changes one (`module`): what is
 * wrong comes back from the server with its line, and nothing is saved until it reads.
 */
export function ModuleEditor({
  communityId,
  module,
  onSaved,
  onCancel,
}: {
  communityId: string;
  module?: ModuleView;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const styles = useModulesStyles();
  const { t } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const [markdown, setMarkdown] = useState(module?.markdown ?? "");
  const [fileProblem, setFileProblem] = useState("");
  // One id per new module written: a double click or a retried request keeps one module.
  const [requestId, setRequestId] = useState(newRequestId);
  const save = useMutation({
    mutationFn: () =>
      module
        ? updateModule(api, communityId, module, markdown)
        : createModule(api, communityId, markdown, requestId),
    onSuccess: () => {
      if (!module) {
        setMarkdown("");
        setRequestId(newRequestId());
      }
      onSaved();
    },
  });
  const error = save.error ? toApiError(save.error) : null;

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(t("modules.fileTooLarge"));
      return;
    }
    setFileProblem("");
    save.reset();
    setMarkdown(await file.text());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <ContentCard as="form" className={styles.form} aria-labelledby={headingId} onSubmit={submit} noValidate>
      <Subtitle2 as="h2" block id={headingId} className={styles.heading}>
        {module ? t("modules.editHeading") : t("modules.newHeading")}
      </Subtitle2>
      <Field
        label={t("modules.markdownLabel")}
        hint={t("modules.markdownHint")}
        validationMessage={error?.message || fileProblem || undefined}
        validationState={error || fileProblem ? "error" : "none"}
      >
        <Textarea
          className={styles.source}
          value={markdown}
          onChange={(_e, d) => {
            save.reset();
            setMarkdown(d.value);
          }}
          resize="vertical"
          rows={10}
          data-testid="module-markdown"
        />
      </Field>
      <Field label={t("modules.importLabel")}>
        {(fieldProps) => (
          // A native file input: the field's props give it its label.
          <input
            {...fieldProps}
            type="file"
            accept=".md,.markdown,text/markdown,text/plain"
            onChange={importFile}
            data-testid="module-import"
          />
        )}
      </Field>
      <ActionRow>
        <Button
          type="submit"
          appearance="primary"
          disabledFocusable={save.isPending || markdown.trim() === ""}
          data-testid="module-save"
        >
          {save.isPending ? t("modules.saving") : t("modules.save")}
        </Button>
        {onCancel && (
          <Button type="button" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        )}
      </ActionRow>
    </ContentCard>
  );
}
