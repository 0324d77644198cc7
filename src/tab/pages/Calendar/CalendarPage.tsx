import { Button, Tab, TabList, Title2, Toolbar, ToolbarButton } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { type ApiError, toApiError } from "../../api/ApiError.js";
import { CommunityPage } from "../../components/CommunityPage.js";
import { QueryFailed } from "../../components/InlineError/QueryFailed.js";
import { LoadingState } from "../../components/LoadingState.js";
import { CalendarFileButton } from "./CalendarFileButton.js";
import { ListView, MonthView, WeekView } from "./CalendarViews.js";
import { byDay } from "./calendarModel.js";
import { RotaPanel } from "./RotaPanel.js";
import { SessionForm } from "./SessionForm.js";
import { newSessionValues, toNewSessionBody } from "./sessionFormModel.js";
import { CALENDAR_VIEWS, type CalendarView, useCalendar } from "./useCalendar.js";
import { useCalendarStyles } from "./useCalendarStyles.styles.js";

const VIEW_LABELS = {
  list: "calendar.viewList",
  past: "calendar.viewPast",
  week: "calendar.viewWeek",
  month: "calendar.viewMonth",
  rota: "sessionPlanning.viewRota",
} as const satisfies Record<CalendarView, string>;

/** The session calendar: list, week and month views; stewards plan sessions here. */
export function CalendarPage() {
  return (
    <CommunityPage nav="calendar">
      {(loaded) => <Calendar communityId={loaded.id} isSteward={loaded.isSteward} />}
    </CommunityPage>
  );
}

function Calendar({ communityId, isSteward }: { communityId: string; isSteward: boolean }) {
  const styles = useCalendarStyles();
  const { t } = useTranslation();
  const { timeZone, today, view, anchor, sessions, all, upcoming, past, planning, create, ...calendar } =
    useCalendar(communityId);

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Title2 as="h1" block className={styles.heading}>
          {t("calendar.title")}
        </Title2>
        <div className={styles.toolbar}>
          <CalendarFileButton communityId={communityId} />
          {isSteward && !planning && (
            <Button appearance="primary" onClick={() => calendar.setPlanning(true)}>
              {t("calendar.plan")}
            </Button>
          )}
        </div>
      </header>
      {planning && (
        <SessionForm
          mode="create"
          initial={newSessionValues(today, timeZone)}
          saving={create.isPending}
          error={create.error ? toApiError(create.error) : (null as ApiError | null)}
          onSave={(values) => create.mutate(toNewSessionBody(values))}
          onCancel={() => calendar.setPlanning(false)}
          canScheduleMeetings={sessions.data?.canScheduleMeetings ?? false}
        />
      )}
      <TabList
        className={styles.views}
        size="small"
        aria-label={t("calendar.viewLabel")}
        selectedValue={view}
        onTabSelect={(_event, data) => calendar.setView(data.value as CalendarView)}
      >
        {CALENDAR_VIEWS.map((option) => (
          <Tab key={option} value={option}>
            {t(VIEW_LABELS[option])}
          </Tab>
        ))}
      </TabList>
      {(view === "week" || view === "month") && (
        <div className={styles.toolbar}>
          <Toolbar size="small" aria-label={t("calendar.periodLabel")} className={styles.periodButtons}>
            <ToolbarButton appearance="subtle" onClick={() => calendar.step(-1)}>
              {t("calendar.previous")}
            </ToolbarButton>
            <ToolbarButton appearance="subtle" onClick={calendar.goToToday}>
              {t("calendar.today")}
            </ToolbarButton>
            <ToolbarButton appearance="subtle" onClick={() => calendar.step(1)}>
              {t("calendar.next")}
            </ToolbarButton>
          </Toolbar>
          <span aria-live="polite">{calendar.period}</span>
        </div>
      )}
      {view === "rota" ? (
        <RotaPanel communityId={communityId} isSteward={isSteward} timeZone={timeZone} />
      ) : sessions.isPending ? (
        <LoadingState label={t("calendar.loading")} />
      ) : sessions.error ? (
        <QueryFailed title={t("calendar.loadErrorTitle")} query={sessions} />
      ) : view === "list" ? (
        upcoming.length === 0 ? (
          <p className={styles.muted}>
            {isSteward ? t("calendar.listEmptySteward") : t("calendar.listEmpty")}
          </p>
        ) : (
          <ListView days={[...byDay(upcoming, timeZone)]} timeZone={timeZone} />
        )
      ) : view === "past" ? (
        past.length === 0 ? (
          <p className={styles.muted}>{t("calendar.pastEmpty")}</p>
        ) : (
          <ListView days={[...byDay(past, timeZone)]} timeZone={timeZone} />
        )
      ) : view === "week" ? (
        <WeekView anchor={anchor} today={today} sessionsByDay={byDay(all, timeZone)} />
      ) : (
        <MonthView anchor={anchor} today={today} sessionsByDay={byDay(all, timeZone)} />
      )}
    </div>
  );
}
