import type {
  NewSessionRequest,
  SessionAnswer,
  SessionChangesRequest,
  SessionPageAnswer,
} from "../../contract/sessions.js";
import type { PersonRef } from "../../domain/identity.js";
import type { RsvpResponse } from "../../domain/sessions/session.js";
import {
  FORMAT_DEFAULTS,
  type SessionFormat,
  type SessionRole,
} from "../../domain/sessions/sessionFormats.js";
import type { ReminderSettings, RolePreference } from "../../domain/sessions/sessionPlan.js";
import type { RotaView } from "../../domain/sessions/sessionService.js";
import type { ApiClient } from "./ApiClient.js";
import { communityCollection, getJson } from "./apiRequests.js";

export type {
  MeetingAttendeeSource,
  OccurrenceView,
  RoleAssignment,
  RsvpResponse,
  TeamsMeetingState,
} from "../../domain/sessions/session.js";
export {
  FORMAT_DEFAULTS,
  SESSION_FORMATS,
  SESSION_ROLES,
  type SessionFormat,
  type SessionRole,
} from "../../domain/sessions/sessionFormats.js";
export type { ReminderSettings, RolePreference } from "../../domain/sessions/sessionPlan.js";
export type { RotaView } from "../../domain/sessions/sessionService.js";

/** Roles any member may take for themselves (the newcomer's way in). */
export const SELF_SERVICE_ROLES: readonly SessionRole[] = ["note-taker", "observer"];

/** Each format's default duration, from the domain's format defaults, so the form can prefill it. */
export const FORMAT_DURATIONS = Object.fromEntries(
  Object.entries(FORMAT_DEFAULTS).map(([format, d]) => [format, d.durationMinutes]),
) as Record<SessionFormat, number>;

/** A session as the caller sees it (the server keeps the tenant id to itself). */
export type Session = SessionAnswer;

/** What a steward sends to plan a session. */
export type SessionDraftBody = NewSessionRequest;
/** What a steward sends to change a session (`recurrence: null` makes a series one-off). */
export type SessionChanges = SessionChangesRequest;

const sessions = communityCollection<Session, SessionDraftBody, SessionChanges>("sessions", "PATCH");

/** A range of the calendar and what the server can do for it. */
export type SessionPage = SessionPageAnswer;

/** Sessions of a community in a range, soonest first; `from`/`to` bound the start (ISO instants). */
export function listSessionPage(
  api: ApiClient,
  communityId: string,
  range: { from?: string; to?: string } = {},
  signal?: AbortSignal,
): Promise<SessionPage> {
  const params = new URLSearchParams(
    Object.entries(range).filter((pair): pair is [string, string] => !!pair[1]),
  );
  const query = params.size > 0 ? `?${params.toString()}` : "";
  return getJson<SessionPage>(api, `${sessions.all(communityId)}${query}`, signal);
}

/** Sessions of a community, soonest first; `from`/`to` bound the start (ISO dates). */
export async function listSessions(
  api: ApiClient,
  communityId: string,
  range: { from?: string; to?: string } = {},
  signal?: AbortSignal,
): Promise<Session[]> {
  return (await listSessionPage(api, communityId, range, signal)).items;
}

/** Tries again to create, change or cancel the session's Teams meeting. */
export function retryMeeting(api: ApiClient, communityId: string, sessionId: string): Promise<Session> {
  return api.request<Session>("POST", `${sessions.one(communityId, sessionId)}/meeting/retry`);
}

/** Skips one occurrence of a series, or moves it. */
export function changeOccurrence(
  api: ApiClient,
  communityId: string,
  sessionId: string,
  occurrenceId: string,
  change: { cancelled: true } | { startsAt: string; durationMinutes?: number },
): Promise<Session> {
  return api.request<Session>(
    "PUT",
    `${sessions.one(communityId, sessionId)}/occurrences/${encodeURIComponent(occurrenceId)}`,
    change,
  );
}

/** The `.ics` file of one session, or of the whole calendar. */
export function getCalendarFile(
  api: ApiClient,
  communityId: string,
  sessionId?: string,
): Promise<{ filename: string; content: string }> {
  const path = sessionId
    ? `${sessions.one(communityId, sessionId)}/calendar.ics`
    : `${sessions.all(communityId)}/calendar.ics`;
  return api.request("GET", path);
}

export function getRota(api: ApiClient, communityId: string, signal?: AbortSignal): Promise<RotaView> {
  return getJson<RotaView>(api, `${sessions.all(communityId)}/rota`, signal);
}

/** Fills the open roles of the next occurrences fairly (stewards). */
export function generateRota(api: ApiClient, communityId: string): Promise<RotaView> {
  return api.request<RotaView>("POST", `${sessions.all(communityId)}/rota/generate`);
}

/** Gives a role of one occurrence of a series to a person, or frees it. */
export function assignOccurrenceRole(
  api: ApiClient,
  communityId: string,
  sessionId: string,
  occurrenceId: string,
  role: SessionRole,
  person: PersonRef | null,
): Promise<Session> {
  return api.request<Session>(
    "PUT",
    `${sessions.one(communityId, sessionId)}/occurrences/${encodeURIComponent(occurrenceId)}/roles/${encodeURIComponent(role)}`,
    { person },
  );
}

export function setMyRolePreference(
  api: ApiClient,
  communityId: string,
  preference: { willing: SessionRole[]; snoozedUntil?: string | null },
): Promise<RolePreference> {
  return api.request<RolePreference>("PUT", `${sessions.all(communityId)}/role-preferences/me`, preference);
}

export function getReminderSettings(api: ApiClient, communityId: string, signal?: AbortSignal) {
  return getJson<ReminderSettings>(api, `${sessions.all(communityId)}/reminder-settings`, signal);
}

export function setReminderSettings(api: ApiClient, communityId: string, settings: ReminderSettings) {
  return api.request<ReminderSettings>("PUT", `${sessions.all(communityId)}/reminder-settings`, settings);
}

export const getSession = sessions.get;
export const createSession = sessions.create;
/** Changes a session made from a known version (`etag`); a 412 means someone else changed it. */
export const updateSession = sessions.update;

export function setRsvp(api: ApiClient, communityId: string, sessionId: string, response: RsvpResponse) {
  return api.request<Session>("PUT", `${sessions.one(communityId, sessionId)}/rsvp`, { response });
}

/** Gives a role to a person, or frees it (`person` null). */
export function assignRole(
  api: ApiClient,
  communityId: string,
  sessionId: string,
  role: SessionRole,
  person: PersonRef | null,
): Promise<Session> {
  return api.request<Session>(
    "PUT",
    `${sessions.one(communityId, sessionId)}/roles/${encodeURIComponent(role)}`,
    {
      person,
    },
  );
}

/** Query keys of the calendar. */
export const sessionKeys = {
  all: (communityId: string) => ["sessions", communityId] as const,
  list: (communityId: string) => ["sessions", communityId, "list"] as const,
  range: (communityId: string, from: string, to: string) =>
    ["sessions", communityId, "list", from, to] as const,
  rota: (communityId: string) => ["sessions", communityId, "rota"] as const,
  reminders: (communityId: string) => ["sessions", communityId, "reminders"] as const,
  one: (communityId: string, sessionId: string) => ["sessions", communityId, "one", sessionId] as const,
};
