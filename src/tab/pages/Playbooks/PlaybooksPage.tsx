import { Badge, Body1, Button, Caption1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useHistoryState } from "wouter/use-browser-location";
import { toApiError } from "../../api/ApiError.js";
import { progressOf } from "../../api/playbooks.js";
import { type CommunityContentProps, communityPage } from "../../components/CommunityPage.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { ListOrEmpty } from "../../components/ListOrEmpty/ListOrEmpty.js";
import { LoadingState } from "../../components/LoadingState.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { TitledPage } from "../../components/TitledPage/TitledPage.js";
import { usePlaybookList } from "../../hooks/playbooks/usePlaybooks.js";
import { newPlaybookPath, playbookPath } from "../../routes.js";
import { usePlaybooksStyles } from "./usePlaybooksStyles.styles.js";

/** What another page may tell the list as it navigates here. */
export interface PlaybooksPageNotice {
  notice?: "playbookDeleted";
}

/** The community's playbooks with the person's own progress; stewards compile new ones here. */
export const PlaybooksPage = communityPage("playbooks", PlaybookList);

function PlaybookList({ community }: CommunityContentProps) {
  const styles = usePlaybooksStyles();
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const history = useHistoryState<PlaybooksPageNotice | null>();
  const playbooks = usePlaybookList(community.id);
  const error = playbooks.error ? toApiError(playbooks.error) : null;

  return (
    <TitledPage
      title={t("playbooks.title")}
      actions={
        community.isSteward && (
          <Button appearance="primary" icon={<AddRegular />} onClick={() => navigate(newPlaybookPath)}>
            {t("playbooks.compose")}
          </Button>
        )
      }
    >
      {history?.notice === "playbookDeleted" && (
        <MessageBar intent="success">
          <MessageBarBody>{t("playbooks.deleted")}</MessageBarBody>
        </MessageBar>
      )}
      {playbooks.data ? (
        <ListOrEmpty
          items={playbooks.data}
          empty={t("playbooks.empty")}
          className={styles.list}
          testId="playbook-list"
        >
          {(playbook) => {
            const progress = progressOf(playbook);
            return (
              <ContentCard as="li" size="large" key={playbook.id} className={styles.card}>
                <RouterLink href={playbookPath(playbook.id)}>{playbook.title}</RouterLink>
                {playbook.description && (
                  <Body1 as="p" block className={styles.text}>
                    {playbook.description}
                  </Body1>
                )}
                <div className={styles.meta}>
                  {playbook.proposed && (
                    <Badge appearance="tint" color="warning" data-testid="playbook-proposed-badge">
                      {t("playbooks.proposed")}
                    </Badge>
                  )}
                  {playbook.starter && (
                    <Badge appearance="tint" color="brand">
                      {t("playbooks.starter")}
                    </Badge>
                  )}
                  <Caption1 className={styles.muted} data-testid="playbook-progress">
                    {t("playbooks.progress", progress)}
                  </Caption1>
                </div>
              </ContentCard>
            );
          }}
        </ListOrEmpty>
      ) : error ? (
        <InlineError
          title={t("playbooks.loadErrorTitle")}
          error={error}
          onRetry={() => void playbooks.refetch()}
        />
      ) : (
        <LoadingState label={t("playbooks.loading")} />
      )}
    </TitledPage>
  );
}
