import { useTranslation } from "react-i18next";
import { NoticeState } from "../../components/NoticeState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { useFirstViewReady } from "../../hooks/useFirstViewReady.js";

/** The tab's configuration page (placeholder: creating and connecting communities comes later). */
export function ConfigPage() {
  const { t } = useTranslation();
  useFirstViewReady();
  return (
    <PageLayout>
      <NoticeState title={t("pages.configTitle")} body={t("pages.configBody")} />
    </PageLayout>
  );
}
