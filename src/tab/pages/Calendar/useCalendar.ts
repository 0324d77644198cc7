import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { homeKey } from "../../api/home.js";
import { createSession, listSessionPage, type SessionDraftBody, sessionKeys } from "../../api/sessions.js";
import { useApi } from "../../hooks/useApi.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { sessionPath } from "../../routes.js";
import {
  addDays,
  addMonths,
  dayKeyOf,
  parseDayKey,
  rangeOf,
  viewerTimeZone,
  weekDays,
} from "./calendarModel.js";

/** The calendar's views, in the order its tab list shows them. */
export const CALENDAR_VIEWS = ["list", "past", "week", "month", "rota"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/**
 * The calendar's state: the view and the day it is anchored on, the sessions of the range that
 * view shows (in the viewer's time zone), the period's label, and planning a session (which opens
 * the new session's page once it is saved).
 */
export function useCalendar(communityId: string) {
  const { t } = useTranslation();
  const { locale, context } = useTeamsContext();
  const api = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const timeZone = viewerTimeZone(context);
  const today = dayKeyOf(new Date(), timeZone);
  const [view, setView] = useState<CalendarView>("list");
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
    mutationFn: (body: SessionDraftBody) => createSession(api, communityId, body),
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

  return {
    timeZone,
    today,
    view,
    setView,
    anchor,
    step,
    goToToday: () => setAnchor(today),
    period,
    sessions,
    all,
    upcoming,
    past,
    planning,
    setPlanning,
    create,
  };
}
