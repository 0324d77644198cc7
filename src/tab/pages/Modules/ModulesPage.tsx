import { Body1, Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { deleteModule, listModules, type ModuleView } from "../../api/modules.js";
import { ActionRow } from "../../components/ActionRow/ActionRow.js";
import { type CommunityContentProps, communityPage } from "../../components/CommunityPage.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { DeleteWithConfirm } from "../../components/DeleteWithConfirm/DeleteWithConfirm.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { LoadingState } from "../../components/LoadingState.js";
import { TitledPage } from "../../components/TitledPage/TitledPage.js";
import { useApiMutation } from "../../hooks/useApiMutation.js";
import { useApiQuery } from "../../hooks/useApiQuery.js";
import { ModuleEditor } from "./ModuleEditor.js";
import { ModuleReportView } from "./ModuleReportView.js";
import { useModulesStyles } from "./useModulesStyles.styles.js";

/**
 * The community's modules (CoachingOurselves-style): everyone who reads the community sees them;
 * stewards write or import one (markdown with timed sections), change it, and see how useful
 * people found it.
 */
export const ModulesPage = communityPage("playbooks", ModuleList);

function ModuleList({ community }: CommunityContentProps) {
  const styles = useModulesStyles();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ["modules", community.id];
  const modules = useApiQuery(key, (api, signal) => listModules(api, community.id, signal));
  const error = modules.error ? toApiError(modules.error) : null;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  return (
    <TitledPage title={t("modules.heading")} intro={t("modules.intro")}>
      {modules.data?.canEdit && <ModuleEditor communityId={community.id} onSaved={refresh} />}
      {modules.isPending && <LoadingState label={t("modules.loading")} />}
      {error && <InlineError title={t("modules.loadErrorTitle")} error={error} onRetry={refresh} />}
      {modules.data && modules.data.modules.length === 0 && (
        <Body1 as="p" block data-testid="modules-empty">
          {modules.data.canEdit ? t("modules.emptySteward") : t("modules.empty")}
        </Body1>
      )}
      <ul className={styles.list} data-testid="modules">
        {modules.data?.modules.map((m) => (
          <li key={m.id}>
            <ModuleCard communityId={community.id} module={m} onSaved={refresh} />
          </li>
        ))}
      </ul>
    </TitledPage>
  );
}

function ModuleCard({
  communityId,
  module,
  onSaved,
}: {
  communityId: string;
  module: ModuleView;
  onSaved: () => void;
}) {
  const styles = useModulesStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const remove = useApiMutation((api) => deleteModule(api, communityId, module));
  const mayEdit = module.etag !== undefined;
  return (
    <ContentCard className={styles.card} aria-labelledby={headingId} data-testid="module">
      <Subtitle2 as="h2" block id={headingId} className={styles.text}>
        {module.title}
      </Subtitle2>
      <Caption1 as="p" block className={styles.muted}>
        {t("modules.meta", {
          count: module.sections.length,
          minutes: module.totalMinutes,
          name: module.author.displayName,
        })}
      </Caption1>
      {module.intro && (
        <Body1 as="p" block className={styles.text}>
          {module.intro}
        </Body1>
      )}
      <ol className={styles.sections}>
        {module.sections.map((s) => (
          <li key={`${s.line}-${s.title}`}>
            <Body1 className={styles.text}>
              {t("modules.section", { title: s.title, minutes: s.minutes })}
            </Body1>
          </li>
        ))}
      </ol>
      {mayEdit && !editing && (
        <ActionRow>
          <Button onClick={() => setEditing(true)}>{t("modules.edit")}</Button>
          <DeleteWithConfirm
            label={t("modules.delete")}
            title={t("modules.deleteTitle")}
            body={t("modules.deleteBody")}
            remove={remove}
            onDeleted={onSaved}
          />
        </ActionRow>
      )}
      {mayEdit && editing && (
        <ModuleEditor
          communityId={communityId}
          module={module}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {mayEdit && <ModuleReportView communityId={communityId} moduleId={module.id} />}
    </ContentCard>
  );
}
