import { useTranslation } from "react-i18next";
import { NoticeState } from "../../components/NoticeState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { useFirstViewReady } from "../../hooks/useFirstViewReady.js";

/** The personal tab "My learning" (placeholder until entries, sessions and commitments exist). */
export function MyLearningPage() {
  const { t } = useTranslation();
  useFirstViewReady();
  return (
    <PageLayout>
      <NoticeState title={t("pages.personalTitle")} body={t("pages.personalBody")} />
    </PageLayout>
  );
}
