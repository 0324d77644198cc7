import type { ActivityView, GroupView, SubmissionView } from "../domain/activities/activityViews.js";

/** Activities' answers (`/api/activities…`), read by the meeting panel and stage. */

/** The request header that names the submissions a client holds (a snapshot's `submissionsVersion`). */
export const HELD_SUBMISSIONS_HEADER = "X-Held-Submissions";

/**
 * What every activity read and write answers: the caller's view of the activity (or none), a
 * one-click Teams chat with their partner(s), the version of this answer and the server's clock.
 *
 * Live updates are polling with ETags, not server-sent events: a poll is a plain short HTTPS
 * request, which passes Teams' web, desktop and mobile clients and any proxy in between, where a
 * stream that stays open may be buffered or cut; and because an activity's state is derived from
 * storage and the clock, any instance can answer any poll (no sticky sessions, no fan-out between
 * instances). An unchanged answer costs a 304 without a body. While a phase runs,
 * `activity.state.remainingMs` is 0: count down to `state.endsAt` against `serverNow`.
 */
export interface ActivitySnapshot {
  activity: ActivityView | null;
  /** `https://teams.microsoft.com/l/chat/0/0?users=…` with the caller's partner(s), once paired. */
  partnerChatUrl?: string;
  /** The answer's version (also the ETag): send it back as `If-None-Match` to get 304 when unchanged. */
  version: string;
  /**
   * The version of `activity.submissions` alone, as the caller sees them. Sent back in the
   * {@link HELD_SUBMISSIONS_HEADER} header of a read or a Join, an answer whose submissions are
   * still these leaves them out (`submissionsHeld`): keep the ones you hold.
   */
  submissionsVersion?: string;
  /** `activity.submissions` is empty because it is what you sent as held: keep yours. */
  submissionsHeld?: true;
  /** The server's clock (ISO), so a countdown to `state.endsAt` is right on a client whose clock is off. */
  serverNow: string;
  /** On joining: the caller became a member of the activity's (open) community by it. */
  joinedCommunity?: true;
}

/**
 * What a submission answers: the submission as its writer reads it now, not the whole activity
 * again. 300 people writing at once would otherwise each be sent (and the server each build and
 * version) everyone's texts; the side panel puts the saved one in place and its next poll brings
 * the rest (with `If-None-Match`, so an unchanged activity costs a 304).
 */
export interface SavedSubmissionAnswer {
  saved: SubmissionView;
  serverNow: string;
}

/** The current round's groups with their members (`GET /api/activities/:id/groups`): the group list of someone who steers. */
export interface ActivityGroupsAnswer {
  groups: GroupView[];
}
