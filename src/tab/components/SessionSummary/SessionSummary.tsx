import { Badge, Caption1, Link } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Session } from "../../api/sessions.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { sessionPath } from "../../routes.js";
import { isWebUrl } from "../../teams/webUrl.js";
import { RouterLink } from "../RouterLink/RouterLink.js";
import { formatSessionStart } from "./sessionTime.js";
import { useSessionSummaryStyles } from "./useSessionSummaryStyles.styles.js";

/** Props of {@link SessionSummary}. */
export interface SessionSummaryProps {
  session: Session;
  /** Link the title to the session's detail in the calendar. @default true */
  linkToDetail?: boolean;
}

/** A session in one or two lines: title, format, time in the viewer's zone, join link. */
export function SessionSummary({ session, linkToDetail = true }: SessionSummaryProps) {
  const styles = useSessionSummaryStyles();
  const { t } = useTranslation();
  const { locale } = useTeamsContext();
  return (
    <div className={styles.root}>
      {linkToDetail ? (
        <RouterLink href={sessionPath(session.communityId, session.id)}>{session.title}</RouterLink>
      ) : (
        <span>{session.title}</span>
      )}
      <div className={styles.row}>
        <Caption1 className={styles.meta}>
          <time dateTime={session.startsAt}>{formatSessionStart(session.startsAt, locale)}</time>
          {" · "}
          {t(`formats.${session.format}`)}
        </Caption1>
        {session.cancelled && (
          <Badge appearance="tint" color="danger">
            {t("calendar.cancelled")}
          </Badge>
        )}
        {session.joinUrl && isWebUrl(session.joinUrl) && !session.cancelled && (
          <Link href={session.joinUrl} target="_blank" rel="noopener noreferrer">
            {t("calendar.join")}
          </Link>
        )}
      </div>
    </div>
  );
}
