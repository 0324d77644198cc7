import { useTranslation } from "react-i18next";
import { NoticeState } from "../../components/NoticeState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { useFirstViewReady } from "../../hooks/useFirstViewReady.js";

/** Shown for a `/tab/...` path the tab does not know, with a way back to the community home. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useFirstViewReady();
  return (
    <PageLayout>
      <NoticeState
        title={t("pages.notFoundTitle")}
        body={t("pages.notFoundBody")}
        action={<RouterLink href="/tab/home">{t("pages.openHome")}</RouterLink>}
      />
    </PageLayout>
  );
}
