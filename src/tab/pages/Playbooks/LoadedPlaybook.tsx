import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Playbook } from "../../api/playbooks.js";
import { LoadedQuery } from "../../components/LoadedQuery/LoadedQuery.js";
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
  return (
    <LoadedQuery
      query={playbook}
      loadingLabel={t("playbooks.loading")}
      errorTitle={t("playbooks.loadErrorTitle")}
      notFound={{ title: t("playbooks.notFoundTitle"), body: t("playbooks.notFoundBody") }}
    >
      {children}
    </LoadedQuery>
  );
}
