import { Body1, Caption1, Title2 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Community } from "../../api/communities.js";
import { CommunityGate } from "../../components/CommunityGate.js";
import { NoticeState } from "../../components/NoticeState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { TabNav } from "../../components/TabNav/TabNav.js";
import { useCommunity } from "../../hooks/useCommunity.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { libraryPath } from "../../routes.js";
import { RemovalDecisionMessages } from "./RemovalDecisionMessages.js";
import { RemovalRequestList } from "./RemovalRequestList.js";
import { useRemovalRequestsStyles } from "./useRemovalRequestsStyles.styles.js";
import { useRemovalReview } from "./useRemovalReview.js";

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
  const review = useRemovalReview(community.id);

  return (
    <section className={styles.root} aria-labelledby={review.headingId}>
      <RouterLink href={libraryPath}>{t("removalRequests.backToLibrary")}</RouterLink>
      <header>
        <Title2 as="h1" block id={review.headingId} tabIndex={-1} className={styles.heading}>
          {t("removalRequests.title")}
        </Title2>
        <Caption1 as="p" block className={styles.community}>
          {community.name}
        </Caption1>
      </header>
      <Body1 as="p" block className={styles.intro}>
        {t("removalRequests.intro")}
      </Body1>
      <RemovalDecisionMessages
        done={review.done}
        onDismissDone={review.dismissDone}
        failures={review.failures}
      />
      <RemovalRequestList community={community} requests={review.requests} onDecide={review.decide} />
    </section>
  );
}
