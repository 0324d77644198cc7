import { Body1, Caption1, Title2 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Community } from "../../api/communities.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { StewardsPage } from "../../components/StewardsPage.js";
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
  const { t } = useTranslation();
  return (
    <StewardsPage
      nav="library"
      notStewards={{
        title: t("removalRequests.stewardsOnlyTitle"),
        body: t("removalRequests.stewardsOnlyBody"),
        back: { href: libraryPath, label: t("removalRequests.backToLibrary") },
      }}
    >
      {(community) => <RemovalRequests community={community} />}
    </StewardsPage>
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
