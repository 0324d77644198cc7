import { Button, Title2, ToggleButton } from "@fluentui/react-components";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { type ApiError, toApiError } from "../../api/ApiError.js";
import { homeKey } from "../../api/home.js";
import { createSession, listSessions, sessionKeys } from "../../api/sessions.js";
import { CommunityGate } from "../../components/CommunityGate.js";
import { InlineError } from "../../components/InlineError/InlineError.js";
import { LoadingState } from "../../components/LoadingState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { TabNav } from "../../components/TabNav/TabNav.js";
import { useApi } from "../../hooks/useApi.js";
import { useCommunity } from "../../hooks/useCommunity.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { sessionPath } from "../../routes.js";
import { ListView, MonthView, WeekView } from "./CalendarViews.js";
import { addDays, addMonths, byDay, dayKeyOf, parseDayKey, viewerTimeZone } from "./calendarModel.js";
import { SessionForm } from "./SessionForm.js";
import { newSessionValues, toSessionBody } from "./sessionFormModel.js";
import { useCalendarStyles } from "./useCalendarStyles.styles.js";

type View = "list" | "week" | "month";

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
  const { locale } = useTeamsContext();
  const api = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const timeZone = viewerTimeZone();
  const today = dayKeyOf(new Date(), timeZone);
  const [view, setView] = useState<View>("list");
  const [anchor, setAnchor] = useState(today);
  const [planning, setPlanning] = useState(false);
  const sessions = useQuery({
    queryKey: sessionKeys.list(communityId),
    queryFn: ({ signal }) => listSessions(api, communityId, {}, signal),
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
  const { year, month, day } = parseDayKey(anchor);
  const period =
    view === "month"
      ? new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
          Date.UTC(year, month - 1, 1),
        )
      : t("calendar.weekOf", { date: new Date(year, month - 1, day) });
  const all = sessions.data ?? [];
  const now = Date.now();
  const upcoming = all.filter((s) => Date.parse(s.startsAt) + s.durationMinutes * 60_000 > now);

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.heading}>
          {t("calendar.title")}
        </Title2>
        {isSteward && !planning && (
          <Button appearance="primary" onClick={() => setPlanning(true)}>
            {t("calendar.plan")}
          </Button>
        )}
      </header>
      {planning && (
        <SessionForm
          mode="create"
          initial={newSessionValues(today, timeZone)}
          saving={create.isPending}
          error={create.error ? toApiError(create.error) : (null as ApiError | null)}
          onSave={(values) => create.mutate(toSessionBody(values))}
          onCancel={() => setPlanning(false)}
        />
      )}
      <fieldset className={styles.fieldset} aria-label={t("calendar.viewLabel")}>
        {(["list", "week", "month"] as const).map((option) => (
          <ToggleButton key={option} checked={view === option} onClick={() => setView(option)} size="small">
            {t(
              option === "list"
                ? "calendar.viewList"
                : option === "week"
                  ? "calendar.viewWeek"
                  : "calendar.viewMonth",
            )}
          </ToggleButton>
        ))}
      </fieldset>
      {view !== "list" && (
        <div className={styles.toolbar}>
          <Button size="small" onClick={() => step(-1)}>
            {t("calendar.previous")}
          </Button>
          <Button size="small" onClick={() => setAnchor(today)}>
            {t("calendar.today")}
          </Button>
          <Button size="small" onClick={() => step(1)}>
            {t("calendar.next")}
          </Button>
          <span aria-live="polite">{period}</span>
        </div>
      )}
      {sessions.isPending ? (
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
          <ListView days={[...byDay(upcoming, timeZone)]} />
        )
      ) : view === "week" ? (
        <WeekView anchor={anchor} today={today} sessionsByDay={byDay(all, timeZone)} />
      ) : (
        <MonthView anchor={anchor} today={today} sessionsByDay={byDay(all, timeZone)} />
      )}
    </div>
  );
}
