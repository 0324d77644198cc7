import type { TenantRecordRepository } from "../communities/communityRecords.js";
import type { RsvpResponse, Session } from "./session.js";

/** One person's answer to a session invitation. */
export interface Rsvp {
  userId: string;
  displayName: string;
  response: RsvpResponse;
  at: string;
}

/** Storage port for sessions and RSVPs. Every call is scoped by tenant and community. */
export interface SessionRepository extends TenantRecordRepository<Session> {
  listForCommunity(tenantId: string, communityId: string): Promise<Session[]>;
  /** Records a person's answer (replacing an earlier one): idempotent. */
  setRsvp(tenantId: string, communityId: string, sessionId: string, rsvp: Rsvp): Promise<void>;
  listRsvps(tenantId: string, communityId: string, sessionId: string): Promise<Rsvp[]>;
  /** Every answer to every session of a community, by session id (one query, not one per session). */
  listRsvpsOfCommunity(tenantId: string, communityId: string): Promise<Map<string, Rsvp[]>>;
  /** A person's answers across communities: `{ communityId, sessionId, response }`. */
  listRsvpsOf(
    tenantId: string,
    userId: string,
  ): Promise<{ communityId: string; sessionId: string; response: RsvpResponse }[]>;
}
