import {
  Badge,
  Body1,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Persona,
  Subtitle2,
  Title2,
  ToggleButton,
} from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../../api/ApiError.js";
import { homeKey } from "../../api/home.js";
import {
  FORMAT_DEFAULTS,
  getSession,
  type RsvpResponse,
  SELF_SERVICE_ROLES,
  type Session,
  sessionKeys,
  updateSession,
} from "../../api/sessions.js";
import { ActionFailed } from "../../components/ActionFailed/ActionFailed.js";
import { ContentCard } from "../../components/ContentCard/ContentCard.js";
import { describeApiError, ErrorState } from "../../components/ErrorState.js";
import { JoinedCommunityNote } from "../../components/JoinedCommunityNote/JoinedCommunityNote.js";
import { LoadingState } from "../../components/LoadingState.js";
import { NoticeState } from "../../components/NoticeState.js";
import { PageLayout } from "../../components/PageLayout.js";
import { RouterLink } from "../../components/RouterLink/RouterLink.js";
import { formatDuration, formatSessionRange } from "../../components/SessionSummary/sessionTime.js";
import { TabNav } from "../../components/TabNav/TabNav.js";
import { useSessionActions } from "../../hooks/calendar/useSessionActions.js";
import { useApi } from "../../hooks/useApi.js";
import { useApiQuery } from "../../hooks/useApiQuery.js";
import { useFirstViewReady } from "../../hooks/useFirstViewReady.js";
import { useTeamsContext } from "../../hooks/useTeamsContext.js";
import { calendarPath } from "../../routes.js";
import { isWebUrl } from "../../teams/webUrl.js";
import { CalendarFileButton } from "./CalendarFileButton.js";
import { viewerTimeZone } from "./calendarModel.js";
import { type PhaseId, SessionForm } from "./SessionForm.js";
import { sessionValues, toSessionBody } from "./sessionFormModel.js";
import { useCalendarStyles } from "./useCalendarStyles.styles.js";

const RSVP_LABELS = {
  going: "calendar.rsvpGoing",
  maybe: "calendar.rsvpMaybe",
  no: "calendar.rsvpNo",
} as const;

/** One session: time in the viewer's zone, roles, agenda, RSVP; stewards edit it here. */
export function SessionDetailPage({ communityId, sessionId }: { communityId: string; sessionId: string }) {
  const { t } = useTranslation();
  const session = useApiQuery(sessionKeys.one(communityId, sessionId), (api, signal) =>
    getSession(api, communityId, sessionId, signal),
  );
  useFirstViewReady(!session.isPending);
  const error = session.error ? toApiError(session.error) : null;
  return (
    <PageLayout>
      <TabNav current="calendar" />
      <RouterLink href={calendarPath}>{t("calendar.backToCalendar")}</RouterLink>
      {session.data ? (
        <SessionDetail session={session.data} onReload={() => void session.refetch()} />
      ) : session.isPending ? (
        <LoadingState label={t("calendar.loading")} />
      ) : error?.status === 404 ? (
        <NoticeState title={t("calendar.notFoundTitle")} body={t("calendar.notFoundBody")} />
      ) : (
        error && (
          <ErrorState
            title={t("calendar.loadErrorTitle")}
            error={error}
            onRetry={() => void session.refetch()}
          />
        )
      )}
    </PageLayout>
  );
}

function SessionDetail({ session, onReload }: { session: Session; onReload: () => void }) {
  const styles = useCalendarStyles();
  const { t } = useTranslation();
  const { locale, context } = useTeamsContext();
  const api = useApi();
  const queryClient = useQueryClient();
  const { rsvp, role } = useSessionActions(session.communityId, session.id);
  const [editing, setEditing] = useState(false);
  const me = {
    id: context.user?.id ?? "",
    displayName: context.user?.displayName || context.user?.userPrincipalName || "",
  };
  const timeZone = viewerTimeZone(context);
  const edit = useMutation({
    mutationFn: (values: Parameters<typeof toSessionBody>[0]) => {
      // The latest version known to the cache: after "Load the latest version" that is theirs.
      const current =
        queryClient.getQueryData<Session>(sessionKeys.one(session.communityId, session.id)) ?? session;
      return updateSession(api, session.communityId, session.id, toSessionBody(values), current.etag);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(
        sessionKeys.one(session.communityId, session.id),
        (old: Session | undefined) => ({
          ...old,
          ...updated,
        }),
      );
      // A series' next occurrences come with the session's own read: fetch them again.
      void queryClient.invalidateQueries({ queryKey: sessionKeys.one(session.communityId, session.id) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.list(session.communityId) });
      void queryClient.invalidateQueries({ queryKey: homeKey(session.communityId) });
      setEditing(false);
    },
  });

  if (editing) {
    return (
      <SessionForm
        mode="edit"
        initial={sessionValues(session, timeZone)}
        saving={edit.isPending}
        error={edit.error ? toApiError(edit.error) : null}
        onSave={(values) => edit.mutate(values)}
        onCancel={() => {
          edit.reset();
          setEditing(false);
        }}
        onLoadLatest={onReload}
        canScheduleMeetings={session.canScheduleMeetings ?? false}
      />
    );
  }

  return (
    <article className={styles.page} data-session-id={session.id}>
      <header className={styles.header}>
        <Title2 as="h1" block className={styles.heading}>
          {session.title}
        </Title2>
        <div className={styles.toolbar}>
          {session.recurrence && <Badge appearance="outline">{t("sessionPlanning.seriesBadge")}</Badge>}
          <CalendarFileButton communityId={session.communityId} sessionId={session.id} />
          {session.canEdit && <Button onClick={() => setEditing(true)}>{t("calendar.edit")}</Button>}
        </div>
      </header>
      <MeetingStatus session={session} />
      <dl className={styles.facts}>
        <dt>{t("calendar.formatLabel")}</dt>
        <dd className={styles.factValue}>{t(`formats.${session.format}`)}</dd>
        <dt>{t("calendar.whenLabel")}</dt>
        <dd className={styles.factValue}>
          <time dateTime={session.startsAt} data-testid="session-when">
            {formatSessionRange(session.startsAt, session.durationMinutes, locale)}
          </time>
          <br />
          <span className={styles.muted}>{t("calendar.yourTimeZone", { zone: timeZone })}</span>
        </dd>
        <dt>{t("calendar.durationLabel")}</dt>
        <dd className={styles.factValue}>{formatDuration(session.durationMinutes, locale)}</dd>
      </dl>
      {session.joinUrl && isWebUrl(session.joinUrl) && !session.cancelled && (
        <Link href={session.joinUrl} target="_blank" rel="noopener noreferrer">
          {t("calendar.join")}
        </Link>
      )}
      {session.cancelled && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("calendar.cancelled")}</MessageBarBody>
        </MessageBar>
      )}

      <ContentCard as="section" size="large" className={styles.card} aria-label={t("calendar.rsvpHeading")}>
        <Subtitle2 as="h2" block>
          {t("calendar.rsvpHeading")}
        </Subtitle2>
        <fieldset className={styles.fieldset} aria-label={t("calendar.rsvpHeading")}>
          {(["going", "maybe", "no"] as RsvpResponse[]).map((answer) => (
            <ToggleButton
              key={answer}
              checked={session.myRsvp === answer}
              disabled={session.cancelled}
              onClick={() => {
                rsvp.reset();
                rsvp.mutate(answer);
              }}
            >
              {t("calendar.rsvpCount", { label: t(RSVP_LABELS[answer]), count: session.rsvpCounts[answer] })}
            </ToggleButton>
          ))}
        </fieldset>
        <JoinedCommunityNote joined={rsvp.data?.joinedCommunity === true} />
        <ActionFailed
          error={rsvp.error}
          message={(reason) => t("calendar.rsvpFailed", { reason })}
          onRetry={() => rsvp.variables && rsvp.mutate(rsvp.variables)}
        />
      </ContentCard>

      <ContentCard as="section" size="large" className={styles.card} aria-label={t("calendar.rolesHeading")}>
        <Subtitle2 as="h2" block>
          {t("calendar.rolesHeading")}
        </Subtitle2>
        <ul className={styles.list}>
          {session.roles.map((assignment) => {
            const roleName = t(`roles.${assignment.role}`);
            const mine = assignment.person?.id === me.id;
            const canTake =
              !assignment.person && (session.canEdit || SELF_SERVICE_ROLES.includes(assignment.role));
            return (
              <li key={`${assignment.role}-${assignment.person?.id ?? "open"}`} className={styles.toolbar}>
                {assignment.person ? (
                  <Persona name={assignment.person.displayName} secondaryText={roleName} size="small" />
                ) : (
                  <Body1>
                    {roleName}: {t("calendar.roleOpen")}
                  </Body1>
                )}
                {canTake && !session.cancelled && (
                  <Button size="small" onClick={() => role.mutate({ role: assignment.role, person: me })}>
                    {t("calendar.takeRole", { role: roleName })}
                  </Button>
                )}
                {mine && (
                  <Button size="small" onClick={() => role.mutate({ role: assignment.role, person: null })}>
                    {t("calendar.giveUpRole", { role: roleName })}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
        <ActionFailed
          error={role.error}
          message={(reason) => t("calendar.roleFailed", { reason })}
          onRetry={() => role.variables && role.mutate(role.variables)}
        />
      </ContentCard>

      {session.nextOccurrences && session.nextOccurrences.length > 0 && <NextOccurrences session={session} />}

      <ContentCard as="section" size="large" className={styles.card} aria-label={t("calendar.agendaHeading")}>
        <Subtitle2 as="h2" block>
          {t("calendar.agendaHeading")}
        </Subtitle2>
        {session.agenda.length === 0 ? (
          <Body1 className={styles.muted}>{t("calendar.agendaEmpty")}</Body1>
        ) : (
          <ol>
            {session.agenda.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: agenda items are plain text that may repeat; the list is never reordered in place.
              <li key={`${index}-${item}`}>{item}</li>
            ))}
          </ol>
        )}
        {session.description && (
          <>
            <Subtitle2 as="h2" block>
              {t("calendar.descriptionHeading")}
            </Subtitle2>
            <Body1 as="p" block>
              {session.description}
            </Body1>
          </>
        )}
        <FormatPlan session={session} />
      </ContentCard>
    </article>
  );
}

/**
 * The state of the session's Teams meeting: nothing when there is none; a warning with Retry when
 * the calendar did not take the last change (the session itself is saved either way).
 */
function MeetingStatus({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { retry } = useSessionActions(session.communityId, session.id);
  const meeting = session.teamsMeeting;
  if (!meeting) return null;
  if (meeting.status !== "pending")
    return meeting.status === "scheduled" ? (
      <Caption1>{t("sessionPlanning.meetingScheduled")}</Caption1>
    ) : null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="meeting-pending">
      <MessageBarBody>
        <MessageBarTitle>{t("sessionPlanning.meetingPendingTitle")}</MessageBarTitle>
        {t("sessionPlanning.meetingPendingBody", { problem: meeting.problem ?? "" })}
        {retry.error && (
          <div role="alert">
            {t("sessionPlanning.meetingRetryFailed", {
              reason: describeApiError(toApiError(retry.error), t),
            })}
          </div>
        )}
      </MessageBarBody>
      {session.canEdit && (
        <MessageBarActions>
          <Button disabled={retry.isPending} onClick={() => retry.mutate()}>
            {retry.isPending ? t("sessionPlanning.meetingRetrying") : t("sessionPlanning.meetingRetry")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** A series' next occurrences with their role holders; stewards skip one here. */
function NextOccurrences({ session }: { session: Session }) {
  const styles = useCalendarStyles();
  const { t } = useTranslation();
  const { locale } = useTeamsContext();
  const { skip } = useSessionActions(session.communityId, session.id);
  return (
    <ContentCard
      as="section"
      size="large"
      className={styles.card}
      aria-labelledby="next-occurrences"
      data-testid="next-occurrences"
    >
      <Subtitle2 as="h2" block id="next-occurrences">
        {t("sessionPlanning.nextOccurrencesHeading")}
      </Subtitle2>
      <ul className={styles.list}>
        {session.nextOccurrences?.map((occurrence) => {
          const when = formatSessionRange(occurrence.startsAt, occurrence.durationMinutes, locale);
          const holders = occurrence.roles
            .filter((r) => r.person)
            .map((r) => `${t(`roles.${r.role}`)} – ${r.person?.displayName}`)
            .join(", ");
          return (
            <li key={occurrence.occurrenceId} className={styles.toolbar}>
              <time dateTime={occurrence.startsAt}>{when}</time>
              {occurrence.moved && <Badge appearance="tint">{t("sessionPlanning.occurrenceMoved")}</Badge>}
              <Caption1>
                {t("sessionPlanning.occurrenceRoles", { roles: holders || t("sessionPlanning.noRoles") })}
              </Caption1>
              {session.canEdit && !session.cancelled && (
                <Button
                  size="small"
                  disabled={skip.isPending}
                  onClick={() => skip.mutate(occurrence.occurrenceId)}
                >
                  {t("sessionPlanning.skipOccurrence", { date: when })}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <ActionFailed error={skip.error} message={(reason) => t("sessionPlanning.skipFailed", { reason })} />
    </ContentCard>
  );
}

/** How the session's format runs: its phases with minutes, and group sizes where it splits up. */
function FormatPlan({ session }: { session: Session }) {
  const { t } = useTranslation();
  const format = FORMAT_DEFAULTS[session.format];
  return (
    <>
      <Subtitle2 as="h2" block>
        {t("sessionPlanning.formatPlanHeading")}
      </Subtitle2>
      <ol>
        {format.phases.map((phase) => (
          <li key={phase.id}>
            {t("sessionPlanning.phaseMinutes", {
              phase: t(`phases.${phase.id as PhaseId}`, { defaultValue: phase.title }),
              minutes: phase.minutes,
            })}
          </li>
        ))}
      </ol>
      {format.groupSize && (
        <Caption1>
          {t("sessionPlanning.groupSize", { min: format.groupSize.min, max: format.groupSize.max })}
        </Caption1>
      )}
    </>
  );
}
