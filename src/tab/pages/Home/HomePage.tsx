import { Body1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { CommunityGate } from "../../components/CommunityGate.js";
import { CommunityOverview } from "../../components/CommunityOverview/CommunityOverview.js";
import { PageLayout } from "../../components/PageLayout.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { useCommunity } from "../../hooks/useCommunity.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { libraryPath } from "../../routes.js";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  library: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  text: { margin: 0 },
});

/** The community home: the community this channel tab is connected to (its entity id). */
export function HomePage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const libraryHeadingId = useId();
  const { context } = useTeamsContext();
  const community = useCommunity(context.page.id || undefined);

  return (
    <PageLayout>
      <CommunityGate result={community}>
        {(loaded) => (
          <div className={styles.page}>
            <CommunityOverview
              community={loaded}
              membership={community.membership}
              onJoin={community.join}
              onLeave={community.leave}
            />
            <section className={styles.library} aria-labelledby={libraryHeadingId}>
              <Subtitle1 as="h2" id={libraryHeadingId} className={styles.text}>
                {t("community.libraryHeading")}
              </Subtitle1>
              <Body1 as="p" className={styles.text}>
                {t("community.libraryBody")}
              </Body1>
              <RouterLink href={libraryPath}>{t("community.openLibrary")}</RouterLink>
            </section>
          </div>
        )}
      </CommunityGate>
    </PageLayout>
  );
}
