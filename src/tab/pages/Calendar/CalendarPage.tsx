import { Button, Tab, TabList, Title2, Toolbar, ToolbarButton } from "@fluentui/react-components";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { type ApiError, toApiError } from "../../api/ApiError.js";
import { homeKey } from "../../api/home.js";
import { createSession, listSessionPage, sessionKeys } from "../../api/sessions.js";
import { CommunityGate } from "../../components/CommunityGate.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { LoadingState } from "../../components/LoadingState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { TabNav } from "../../components/TabNav/TabNav.js";
import { useApi } from "../../hooks/useApi.js";
import { useCommunity } from "../../hooks/useCommunity.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { sessionPath } from "../../routes.js";
import { CalendarFileButton } from "./CalendarFileButton.js";
import { ListView, MonthView, WeekView } from "./CalendarViews.js";
import {
  addDays,
  addMonths,
  byDay,
  dayKeyOf,
  parseDayKey,
  rangeOf,
  viewerTimeZone,
  weekDays,
} from "./calendarModel.js";
import { RotaPanel } from "./RotaPanel.js";
import { SessionForm } from "./SessionForm.js";
import { newSessionValues, toNewSessionBody } from "./sessionFormModel.js";
import { useCalendarStyles } from "./useCalendarStyles.styles.js";

type View = "list" | "past" | "week" | "month" | "rota";

const VIEW_LABELS = {
  list: "calendar.viewList",
  past: "calendar.viewPast",
  week: "calendar.viewWeek",
  month: "calendar.viewMonth",
  rota: "sessionPlanning.viewRota",
} as const;

/** The session calendar: list, week and month views; stewards plan sessions here. */
export function CalendarPage() {
  const { context } = useTeamsContext();
  const community = useCommunity(context.page.id || undefined);
  return (
    <PageLayout>
      <TabNav current="calendar" />
      <CommunityGate result={community}>
        {(loaded) => <Calendar communityId={loaded.id} isSteward={loaded.isSteward} />}
      </CommunityGate>
    </PageLayout>
  );
}

function Calendar({ communityId, isSteward }: { communityId: string; isSteward: boolean }) {
  const styles = useCalendarStyles();
  const { t } = useTranslation();
  const { locale, context } = useTeamsContext();
  const api = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const timeZone = viewerTimeZone(context);
  const today = dayKeyOf(new Date(), timeZone);
  const [view, setView] = useState<View>("list");
  const [anchor, setAnchor] = useState(today);
  const [planning, setPlanning] = useState(false);
  // The server expands series into occurrences for exactly the days this view shows, computed in
  // the viewer's time zone (a week in Berlin is not a week in UTC).
  const range = rangeOf(view === "rota" ? "list" : view, anchor, today, timeZone);
  const sessions = useQuery({
    queryKey: sessionKeys.range(communityId, range.from, range.to),
    queryFn: ({ signal }) => listSessionPage(api, communityId, range, signal),
    placeholderData: (previous) => previous,
  });
  const create = useMutation({
    mutationFn: (body: Parameters<typeof createSession>[2]) => createSession(api, communityId, body),
    onSuccess: (session) => {
      void queryClient.invalidateQueries({ queryKey: sessionKeys.list(communityId) });
      void queryClient.invalidateQueries({ queryKey: homeKey(communityId) });
      queryClient.setQueryData(sessionKeys.one(communityId, session.id), session);
      navigate(sessionPath(communityId, session.id));
    },
  });

  const step = (direction: 1 | -1) =>
    setAnchor((key) => (view === "month" ? addMonths(key, direction) : addDays(key, 7 * direction)));
  const { year, month } = parseDayKey(anchor);
  // A week is named after its first day (Monday), whichever day of it is the anchor.
  const weekOfLabel = (key: string) => {
    const first = parseDayKey(weekDays(key)[0] ?? key);
    return t("calendar.weekOf", { date: new Date(first.year, first.month - 1, first.day) });
  };
  const period =
    view === "month"
      ? new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
          Date.UTC(year, month - 1, 1),
        )
      : weekOfLabel(anchor);
  const all = sessions.data?.items ?? [];
  const now = Date.now();
  const upcoming = all.filter((s) => Date.parse(s.startsAt) + s.durationMinutes * 60_000 > now);
  // Past sessions, most recent first (what happened last is what people look for).
  const past = all
    .filter((s) => Date.parse(s.startsAt) + s.durationMinutes * 60_000 <= now)
    .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Title2 as="h1" block className={styles.heading}>
          {t("calendar.title")}
        </Title2>
        <div className={styles.toolbar}>
          <CalendarFileButton communityId={communityId} />
          {isSteward && !planning && (
            <Button appearance="primary" onClick={() => setPlanning(true)}>
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
          onCancel={() => setPlanning(false)}
          canScheduleMeetings={sessions.data?.canScheduleMeetings ?? false}
        />
      )}
      <TabList
        className={styles.views}
        size="small"
        aria-label={t("calendar.viewLabel")}
        selectedValue={view}
        onTabSelect={(_event, data) => setView(data.value as View)}
      >
        {(["list", "past", "week", "month", "rota"] as const).map((option) => (
          <Tab key={option} value={option}>
            {t(VIEW_LABELS[option])}
          </Tab>
        ))}
      </TabList>
      {(view === "week" || view === "month") && (
        <div className={styles.toolbar}>
          <Toolbar size="small" aria-label={t("calendar.periodLabel")} className={styles.periodButtons}>
            <ToolbarButton appearance="subtle" onClick={() => step(-1)}>
              {t("calendar.previous")}
            </ToolbarButton>
            <ToolbarButton appearance="subtle" onClick={() => setAnchor(today)}>
              {t("calendar.today")}
            </ToolbarButton>
            <ToolbarButton appearance="subtle" onClick={() => step(1)}>
              {t("calendar.next")}
            </ToolbarButton>
          </Toolbar>
          <span aria-live="polite">{period}</span>
        </div>
      )}
      {view === "rota" ? (
        <RotaPanel communityId={communityId} isSteward={isSteward} timeZone={timeZone} />
      ) : sessions.isPending ? (
        <LoadingState label={t("calendar.loading")} />
      ) : sessions.error ? (
        <InlineError
          title={t("calendar.loadErrorTitle")}
          error={toApiError(sessions.error)}
          onRetry={() => void sessions.refetch()}
        />
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
