import { randomUUID } from "node:crypto";
import { ValidationError } from "../domain/errors.js";
import type { PeopleDirectory } from "../domain/people/peopleDirectory.js";
import type {
  MeetingAttendee,
  MeetingRequest,
  MeetingScheduler,
  ScheduledMeeting,
} from "../domain/sessions/meetingScheduler.js";
import { type GraphClients, toDomainError } from "./graphClient.js";
import { toPatternedRecurrence, wallClock } from "./graphRecurrence.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface GraphEvent {
  id: string;
  onlineMeeting?: { joinUrl?: string } | null;
}

/**
 * Schedules sessions' Teams meetings as calendar events in the organiser's calendar through
 * Microsoft Graph (`POST /users/{organizer}/events` with `isOnlineMeeting` and the Teams provider),
 * so attendees get a real invitation with the join link. Needs the application permission
 * `Calendars.ReadWrite` (scoped to stewards' mailboxes by the admin; see docs/admin.md).
 * Graph being throttled, down or refusing becomes an UnavailableError the caller shows.
 */
export class GraphMeetingScheduler implements MeetingScheduler {
  constructor(
    private readonly clients: GraphClients,
    /** Finds attendees' mail addresses when the request gives only their ids. */
    private readonly directory?: PeopleDirectory,
  ) {}

  async schedule(tenantId: string, organizerId: string, request: MeetingRequest): Promise<ScheduledMeeting> {
    const organizer = this.organizer(organizerId);
    const event = {
      ...(await this.eventBody(tenantId, organizerId, request)),
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness",
      // Graph drops a repeated POST with the same transactionId: a retry after a lost answer
      // (the retry middleware re-sends on 503/504) does not create a second meeting.
      transactionId: randomUUID(),
    };
    try {
      const created = (await this.clients
        .forTenant(tenantId)
        .api(`/users/${organizer}/events`)
        .post(event)) as GraphEvent;
      return { eventId: created.id, joinUrl: await this.joinUrlOf(tenantId, organizer, created) };
    } catch (error) {
      throw toDomainError(error, "The Teams meeting was not scheduled");
    }
  }

  async update(
    tenantId: string,
    organizerId: string,
    eventId: string,
    request: MeetingRequest,
  ): Promise<ScheduledMeeting> {
    const organizer = this.organizer(organizerId);
    const change = await this.eventBody(tenantId, organizerId, request);
    try {
      const updated = (await this.clients
        .forTenant(tenantId)
        .api(`/users/${organizer}/events/${encodeURIComponent(eventId)}`)
        .patch({ ...change, recurrence: change.recurrence ?? null })) as GraphEvent;
      return { eventId: updated.id ?? eventId, joinUrl: await this.joinUrlOf(tenantId, organizer, updated) };
    } catch (error) {
      throw toDomainError(error, "The Teams meeting was not updated");
    }
  }

  async cancel(tenantId: string, organizerId: string, eventId: string, comment?: string): Promise<void> {
    const organizer = this.organizer(organizerId);
    try {
      // `cancel` (not DELETE) sends attendees a cancellation message.
      await this.clients
        .forTenant(tenantId)
        .api(`/users/${organizer}/events/${encodeURIComponent(eventId)}/cancel`)
        .post(comment ? { comment } : {});
    } catch (error) {
      throw toDomainError(error, "The Teams meeting was not cancelled");
    }
  }

  private organizer(organizerId: string): string {
    if (!GUID.test(organizerId)) throw new ValidationError("The organiser is not a Microsoft 365 user.");
    return organizerId;
  }

  private async eventBody(tenantId: string, organizerId: string, request: MeetingRequest) {
    const recurrence = request.recurrence
      ? toPatternedRecurrence(request.recurrence, request.startsAt, request.timeZone)
      : undefined;
    return {
      subject: request.subject,
      body: { contentType: "text", content: request.body ?? "" },
      // Wall-clock times in the session's zone, so a series keeps its local hour across DST.
      start: { dateTime: wallClock(request.startsAt, request.timeZone), timeZone: request.timeZone },
      end: { dateTime: wallClock(request.endsAt, request.timeZone), timeZone: request.timeZone },
      attendees: await this.attendees(tenantId, organizerId, request.attendees),
      ...(recurrence ? { recurrence } : {}),
    };
  }

  /** Attendees as Graph wants them (by mail); ids without a known mail are looked up. */
  private async attendees(tenantId: string, organizerId: string, attendees: MeetingAttendee[]) {
    const others = attendees.filter((a) => a.id !== organizerId);
    const unknown = others.filter((a) => !a.mail).map((a) => a.id);
    const found =
      unknown.length > 0 && this.directory
        ? (await this.directory.getMany(tenantId, unknown)).people
        : undefined;
    const seen = new Set<string>();
    const result: { emailAddress: { address: string; name?: string }; type: "required" }[] = [];
    for (const a of others) {
      const known = found?.get(a.id);
      const address = a.mail ?? known?.mail;
      // Someone whose address nobody knows cannot be invited; the session keeps them anyway.
      if (!address || seen.has(address.toLowerCase())) continue;
      seen.add(address.toLowerCase());
      const name = a.displayName ?? known?.displayName;
      result.push({ emailAddress: { address, ...(name ? { name } : {}) }, type: "required" });
    }
    return result;
  }

  /** The join link; read back once when Graph's answer did not carry it yet. */
  private async joinUrlOf(tenantId: string, organizer: string, event: GraphEvent): Promise<string> {
    const url = event.onlineMeeting?.joinUrl;
    if (url) return url;
    const read = (await this.clients
      .forTenant(tenantId)
      .api(`/users/${organizer}/events/${encodeURIComponent(event.id)}`)
      .select("id,onlineMeeting")
      .get()) as GraphEvent;
    const joinUrl = read.onlineMeeting?.joinUrl;
    if (!joinUrl) throw toDomainError({ statusCode: 503 }, "The Teams meeting has no join link yet");
    return joinUrl;
  }
}
