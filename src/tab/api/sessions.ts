import type { ApiClient } from "./ApiClient.js";
import type { PersonRef } from "./library.js";

/** The formats a community runs (the server's `SESSION_FORMATS`). */
export const SESSION_FORMATS = [
  "think-pair-share",
  "knowledge-cafe",
  "mastermind",
  "micro-teach",
  "case-round",
  "incident-retro",
  "ama",
  "coaching-ourselves",
  "peer-review",
  "open",
] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];

/** The roles people take in a session. */
export type SessionRole =
  | "facilitator"
  | "note-taker"
  | "hot-seat"
  | "micro-teacher"
  | "observer"
  | "on-call-expert";

/** Roles any member may take for themselves (the newcomer's way in). */
export const SELF_SERVICE_ROLES: readonly SessionRole[] = ["note-taker", "observer"];

/** Each format's default duration, mirrored from the server so the form can prefill it. */
export const FORMAT_DURATIONS: Record<SessionFormat, number> = {
  "think-pair-share": 30,
  "knowledge-cafe": 60,
  mastermind: 60,
  "micro-teach": 30,
  "case-round": 45,
  "incident-retro": 60,
  ama: 45,
  "coaching-ourselves": 90,
  "peer-review": 45,
  open: 30,
};

export type RsvpResponse = "going" | "maybe" | "no";

/** A role and who holds it (nobody yet when `person` is missing). */
export interface RoleAssignment {
  role: SessionRole;
  person?: PersonRef;
}

/** A session as the caller sees it. */
export interface Session {
  communityId: string;
  id: string;
  title: string;
  format: SessionFormat;
  /** ISO 8601, UTC. */
  startsAt: string;
  durationMinutes: number;
  /** The organiser's IANA zone. */
  timeZone: string;
  description: string;
  agenda: string[];
  roles: RoleAssignment[];
  joinUrl?: string;
  cancelled: boolean;
  createdBy: PersonRef;
  etag: string;
  rsvpCounts: Record<RsvpResponse, number>;
  myRsvp?: RsvpResponse;
  canEdit: boolean;
}

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
