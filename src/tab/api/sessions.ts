import type { PersonRef } from "../../domain/identity.js";
import type { RsvpResponse, SessionView } from "../../domain/sessions/session.js";
import {
  FORMAT_DEFAULTS,
  type SessionFormat,
  type SessionRole,
} from "../../domain/sessions/sessionFormats.js";
import type { ApiClient } from "./ApiClient.js";

export type { RoleAssignment, RsvpResponse } from "../../domain/sessions/session.js";
export {
  SESSION_FORMATS,
  type SessionFormat,
  type SessionRole,
} from "../../domain/sessions/sessionFormats.js";

/** Roles any member may take for themselves (the newcomer's way in). */
export const SELF_SERVICE_ROLES: readonly SessionRole[] = ["note-taker", "observer"];

/** Each format's default duration, from the domain's format defaults, so the form can prefill it. */
export const FORMAT_DURATIONS = Object.fromEntries(
  Object.entries(FORMAT_DEFAULTS).map(([format, d]) => [format, d.durationMinutes]),
) as Record<SessionFormat, number>;

/** A session as the caller sees it (the server keeps the tenant id to itself). */
export type Session = Omit<SessionView, "tenantId" | "createdAt" | "updatedAt"> &
  Partial<Pick<SessionView, "createdAt" | "updatedAt">>;

/** What a steward sends to plan or change a session. */
export interface SessionDraftBody {
  title: string;
  format: SessionFormat;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  description: string;
  agenda: string[];
  joinUrl?: string;
}

const base = (communityId: string) => `/api/communities/${encodeURIComponent(communityId)}/sessions`;
const one = (communityId: string, sessionId: string) =>
  `${base(communityId)}/${encodeURIComponent(sessionId)}`;

/** Sessions of a community, soonest first; `from`/`to` bound the start (ISO dates). */
export async function listSessions(
  api: ApiClient,
  communityId: string,
  range: { from?: string; to?: string } = {},
  signal?: AbortSignal,
): Promise<Session[]> {
  const params = new URLSearchParams(
    Object.entries(range).filter((pair): pair is [string, string] => !!pair[1]),
  );
  const query = params.size > 0 ? `?${params.toString()}` : "";
  return (
    await api.request<{ items: Session[] }>("GET", `${base(communityId)}${query}`, undefined, { signal })
  ).items;
}

export function getSession(api: ApiClient, communityId: string, sessionId: string, signal?: AbortSignal) {
  return api.request<Session>("GET", one(communityId, sessionId), undefined, { signal });
}

export function createSession(api: ApiClient, communityId: string, body: SessionDraftBody): Promise<Session> {
  return api.request<Session>("POST", base(communityId), body);
}

/** Changes a session made from a known version (`etag`); a 412 means someone else changed it. */
export function updateSession(
  api: ApiClient,
  communityId: string,
  sessionId: string,
  body: Partial<SessionDraftBody> & { cancelled?: boolean },
  etag: string,
): Promise<Session> {
  return api.request<Session>("PATCH", one(communityId, sessionId), body, { headers: { "If-Match": etag } });
}

export function setRsvp(api: ApiClient, communityId: string, sessionId: string, response: RsvpResponse) {
  return api.request<Session>("PUT", `${one(communityId, sessionId)}/rsvp`, { response });
}

/** Gives a role to a person, or frees it (`person` null). */
export function assignRole(
  api: ApiClient,
  communityId: string,
  sessionId: string,
  role: SessionRole,
  person: PersonRef | null,
): Promise<Session> {
  return api.request<Session>("PUT", `${one(communityId, sessionId)}/roles/${encodeURIComponent(role)}`, {
    person,
  });
}

/** Query keys of the calendar. */
export const sessionKeys = {
  all: (communityId: string) => ["sessions", communityId] as const,
  list: (communityId: string) => ["sessions", communityId, "list"] as const,
  one: (communityId: string, sessionId: string) => ["sessions", communityId, "one", sessionId] as const,
};
