import { Body1, MessageBar, MessageBarBody, Radio, Title3 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { ErrorState } from "../../components/ErrorState.js";
import { LoadingState } from "../../components/LoadingState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { ConnectCommunityList } from "./ConnectCommunityList.js";
import { CreateCommunityForm } from "./CreateCommunityForm.js";
import { HeadedRadioGroup } from "./HeadedRadioGroup.js";
import { useConfigPageStyles } from "./useConfigPageStyles.styles.js";
import { useTabConfig } from "./useTabConfig.js";

/**
 * The tab's configuration page (Teams' settings frame, in a channel, group chat or meeting):
 * create a community for this place or connect an existing one. Teams' own Save button saves it
 * (`pages.config`); reopening the settings preselects the connected community.
 */
export function ConfigPage() {
  const styles = useConfigPageStyles();
  const { t } = useTranslation();
  const { communities, items, canConnect, valid, mode, draft, showIssues, selectedId, saveError, ...config } =
    useTabConfig();

  if (communities.isPending) {
    return (
      <PageLayout>
        <LoadingState label={t("config.loading")} />
      </PageLayout>
    );
  }
  if (communities.error) {
    return (
      <PageLayout>
        <ErrorState
          title={t("config.loadErrorTitle")}
          error={toApiError(communities.error)}
          onRetry={() => void communities.refetch()}
        />
      </PageLayout>
    );
  }

  return (
    <PageLayout>
      <div className={styles.page}>
        <Title3 as="h1" block className={styles.heading}>
          {t("config.title")}
        </Title3>
        <Body1 as="p" block className={styles.text}>
          {t("config.intro")}
        </Body1>
        <HeadedRadioGroup
          heading={t("config.modeLabel")}
          value={mode}
          onChange={(value) => config.setMode(value === "connect" ? "connect" : "create")}
        >
          <Radio value="create" label={t("config.modeCreate")} />
          <Radio value="connect" label={t("config.modeConnect")} disabled={!canConnect} />
        </HeadedRadioGroup>
        {mode === "create" ? (
          <section aria-label={t("config.modeCreate")}>
            <CreateCommunityForm
              draft={draft}
              onChange={config.changeDraft}
              showIssues={showIssues}
              userId={config.userId}
            />
          </section>
        ) : (
          <ConnectCommunityList communities={items} selectedId={selectedId} onSelect={config.setSelectedId} />
        )}
        <Body1 as="p" block className={styles.muted} role="status">
          {valid ? t("config.readyToSave") : t("config.notReady")}
        </Body1>
        {saveError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t("config.saveFailed", { reason: saveError })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </PageLayout>
  );
}
