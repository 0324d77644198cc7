import { Badge, Body1, Button, Caption1, Checkbox, ProgressBar, Title2 } from "@fluentui/react-components";
import { DeleteRegular, EditRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { toApiError } from "../../api/ApiError.js";
import type { Community } from "../../api/communities.js";
import { type Playbook, progressOf } from "../../api/playbooks.js";
import { CommunityGate } from "../../components/CommunityGate.js";
import { ConfirmDialog } from "../../components/ConfirmDialog/ConfirmDialog.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { ErrorState } from "../../components/ErrorState.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { LoadingState } from "../../components/LoadingState.js";
import { NoticeState } from "../../components/NoticeState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { TabNav } from "../../components/TabNav/TabNav.js";
import {
  useDeletePlaybook,
  usePlaybook,
  usePlaybookTick,
  usePublishPlaybook,
} from "../../hooks/playbooks/usePlaybooks.js";
import { useCommunity } from "../../hooks/useCommunity.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { editPlaybookPath, entryPath, playbooksPath } from "../../routes.js";
import type { PlaybooksPageNotice } from "./PlaybooksPage.js";
import { usePlaybooksStyles } from "./usePlaybooksStyles.styles.js";

/** A playbook: its ordered steps, each linking to its entry, with the person's own ticks. */
export function PlaybookPage({ playbookId }: { playbookId: string }) {
  const { t } = useTranslation();
  const { context } = useTeamsContext();
  const community = useCommunity(context.page.id || undefined);
  return (
    <PageLayout>
      <TabNav current="playbooks" />
      <RouterLink href={playbooksPath}>{t("playbooks.backToPlaybooks")}</RouterLink>
      <CommunityGate result={community}>
        {(loaded) => <LoadedPlaybook community={loaded} playbookId={playbookId} />}
      </CommunityGate>
    </PageLayout>
  );
}

function LoadedPlaybook({ community, playbookId }: { community: Community; playbookId: string }) {
  const { t } = useTranslation();
  const playbook = usePlaybook(community.id, playbookId);
  const error = playbook.error ? toApiError(playbook.error) : null;
  if (playbook.data) return <PlaybookView community={community} playbook={playbook.data} />;
  if (error?.status === 404)
    return <NoticeState title={t("playbooks.notFoundTitle")} body={t("playbooks.notFoundBody")} />;
  if (error)
    return (
      <ErrorState
        title={t("playbooks.loadErrorTitle")}
        error={error}
        onRetry={() => void playbook.refetch()}
      />
    );
  return <LoadingState label={t("playbooks.loading")} />;
}

function PlaybookView({ community, playbook }: { community: Community; playbook: Playbook }) {
  const styles = usePlaybooksStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const tick = usePlaybookTick(community.id, playbook.id);
  const progress = progressOf(playbook);
  const done = new Set(playbook.done);

  return (
    <article className={styles.page} aria-labelledby={headingId}>
      <header className={styles.header}>
        <div className={styles.stepBody}>
          <Title2 as="h1" block id={headingId} className={styles.heading}>
            {playbook.title}
          </Title2>
          <Caption1 className={styles.muted}>{community.name}</Caption1>
        </div>
        {playbook.canEdit && <StewardActions community={community} playbook={playbook} />}
      </header>
      {playbook.proposed && playbook.canEdit && <ProposedNotice community={community} playbook={playbook} />}
      {playbook.starter && (
        <div className={styles.meta}>
          <Badge appearance="tint" color="brand">
            {t("playbooks.starter")}
          </Badge>
        </div>
      )}
      {playbook.description && (
        <Body1 as="p" block className={styles.text}>
          {playbook.description}
        </Body1>
      )}
      <ProgressBar
        value={progress.total === 0 ? 0 : progress.done / progress.total}
        aria-label={t("playbooks.stepsLabel")}
        aria-valuetext={t("playbooks.progress", progress)}
      />
      <Body1 as="p" block className={styles.muted} aria-live="polite" data-testid="playbook-progress">
        {t("playbooks.progress", progress)}
      </Body1>
      {tick.error && <InlineError title={t("common.actionFailedTitle")} error={tick.error} />}
      <ol className={styles.list} aria-label={t("playbooks.stepsHeading")}>
        {playbook.items.map((item) => (
          <ContentCard
            as="li"
            size="large"
            key={item.entryId}
            className={styles.card}
            data-testid="playbook-step"
          >
            <div className={styles.step}>
              <Checkbox
                disabled={playbook.proposed !== undefined}
                checked={done.has(item.entryId)}
                aria-label={t("playbooks.markDone", { title: item.title })}
                onChange={(_e, data) => tick.set(item.entryId, data.checked === true)}
              />
              <div className={styles.stepBody}>
                <RouterLink href={entryPath(community.id, item.entryId)}>{item.title}</RouterLink>
                {item.note && (
                  <Body1 as="p" block className={styles.muted}>
                    {item.note}
                  </Body1>
                )}
              </div>
            </div>
          </ContentCard>
        ))}
      </ol>
    </article>
  );
}

/** A playbook a meeting proposed: only stewards see it, until one publishes it. */
function ProposedNotice({ community, playbook }: { community: Community; playbook: Playbook }) {
  const styles = usePlaybooksStyles();
  const { t } = useTranslation();
  const publish = usePublishPlaybook(community.id, playbook);
  return (
    <ContentCard as="section" className={styles.card} data-testid="playbook-proposed">
      <Body1 as="p" block>
        {t("playbooks.proposedBody")}
      </Body1>
      {publish.error && (
        <InlineError title={t("common.actionFailedTitle")} error={toApiError(publish.error)} />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={publish.isPending} onClick={() => publish.mutate()}>
          {t("playbooks.publish")}
        </Button>
      </div>
    </ContentCard>
  );
}

function StewardActions({ community, playbook }: { community: Community; playbook: Playbook }) {
  const styles = usePlaybooksStyles();
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeletePlaybook(community.id, playbook.id);
  return (
    <div className={styles.actions}>
      <Button icon={<EditRegular />} onClick={() => navigate(editPlaybookPath(playbook.id))}>
        {t("playbooks.edit")}
      </Button>
      <ConfirmDialog
        trigger={<Button icon={<DeleteRegular />}>{t("playbooks.delete")}</Button>}
        title={t("playbooks.deleteTitle")}
        confirmLabel={t("playbooks.delete")}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        pending={remove.isPending}
        error={remove.error ? toApiError(remove.error) : null}
        open={confirming}
        onOpenChange={(open) => {
          if (open) remove.reset();
          setConfirming(open);
        }}
        onClosed={() => {
          if (remove.isSuccess)
            navigate(playbooksPath, { state: { notice: "playbookDeleted" } satisfies PlaybooksPageNotice });
        }}
      >
        {t("playbooks.deleteBody")}
      </ConfirmDialog>
    </div>
  );
}
