import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { createCommunity, listCommunities } from "../../api/communities.js";
import { communityKey } from "../../api/libraryKeys.js";
import { describeApiError } from "../../components/ErrorState.js";
import { useApi } from "../../hooks/useApi.js";
import { useFirstViewReady } from "../../hooks/useFirstViewReady.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { onConfigSave, setConfigValid, tabConfigFor } from "../../teams/tabConfig.js";
import { type CommunityDraft, type ConfigMode, emptyDraft, isConfigValid, parseTags } from "./configModel.js";

/**
 * The configuration page's state: the communities to connect, the choice (create or connect), the
 * new community's draft, and Teams' Save (registered once, reading the latest choices): it creates
 * the community or connects the chosen one, and says why when that fails.
 */
export function useTabConfig() {
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

  const changeDraft = (next: CommunityDraft) => {
    setDraft(next);
    if (next.name !== draft.name || next.purpose !== draft.purpose) setShowIssues(false);
  };

  return {
    communities,
    items,
    canConnect,
    valid,
    mode,
    setMode,
    draft,
    changeDraft,
    showIssues,
    selectedId,
    setSelectedId,
    saveError,
    userId: context.user?.id ?? "",
  };
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
