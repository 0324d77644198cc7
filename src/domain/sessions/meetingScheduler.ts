/** One attendee of a scheduled meeting: a directory user id, with their mail when known. */
export interface MeetingAttendee {
  id: string;
  mail?: string;
  displayName?: string;
}

/** What a session's Teams meeting is made from. Times are ISO date-times; `timeZone` is IANA. */
export interface MeetingRequest {
  subject: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  attendees: MeetingAttendee[];
  /** Plain text shown in the invitation (the agenda). */
  body?: string;
  /** RRULE text (RFC 5545, without "RRULE:"), when the session recurs. */
  recurrence?: string;
  /**
   * Occurrences of the series that do not take place (EXDATE): their original starts, ISO in UTC.
   * In Graph: cancel those instances of the series master (`/events/{id}/instances`).
   */
  exceptions?: string[];
}

/** A meeting as the calendar holds it: its id there and the link people join with. */
export interface ScheduledMeeting {
  eventId: string;
  joinUrl: string;
}

/**
 * Schedules real Teams meetings for sessions: a calendar event with `isOnlineMeeting` in the
 * organiser's calendar, through Microsoft Graph in production (`src/graph/`). Edits and
 * cancellations of a session go to the same event. Implementations throw an `UnavailableError`
 * (domain/errors.ts) when the calendar cannot be reached; callers keep the session and say so.
 */
export interface MeetingScheduler {
  schedule(tenantId: string, organizerId: string, request: MeetingRequest): Promise<ScheduledMeeting>;
  update(
    tenantId: string,
    organizerId: string,
    eventId: string,
    request: MeetingRequest,
  ): Promise<ScheduledMeeting>;
  cancel(tenantId: string, organizerId: string, eventId: string, comment?: string): Promise<void>;
}
