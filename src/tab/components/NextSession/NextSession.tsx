import { Spinner, Subtitle2 } from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { getCommunityHome, homeKey } from "../../api/home.js";
import { useApiQuery } from "../../hooks/useApiQuery.js";
import { ContentCard } from "../ContentCard/ContentCard.js";
import { QueryFailed } from "../InlineError/QueryFailed.js";
import { MutedText } from "../MutedText/MutedText.js";
import { SessionSummary } from "../SessionSummary/SessionSummary.js";
import { useNextSessionStyles } from "./useNextSessionStyles.styles.js";

/** Props of {@link NextSession}. */
export interface NextSessionProps {
  communityId: string;
}

/**
 * The community's next session (time in the viewer's zone, join link), as the community home
 * lists it: the meeting views share the home's cached answer.
 */
export function NextSession({ communityId }: NextSessionProps) {
  const styles = useNextSessionStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const home = useApiQuery(homeKey(communityId), (api, signal) => getCommunityHome(api, communityId, signal));
  const next = home.data?.nextSessions[0];
  return (
    <ContentCard as="section" className={styles.root} aria-labelledby={headingId} data-testid="next-session">
      <Subtitle2 as="h2" block id={headingId} className={styles.heading}>
        {t("meeting.nextSessionHeading")}
      </Subtitle2>
      {home.error ? (
        <QueryFailed title={t("home.loadErrorTitle")} query={home} />
      ) : home.isPending ? (
        <Spinner size="tiny" label={t("common.loading")} />
      ) : next ? (
        <SessionSummary session={next} />
      ) : (
        <MutedText>{t("meeting.noNextSession")}</MutedText>
      )}
    </ContentCard>
  );
}
