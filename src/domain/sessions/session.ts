import type { PersonRef } from "../identity.js";
import type { Occurrence, SessionRecurrence } from "./recurrence.js";
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
  /** Where to join (a Teams meeting link), typed in or filled by scheduling a Teams meeting. */
  joinUrl?: string;
  /** How the session repeats (absent: once). */
  recurrence?: SessionRecurrence;
  /** The Teams meeting scheduled for it through the calendar (absent: none asked for). */
  teamsMeeting?: TeamsMeetingState;
  cancelled: boolean;
  createdBy: PersonRef;
  createdAt: string;
  updatedAt: string;
  etag: string;
}

/** Who is invited to a session's Teams meeting. */
export type MeetingAttendeeSource = "rsvps" | "community";

/**
 * A session's Teams meeting in the organiser's calendar. `status` says whether the calendar has
 * the session's latest state: `pending` when the last create, update or cancel did not get through
 * (the calendar was unavailable) and is to be retried; `pendingAction` says which.
 */
export interface TeamsMeetingState {
  attendees: MeetingAttendeeSource;
  /** Whose calendar holds the event (the steward who asked for it). */
  organizerId: string;
  eventId?: string;
  status: "scheduled" | "pending" | "cancelled";
  pendingAction?: "schedule" | "update" | "cancel";
  /** What went wrong last, in words a steward understands. */
  problem?: string;
  lastAttemptAt?: string;
}

/**
 * A session as a caller sees it: with RSVP counts and their own answer. Without the tenant: the
 * tab knows its tenant, and answers carry only what it shows.
 */
export interface SessionView extends Omit<Session, "tenantId"> {
  rsvpCounts: Record<RsvpResponse, number>;
  myRsvp?: RsvpResponse;
  canEdit: boolean;
  /** In a calendar range, one view per occurrence of a series: which one, and where it starts. */
  occurrence?: Occurrence;
  /** On a series' own page: its next occurrences with their role holders. */
  nextOccurrences?: OccurrenceView[];
}

/** An occurrence with who holds its roles. */
export interface OccurrenceView extends Occurrence {
  roles: RoleAssignment[];
}
