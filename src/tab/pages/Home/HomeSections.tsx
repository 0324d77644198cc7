import { Skeleton, SkeletonItem } from "@fluentui/react-components";
import { useLayoutEffect } from "react";
import { useTranslation } from "react-i18next";
import { getCommunityHome, homeKey } from "../../api/home.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { QueryFailed } from "../../components/InlineError/QueryFailed.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { ListCard } from "../../components/SectionCard/ListCard.js";
import { SectionCard } from "../../components/SectionCard/SectionCard.js";
import { SessionSummary } from "../../components/SessionSummary/SessionSummary.js";
import { useApiQuery } from "../../hooks/useApiQuery.js";
import { calendarPath, libraryPath } from "../../routes.js";
import { markStartup } from "../../startupMarks.js";
import { EntryList } from "./EntryList.js";
import { FollowThroughCard } from "./FollowThroughCard.js";
import { NewcomerPathway } from "./NewcomerPathway.js";
import { NaturalTeachers, WhoToAsk } from "./PeopleSections.js";
import { useHomePageStyles } from "./useHomePageStyles.styles.js";

/** The home's sections below the overview: sessions, entries, people and the newcomer pathway. */
export function HomeSections({ communityId }: { communityId: string }) {
  const styles = useHomePageStyles();
  const { t } = useTranslation();
  const home = useApiQuery(homeKey(communityId), (api, signal) => getCommunityHome(api, communityId, signal));
  const shown = home.data !== undefined;
  useLayoutEffect(() => {
    if (shown) markStartup("home-content");
  }, [shown]);

  if (home.isPending) {
    return (
      <div className={styles.grid} aria-busy="true">
        <span className={styles.muted} role="status">
          {t("home.loading")}
        </span>
        {[0, 1, 2, 3].map((card) => (
          <ContentCard key={card} size="large" className={styles.card} aria-hidden>
            <Skeleton className={styles.card}>
              <SkeletonItem size={20} />
              <SkeletonItem size={16} />
              <SkeletonItem size={16} />
            </Skeleton>
          </ContentCard>
        ))}
      </div>
    );
  }
  if (home.error) {
    return <QueryFailed title={t("home.loadErrorTitle")} query={home} />;
  }
  const data = home.data;
  return (
    <div className={styles.grid}>
      <ListCard
        title={t("home.nextSessionsHeading")}
        items={data.nextSessions}
        empty={t("home.nextSessionsEmpty")}
        testId="next-sessions"
        keyOf={(session) => session.id}
        footer={<RouterLink href={calendarPath}>{t("home.openCalendar")}</RouterLink>}
      >
        {(session) => <SessionSummary session={session} />}
      </ListCard>
      {data.newcomer.isNewcomer && <NewcomerPathway pathway={data.newcomer} />}
      <SectionCard
        title={t("home.recentHeading")}
        empty={data.recentEntries.length === 0 && t("home.recentEmpty")}
        testId="recent-entries"
      >
        <EntryList communityId={communityId} entries={data.recentEntries} />
        <RouterLink href={libraryPath}>{t("community.openLibrary")}</RouterLink>
      </SectionCard>
      <SectionCard
        title={t("home.helpfulHeading")}
        empty={data.helpfulEntries.length === 0 && t("home.helpfulEmpty")}
        testId="helpful-entries"
      >
        <EntryList communityId={communityId} entries={data.helpfulEntries} />
      </SectionCard>
      <SectionCard
        title={t("home.questionsHeading")}
        empty={
          data.openQuestions.length === 0 &&
          (data.questionsAsked > 0 ? t("home.questionsEmpty") : t("home.questionsNone"))
        }
        testId="open-questions"
      >
        <EntryList communityId={communityId} entries={data.openQuestions} />
      </SectionCard>
      <WhoToAsk home={data} />
      <NaturalTeachers home={data} />
      <FollowThroughCard followThrough={data.followThrough} />
    </div>
  );
}
