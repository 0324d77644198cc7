import {
  Body1,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Title3,
} from "@fluentui/react-components";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { createCommunity, listCommunities } from "../../api/communities.js";
import { communityKey } from "../../api/libraryKeys.js";
import { describeApiError, ErrorState } from "../../components/ErrorState.js";
import { LoadingState } from "../../components/LoadingState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { useApi } from "../../hooks/useApi.js";
import { useFirstViewReady } from "../../hooks/useFirstViewReady.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { onConfigSave, setConfigValid, tabConfigFor } from "../../teams/tabConfig.js";
import { ConnectCommunityList } from "./ConnectCommunityList.js";
import { CreateCommunityForm } from "./CreateCommunityForm.js";
import { type CommunityDraft, type ConfigMode, emptyDraft, isConfigValid, parseTags } from "./configModel.js";
import { useConfigPageStyles } from "./useConfigPageStyles.styles.js";

/**
 * The tab's configuration page (Teams' settings frame, in a channel, group chat or meeting):
 * create a community for this place or connect an existing one. Teams' own Save button saves it
 * (`pages.config`); reopening the settings preselects the connected community.
 */
export function ConfigPage() {
  const styles = useConfigPageStyles();
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { context } = useTeamsContext();
  const currentId = context.page.id ?? "";
  const communities = useQuery({
    queryKey: ["communities"],
    queryFn: ({ signal }) => listCommunities(api, signal),
  });
  const [mode, setMode] = useState<ConfigMode>(currentId ? "connect" : "create");
  const [draft, setDraft] = useState<CommunityDraft>(emptyDraft);
  const [selectedId, setSelectedId] = useState(currentId);
  const [showIssues, setShowIssues] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const modeLabelId = useId();
  const listLabelId = useId();
  useFirstViewReady(!communities.isPending);

  const items = communities.data ?? [];
  const canConnect = items.length > 0;
  const valid = isConfigValid(mode, draft, selectedId);

  // The save handler is registered once; it reads the latest choices through this ref.
  const latest = useRef({ mode, draft, selectedId, items });
  latest.current = { mode, draft, selectedId, items };

  useEffect(() => setConfigValid(valid), [valid]);

  useEffect(() => {
    onConfigSave(
      async () => {
        setSaveError(null);
        const now = latest.current;
        if (now.mode === "connect") {
          const chosen = now.items.find((community) => community.id === now.selectedId);
          return tabConfigFor(now.selectedId, chosen?.name ?? t("common.appName"));
        }
        const created = await createCommunity(api, {
          name: now.draft.name.trim(),
          purpose: now.draft.purpose.trim(),
          domain: now.draft.domain.trim(),
          tags: parseTags(now.draft.tags),
          privacy: now.draft.privacy,
          stewards: now.draft.stewards,
          ...placeOf(context),
        });
        queryClient.setQueryData(communityKey(created.id), created);
        return tabConfigFor(created.id, created.name);
      },
      (error) => {
        setShowIssues(true);
        setSaveError(describeApiError(toApiError(error), t));
      },
    );
  }, [api, context, queryClient, t]);

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
        <Subtitle2 as="h2" block id={modeLabelId} className={styles.heading}>
          {t("config.modeLabel")}
        </Subtitle2>
        <RadioGroup
          aria-labelledby={modeLabelId}
          value={mode}
          onChange={(_e, data) => setMode(data.value === "connect" ? "connect" : "create")}
        >
          <Radio value="create" label={t("config.modeCreate")} />
          <Radio value="connect" label={t("config.modeConnect")} disabled={!canConnect} />
        </RadioGroup>
        {mode === "create" ? (
          <section aria-label={t("config.modeCreate")}>
            <CreateCommunityForm
              draft={draft}
              onChange={(next) => {
                setDraft(next);
                if (next.name !== draft.name || next.purpose !== draft.purpose) setShowIssues(false);
              }}
              showIssues={showIssues}
              userId={context.user?.id ?? ""}
            />
          </section>
        ) : (
          <section aria-labelledby={listLabelId}>
            <Subtitle2 as="h2" block id={listLabelId} className={styles.heading}>
              {t("config.connectHeading")}
            </Subtitle2>
            <ConnectCommunityList
              communities={items}
              selectedId={selectedId}
              onSelect={setSelectedId}
              labelledBy={listLabelId}
            />
          </section>
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

/** Where the tab lives: the team and channel, or the chat (group chats and meetings have no channel). */
function placeOf(context: ReturnType<typeof useTeamsContext>["context"]): {
  teamId?: string;
  channelId?: string;
} {
  const teamId = context.team?.internalId;
  const channelId = context.channel?.id ?? context.chat?.id;
  return { ...(teamId ? { teamId } : {}), ...(channelId ? { channelId } : {}) };
}
