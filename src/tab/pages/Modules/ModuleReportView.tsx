import { Body1, Caption1, Subtitle2 } from "@fluentui/react-components";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { getModuleReport } from "../../api/modules.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { useApi } from "../../hooks/useApi.js";
import { useModulesStyles } from "./useModulesStyles.styles.js";

/**
 * How useful people found a module, for its stewards: how many rated it, how many gave each
 * number, and the average once there are enough ratings that nobody's can be recognised.
 */
export function ModuleReportView({ communityId, moduleId }: { communityId: string; moduleId: string }) {
  const styles = useModulesStyles();
  const { t, i18n } = useTranslation();
  const api = useApi();
  const headingId = useId();
  const report = useQuery({
    queryKey: ["module-report", communityId, moduleId],
    queryFn: ({ signal }) => getModuleReport(api, communityId, moduleId, signal),
  });
  if (report.error)
    return <InlineError title={t("modules.reportErrorTitle")} error={toApiError(report.error)} />;
  if (!report.data) return null;
  const { count, sessions, distribution, average, minimumForAverage } = report.data;
  return (
    <section aria-labelledby={headingId} data-testid="module-report">
      <Subtitle2 as="h3" block id={headingId} className={styles.heading}>
        {t("modules.reportHeading")}
      </Subtitle2>
      <Body1 as="p" block className={styles.text}>
        {t("modules.reportCount", { count, sessions })}
      </Body1>
      <Body1 as="p" block className={styles.text} data-testid="module-average">
        {average !== undefined
          ? t("modules.reportAverage", {
              average: average.toLocaleString(i18n.language, { maximumFractionDigits: 1 }),
            })
          : t("modules.reportTooFew", { minimum: minimumForAverage })}
      </Body1>
      {count > 0 && (
        <ul className={styles.bars} aria-label={t("modules.reportDistribution")}>
          {distribution.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the position is the rating (1–5)
            <li key={i}>
              <Caption1>{t("modules.reportRow", { rating: i + 1, count: n })}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
