import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Subtitle1,
  Title2,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Community } from "../../api/communities.js";
import type { RemovalRequest } from "../../api/library.js";
import { CommunityGate } from "../../components/CommunityGate.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { describeApiError } from "../../components/ErrorState.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { NoticeState } from "../../components/NoticeState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { TabNav } from "../../components/TabNav/TabNav.js";
import {
  type RemovalDecision,
  type RemovalDecisionOutcome,
  useRemovalRequests,
} from "../../hooks/library/useRemovalRequests.js";
import { useCommunity } from "../../hooks/useCommunity.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { libraryPath } from "../../routes.js";
import { RemovalRequestCard } from "./RemovalRequestCard.js";
import { useRemovalRequestsStyles } from "./useRemovalRequestsStyles.styles.js";

/**
 * The stewards' review of removal requests (`/tab/library/removal-requests`): entries whose original
 * authors asked for their removal, newest first, each to delete or keep.
 */
export function RemovalRequestsPage() {
  const { context } = useTeamsContext();
  const { t } = useTranslation();
  const community = useCommunity(context.page.id || undefined);
  return (
    <PageLayout>
      <TabNav current="library" />
      <CommunityGate result={community}>
        {(loaded) =>
          loaded.isSteward ? (
            <RemovalRequests community={loaded} />
          ) : (
            <NoticeState
              title={t("removalRequests.stewardsOnlyTitle")}
              body={t("removalRequests.stewardsOnlyBody")}
              action={<RouterLink href={libraryPath}>{t("removalRequests.backToLibrary")}</RouterLink>}
            />
          )
        }
      </CommunityGate>
    </PageLayout>
  );
}

function RemovalRequests({ community }: { community: Community }) {
  const styles = useRemovalRequestsStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const [done, setDone] = useState<string>("");
  const [failures, setFailures] = useState<Extract<RemovalDecisionOutcome, { ok: false }>[]>([]);

  const onDecided = useCallback(
    (outcome: RemovalDecisionOutcome) => {
      const { request, decision } = outcome;
      setFailures((current) => [
        ...current.filter((f) => f.request.entryId !== request.entryId),
        ...(outcome.ok ? [] : [outcome]),
      ]);
      if (outcome.ok)
        setDone(
          t(decision === "delete" ? "removalRequests.deleted" : "removalRequests.kept", {
            title: request.title,
          }),
        );
    },
    [t],
  );
  const requests = useRemovalRequests(community.id, onDecided);

  const decide = (request: RemovalRequest, decision: RemovalDecision) => {
    setDone("");
    requests.decide(request, decision);
    // The card is gone: give focus a place to land that keeps the person in the list.
    document.getElementById(headingId)?.focus();
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <RouterLink href={libraryPath}>{t("removalRequests.backToLibrary")}</RouterLink>
      <header>
        <Title2 as="h1" block id={headingId} tabIndex={-1} className={styles.heading}>
          {t("removalRequests.title")}
        </Title2>
        <Caption1 as="p" block className={styles.community}>
          {community.name}
        </Caption1>
      </header>
      <Body1 as="p" block className={styles.intro}>
        {t("removalRequests.intro")}
      </Body1>

      <div role="status">
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  aria-label={t("common.close")}
                  icon={<DismissRegular />}
                  onClick={() => setDone("")}
                />
              }
            />
          </MessageBar>
        )}
      </div>
      {failures.map(({ request, decision, error }) => (
        <div role="alert" key={request.entryId}>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {t(decision === "delete" ? "removalRequests.deleteFailed" : "removalRequests.keepFailed", {
                  title: request.title,
                })}
              </MessageBarTitle>{" "}
              {describeApiError(error, t)} {t("removalRequests.tryAgain")}
            </MessageBarBody>
          </MessageBar>
        </div>
      ))}

      <RequestList community={community} requests={requests} onDecide={decide} />
    </section>
  );
}

function RequestList({
  community,
  requests,
  onDecide,
}: {
  community: Community;
  requests: ReturnType<typeof useRemovalRequests>;
  onDecide: (request: RemovalRequest, decision: RemovalDecision) => void;
}) {
  const styles = useRemovalRequestsStyles();
  const { t } = useTranslation();
  const emptyId = useId();

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
      <section className={styles.empty} aria-labelledby={emptyId} data-testid="removal-requests-empty">
        <Subtitle1 as="h2" block id={emptyId} className={styles.emptyHeading}>
          {t("removalRequests.emptyTitle")}
        </Subtitle1>
        <Body1 as="p" block className={styles.emptyBody}>
          {t("removalRequests.emptyBody")}
        </Body1>
        <RouterLink href={libraryPath}>{t("removalRequests.backToLibrary")}</RouterLink>
      </section>
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
