import { Skeleton, SkeletonItem } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ContentCard } from "../ContentCard/ContentCard.js";
import { useSearchResultsStyles } from "./useSearchResultsStyles.styles.js";

/** Three placeholder cards while the first results load, announced once as "Loading entries…". */
export function ResultsSkeleton() {
  const styles = useSearchResultsStyles();
  const { t } = useTranslation();
  return (
    <div role="status" aria-label={t("library.loadingResults")} data-testid="results-skeleton">
      <ul className={styles.list} aria-hidden="true">
        {[0, 1, 2].map((key) => (
          <ContentCard as="li" key={key} size="large" className={styles.card}>
            <Skeleton className={styles.skeleton}>
              <SkeletonItem size={16} style={{ width: "30%" }} />
              <SkeletonItem size={20} style={{ width: "70%" }} />
              <SkeletonItem size={12} />
              <SkeletonItem size={12} style={{ width: "85%" }} />
            </Skeleton>
          </ContentCard>
        ))}
      </ul>
    </div>
  );
}
