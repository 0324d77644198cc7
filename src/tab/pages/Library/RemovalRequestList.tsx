import { Button, Caption1, Skeleton, SkeletonItem } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Community } from "../../api/communities.js";
import type { RemovalRequest } from "../../api/library.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { NoticeState } from "../../components/NoticeState.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import type { RemovalDecision, useRemovalRequests } from "../../hooks/library/useRemovalRequests.js";
import { libraryPath } from "../../routes.js";
import { RemovalRequestCard } from "./RemovalRequestCard.js";
import { useRemovalRequestsStyles } from "./useRemovalRequestsStyles.styles.js";

type RemovalRequests = ReturnType<typeof useRemovalRequests>;

/** The requests, newest first, with the states of loading them (skeleton, error, empty, more). */
export function RemovalRequestList({
  community,
  requests,
  onDecide,
}: {
  community: Community;
  requests: RemovalRequests;
  onDecide: (request: RemovalRequest, decision: RemovalDecision) => void;
}) {
  const styles = useRemovalRequestsStyles();
  const { t } = useTranslation();

  if (requests.isLoading) return <RequestsSkeleton />;
  if (requests.error && requests.items.length === 0) {
    return (
      <InlineError
        title={t("removalRequests.loadErrorTitle")}
        error={requests.error}
        onRetry={requests.retry}
      />
    );
  }
  if (requests.items.length === 0) {
    return (
      <NoticeState
        level="section"
        title={t("removalRequests.emptyTitle")}
        body={t("removalRequests.emptyBody")}
        testId="removal-requests-empty"
        action={<RouterLink href={libraryPath}>{t("removalRequests.backToLibrary")}</RouterLink>}
      />
    );
  }
  return (
    <>
      <Caption1>{t("removalRequests.count", { count: requests.total ?? requests.items.length })}</Caption1>
      <ul className={styles.list} aria-label={t("removalRequests.listLabel")}>
        {requests.items.map((request) => (
          <li key={request.entryId}>
            <RemovalRequestCard communityId={community.id} request={request} onDecide={onDecide} />
          </li>
        ))}
      </ul>
      {requests.error && (
        <InlineError
          title={t("removalRequests.loadErrorTitle")}
          error={requests.error}
          onRetry={requests.retry}
        />
      )}
      {requests.hasMore && (
        <Button
          className={styles.more}
          onClick={requests.loadMore}
          disabledFocusable={requests.isLoadingMore}
        >
          {requests.isLoadingMore ? t("removalRequests.loadingMore") : t("removalRequests.loadMore")}
        </Button>
      )}
    </>
  );
}

/** Two placeholder cards while the first page loads, announced once. */
function RequestsSkeleton() {
  const styles = useRemovalRequestsStyles();
  const { t } = useTranslation();
  return (
    <div role="status" aria-label={t("removalRequests.loading")} data-testid="removal-requests-skeleton">
      <ul className={styles.list} aria-hidden="true">
        {[0, 1].map((key) => (
          <ContentCard as="li" key={key} size="large" className={styles.card}>
            <Skeleton className={styles.skeleton}>
              <SkeletonItem size={16} style={{ width: "25%" }} />
              <SkeletonItem size={20} style={{ width: "70%" }} />
              <SkeletonItem size={12} style={{ width: "50%" }} />
              <SkeletonItem size={32} style={{ width: "40%" }} />
            </Skeleton>
          </ContentCard>
        ))}
      </ul>
    </div>
  );
}
