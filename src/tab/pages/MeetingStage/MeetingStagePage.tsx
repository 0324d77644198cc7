import { Body2, LargeTitle, Subtitle1 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Community } from "../../api/communities.js";
import { CommunityPage } from "../../components/CommunityPage.js";
import { CompactLibrarySearch } from "../../components/CompactLibrarySearch/CompactLibrarySearch.js";
import { LoadingState } from "../../components/LoadingState.js";
import { NextSession } from "../../components/NextSession/NextSession.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { useMeetingActivity } from "../MeetingPanel/useMeetingActivity.js";
import { StageActivity } from "./StageActivity.js";
import { useMeetingStageStyles } from "./useMeetingStageStyles.styles.js";

/** The stage polls every second, so a newly shared insight is on the wall within 2 s. */
const STAGE_POLL_MS = 1_000;

/**
 * The meeting stage (about 994×678): the meeting's think-pair-share while one is set up, running
 * or just ended; otherwise the community's name, its next session and a library search.
 */
export function MeetingStagePage() {
  const { context } = useTeamsContext();
  const conversationId = context.chat?.id;
  return (
    <CommunityPage>
      {(loaded) =>
        conversationId ? (
          <MeetingStage community={loaded} conversationId={conversationId} />
        ) : (
          <CommunityStage community={loaded} />
        )
      }
    </CommunityPage>
  );
}

function MeetingStage({ community, conversationId }: { community: Community; conversationId: string }) {
  const { t } = useTranslation();
  const { query } = useMeetingActivity(conversationId, { intervalMs: STAGE_POLL_MS });
  if (query.isPending) return <LoadingState label={t("activity.loading")} />;
  const view = query.data?.snapshot.activity;
  // Without an activity (or when it cannot be loaded) the stage still shows the community.
  if (!view) return <CommunityStage community={community} />;
  return (
    <StageActivity
      view={view}
      communityName={community.name}
      clockOffsetMs={query.data?.clockOffsetMs ?? 0}
    />
  );
}

/** The community's name, purpose, next session and a library search. */
function CommunityStage({ community }: { community: Community }) {
  const styles = useMeetingStageStyles();
  const { t } = useTranslation();
  return (
    <section className={styles.stage} aria-labelledby="stage-title">
      <Subtitle1 as="p" block className={styles.text}>
        {t("pages.meetingStageHeading")}
      </Subtitle1>
      <LargeTitle as="h1" block id="stage-title" className={styles.text}>
        {community.name}
      </LargeTitle>
      <Body2 as="p" block className={styles.text}>
        {community.purpose}
      </Body2>
      <Body2 as="p" block className={styles.text}>
        {t("pages.meetingStagePlaceholder")}
      </Body2>
      <div className={styles.columns}>
        <NextSession communityId={community.id} />
        <CompactLibrarySearch communityId={community.id} limit={8} />
      </div>
    </section>
  );
}
