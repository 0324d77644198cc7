import type { RsvpResponse, Session } from "../../api/sessions.js";

/**
 * A session as it will look once the caller's RSVP is saved: their answer replaced and the counts
 * moved from the old answer to the new one. Used to show the answer at once (optimistic update).
 */
export function withRsvp(session: Session, response: RsvpResponse): Session {
  const counts = { ...session.rsvpCounts };
  if (session.myRsvp) counts[session.myRsvp] = Math.max(0, counts[session.myRsvp] - 1);
  counts[response] += 1;
  return { ...session, myRsvp: response, rsvpCounts: counts };
}
