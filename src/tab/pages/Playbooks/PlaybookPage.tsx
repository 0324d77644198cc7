import { Badge, Body1, Button, Caption1, Checkbox, ProgressBar, Title2 } from "@fluentui/react-components";
import { EditRegular } from "@fluentui/react-icons";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { toApiError } from "../../api/ApiError.js";
import type { Community } from "../../api/communities.js";
import { type Playbook, progressOf } from "../../api/playbooks.js";
import { ActionRow } from "../../components/ActionRow/ActionRow.js";
import { CommunityPage } from "../../components/CommunityPage.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { DeleteWithConfirm } from "../../components/DeleteWithConfirm/DeleteWithConfirm.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { MutedText } from "../../components/MutedText/MutedText.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import {
  useDeletePlaybook,
  usePlaybookTick,
  usePublishPlaybook,
} from "../../hooks/playbooks/usePlaybooks.js";
import { editPlaybookPath, entryPath, playbooksPath } from "../../routes.js";
import { LoadedPlaybook } from "./LoadedPlaybook.js";
import type { PlaybooksPageNotice } from "./PlaybooksPage.js";
import { usePlaybooksStyles } from "./usePlaybooksStyles.styles.js";

/** A playbook: its ordered steps, each linking to its entry, with the person's own ticks. */
export function PlaybookPage({ playbookId }: { playbookId: string }) {
  const { t } = useTranslation();
  return (
    <CommunityPage
      nav="playbooks"
      top={<RouterLink href={playbooksPath}>{t("playbooks.backToPlaybooks")}</RouterLink>}
    >
      {(loaded) => (
        <LoadedPlaybook communityId={loaded.id} playbookId={playbookId}>
          {(playbook) => <PlaybookView community={loaded} playbook={playbook} />}
        </LoadedPlaybook>
      )}
    </CommunityPage>
  );
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
                {item.note && <MutedText>{item.note}</MutedText>}
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
      <ActionRow>
        <Button appearance="primary" disabledFocusable={publish.isPending} onClick={() => publish.mutate()}>
          {t("playbooks.publish")}
        </Button>
      </ActionRow>
    </ContentCard>
  );
}

function StewardActions({ community, playbook }: { community: Community; playbook: Playbook }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const remove = useDeletePlaybook(community.id, playbook.id);
  return (
    <ActionRow>
      <Button icon={<EditRegular />} onClick={() => navigate(editPlaybookPath(playbook.id))}>
        {t("playbooks.edit")}
      </Button>
      <DeleteWithConfirm
        label={t("playbooks.delete")}
        title={t("playbooks.deleteTitle")}
        body={t("playbooks.deleteBody")}
        remove={remove}
        onDeleted={() =>
          navigate(playbooksPath, { state: { notice: "playbookDeleted" } satisfies PlaybooksPageNotice })
        }
      />
    </ActionRow>
  );
}
