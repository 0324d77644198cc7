import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import type { Playbook } from "../../api/playbooks.js";
import { ErrorState } from "../../components/ErrorState.js";
import { LoadingState } from "../../components/LoadingState.js";
import { NoticeState } from "../../components/NoticeState.js";
import { usePlaybook } from "../../hooks/playbooks/usePlaybooks.js";

/** Props of {@link LoadedPlaybook}. */
export interface LoadedPlaybookProps {
  communityId: string;
  playbookId: string;
  /** Renders the playbook once loaded (to read it, to edit it). */
  children: (playbook: Playbook) => ReactNode;
}

/** One playbook, loaded: while it loads, when it is gone (deleted, never there), when loading failed. */
export function LoadedPlaybook({ communityId, playbookId, children }: LoadedPlaybookProps) {
  const { t } = useTranslation();
  const playbook = usePlaybook(communityId, playbookId);
  const error = playbook.error ? toApiError(playbook.error) : null;
  if (playbook.data) return <>{children(playbook.data)}</>;
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
