import type { PersonRef } from "../identity.js";
import type { SessionFormat, SessionRole } from "./sessionFormats.js";

/** A role in a session, and who holds it (nobody yet when open). */
export interface RoleAssignment {
  role: SessionRole;
  person?: PersonRef;
}

export type RsvpResponse = "going" | "maybe" | "no";

/** A scheduled peer-learning session of a community. */
export interface Session {
  tenantId: string;
  communityId: string;
  id: string;
  title: string;
  format: SessionFormat;
  /** Start, ISO 8601 in UTC. */
  startsAt: string;
  durationMinutes: number;
  /** The organiser's IANA time zone (recurrence and reminders are computed in it). */
  timeZone: string;
  description: string;
  agenda: string[];
  roles: RoleAssignment[];
  /** Where to join (a Teams meeting link); scheduling through Graph fills it later. */
  joinUrl?: string;
  cancelled: boolean;
  createdBy: PersonRef;
  createdAt: string;
  updatedAt: string;
  etag: string;
}

/** A session as a caller sees it: with RSVP counts and their own answer. */
export interface SessionView extends Session {
  rsvpCounts: Record<RsvpResponse, number>;
  myRsvp?: RsvpResponse;
  canEdit: boolean;
}
