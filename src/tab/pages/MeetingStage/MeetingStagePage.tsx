import { Body2, LargeTitle, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { CommunityGate } from "../../components/CommunityGate.js";
import { CompactLibrarySearch } from "../../components/CompactLibrarySearch/CompactLibrarySearch.js";
import { NextSession } from "../../components/NextSession/NextSession.js";
import { PageLayout } from "../../components/PageLayout.js";
import { useCommunity } from "../../hooks/useCommunity.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";

const useStyles = makeStyles({
  stage: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    paddingBlock: tokens.spacingVerticalXXL,
  },
  text: { margin: 0 },
  columns: {
    display: "grid",
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 320px), 1fr))",
    alignItems: "start",
  },
});

/**
 * The meeting stage (about 994×678): the community's name, its next session and a library search,
 * ready for the activities' live wall.
 */
export function MeetingStagePage() {
  const styles = useStyles();
  const { context } = useTeamsContext();
  const { t } = useTranslation();
  const community = useCommunity(context.page.id || undefined);

  return (
    <PageLayout>
      <CommunityGate result={community}>
        {(loaded) => (
          <section className={styles.stage} aria-labelledby="stage-title">
            <Subtitle1 as="p" className={styles.text}>
              {t("pages.meetingStageHeading")}
            </Subtitle1>
            <LargeTitle as="h1" id="stage-title" className={styles.text}>
              {loaded.name}
            </LargeTitle>
            <Body2 as="p" className={styles.text}>
              {loaded.purpose}
            </Body2>
            <Body2 as="p" className={styles.text}>
              {t("pages.meetingStagePlaceholder")}
            </Body2>
            <div className={styles.columns}>
              <NextSession communityId={loaded.id} />
              <CompactLibrarySearch communityId={loaded.id} limit={8} />
            </div>
          </section>
        )}
      </CommunityGate>
    </PageLayout>
  );
}
