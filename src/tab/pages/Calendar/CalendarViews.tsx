import { Badge, Body1, Caption1Strong, mergeClasses, Subtitle2 } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Session } from "../../api/sessions.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { SessionSummary } from "../../components/SessionSummary/SessionSummary.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { sessionPath } from "../../routes.js";
import { type DayKey, monthGrid, parseDayKey, weekDays } from "./calendarModel.js";
import { useCalendarStyles } from "./useCalendarStyles.styles.js";

/** Formats a day key in the viewer's locale (the key is a plain date: formatted in UTC). */
function dayLabel(key: DayKey, locale: string, options: Intl.DateTimeFormatOptions): string {
  const { year, month, day } = parseDayKey(key);
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(
    Date.UTC(year, month - 1, day),
  );
}

/** A key that tells occurrences of one series apart. */
const keyOf = (session: Session) => `${session.id}@${session.occurrence?.occurrenceId ?? ""}`;

/** Marks an occurrence of a series, so people see it repeats. */
function SeriesBadge({ session }: { session: Session }) {
  const { t } = useTranslation();
  if (!session.occurrence) return null;
  return (
    <Badge appearance="outline" size="small">
      {t("sessionPlanning.seriesBadge")}
    </Badge>
  );
}

/** Sessions (upcoming or past), grouped by day in the viewer's zone, in the order given. */
export function ListView({ days, timeZone }: { days: [DayKey, Session[]][]; timeZone?: string }) {
  const styles = useCalendarStyles();
  const { locale } = useTeamsContext();
  return (
    <ol className={styles.list} data-testid="session-list">
      {days.map(([key, sessions]) => (
        <li key={key} className={styles.day}>
          <Subtitle2 as="h2" block className={styles.dayHeading}>
            {dayLabel(key, locale, { dateStyle: "full" })}
          </Subtitle2>
          <ul className={styles.list}>
            {sessions.map((session) => (
              <li key={keyOf(session)} data-day={key} data-zone={timeZone}>
                <SessionSummary session={session} />
                <SeriesBadge session={session} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Seven days side by side (stacked in narrow frames). */
export function WeekView({ anchor, today, sessionsByDay }: ViewProps) {
  const styles = useCalendarStyles();
  const { t } = useTranslation();
  const { locale } = useTeamsContext();
  return (
    <ol className={mergeClasses(styles.list, styles.week)} data-testid="week-view">
      {weekDays(anchor).map((key) => (
        <ContentCard
          as="li"
          key={key}
          size="small"
          className={mergeClasses(styles.weekDay, key === today && styles.today)}
          data-day={key}
        >
          <Caption1Strong as="h2" block className={styles.dayHeading}>
            {dayLabel(key, locale, { weekday: "short", day: "numeric", month: "short" })}
          </Caption1Strong>
          {(sessionsByDay.get(key) ?? []).map((session) => (
            <SessionSummary key={keyOf(session)} session={session} />
          ))}
          {!sessionsByDay.get(key) && (
            <Body1 as="p" block className={styles.muted}>
              {t("calendar.dayEmpty")}
            </Body1>
          )}
        </ContentCard>
      ))}
    </ol>
  );
}

/** Props of the week and month views. */
export interface ViewProps {
  anchor: DayKey;
  today: DayKey;
  sessionsByDay: Map<DayKey, Session[]>;
}

/** A month as a table of weeks; each day lists its sessions as links. */
export function MonthView({ anchor, today, sessionsByDay }: ViewProps) {
  const styles = useCalendarStyles();
  const { locale } = useTeamsContext();
  const weeks = monthGrid(anchor);
  const { month } = parseDayKey(anchor);
  return (
    <table
      className={styles.month}
      data-testid="month-view"
      aria-label={dayLabel(anchor, locale, { month: "long", year: "numeric" })}
    >
      <thead>
        <tr>
          {(weeks[0] ?? []).map((key) => (
            <th key={key} scope="col" abbr={dayLabel(key, locale, { weekday: "long" })}>
              {dayLabel(key, locale, { weekday: "narrow" })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((key) => (
              <td
                key={key}
                data-day={key}
                className={mergeClasses(
                  styles.monthCell,
                  parseDayKey(key).month !== month && styles.otherMonth,
                  key === today && styles.today,
                )}
              >
                <time dateTime={key}>{parseDayKey(key).day}</time>
                {(sessionsByDay.get(key) ?? []).map((session) => (
                  <span key={keyOf(session)} className={styles.monthSession}>
                    <RouterLink href={sessionPath(session.communityId, session.id)}>
                      {session.title}
                    </RouterLink>
                  </span>
                ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
