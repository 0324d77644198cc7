import { Body1, Button, Caption1, Subtitle2, Title2 } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import type { Community } from "../../api/communities.js";
import { deleteModule, listModules, type ModuleView } from "../../api/modules.js";
import { CommunityPage } from "../../components/CommunityPage.js";
import { ConfirmDialog } from "../../components/ConfirmDialog/ConfirmDialog.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { LoadingState } from "../../components/LoadingState.js";
import { useApi } from "../../hooks/useApi.js";
import { ModuleEditor } from "./ModuleEditor.js";
import { ModuleReportView } from "./ModuleReportView.js";
import { useModulesStyles } from "./useModulesStyles.styles.js";

/**
 * The community's modules (CoachingOurselves-style): everyone who reads the community sees them;
 * stewards write or import one (markdown with timed sections), change it, and see how useful
 * people found it.
 */
export function ModulesPage() {
  return <CommunityPage nav="playbooks">{(loaded) => <ModuleList community={loaded} />}</CommunityPage>;
}

function ModuleList({ community }: { community: Community }) {
  const styles = useModulesStyles();
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const headingId = useId();
  const key = ["modules", community.id];
  const modules = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => listModules(api, community.id, signal),
  });
  const error = modules.error ? toApiError(modules.error) : null;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  return (
    <section className={styles.page} aria-labelledby={headingId}>
      <Title2 as="h1" block id={headingId} className={styles.heading}>
        {t("modules.heading")}
      </Title2>
      <Body1 as="p" block className={styles.muted}>
        {t("modules.intro")}
      </Body1>
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
    </section>
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
  const [confirming, setConfirming] = useState(false);
  const api = useApi();
  const remove = useMutation({ mutationFn: () => deleteModule(api, communityId, module) });
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
        <div className={styles.actions}>
          <Button onClick={() => setEditing(true)}>{t("modules.edit")}</Button>
          <ConfirmDialog
            trigger={<Button icon={<DeleteRegular />}>{t("modules.delete")}</Button>}
            title={t("modules.deleteTitle")}
            confirmLabel={t("modules.delete")}
            onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            pending={remove.isPending}
            error={remove.error ? toApiError(remove.error) : null}
            open={confirming}
            onOpenChange={(open) => {
              if (open) remove.reset();
              setConfirming(open);
            }}
            onClosed={() => {
              if (remove.isSuccess) onSaved();
            }}
          >
            {t("modules.deleteBody")}
          </ConfirmDialog>
        </div>
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
