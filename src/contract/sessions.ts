import type { SessionView } from "../domain/sessions/session.js";
import type { NewSessionInput, SessionChangesInput } from "../domain/sessions/sessionSchemas.js";
import type { ItemsAnswer } from "./answers.js";

/** Sessions' requests and answers (`/api/communities/:id/sessions…`). Requests are the domain's schemas. */

/** A session as the caller sees it. */
export type SessionAnswer = Omit<SessionView, "tenantId" | "createdAt" | "updatedAt"> &
  Partial<Pick<SessionView, "createdAt" | "updatedAt">> & {
    /** On a session's own page: a calendar is connected, so a Teams meeting can be asked for. */
    canScheduleMeetings?: boolean;
    /** On answering: it made the caller a member of the open community. */
    joinedCommunity?: true;
  };

/** `GET …/sessions?from&to`: a range of the calendar and what the server can do for it. */
export type SessionPageAnswer = ItemsAnswer<SessionAnswer> & {
  /** A calendar is connected: stewards may ask for Teams meetings. */
  canScheduleMeetings: boolean;
  /** The answer stopped at its size (the soonest): a shorter range shows the rest. */
  truncated?: true;
};

/** `POST …/sessions`: what a steward sends to plan a session. */
export type NewSessionRequest = NewSessionInput;
/** `PATCH …/sessions/:id` (with `If-Match`): a change, a cancellation, or a series made one-off. */
export type SessionChangesRequest = SessionChangesInput;
