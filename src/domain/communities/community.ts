import { ForbiddenError } from "../errors.js";
import type { Caller, PersonRef } from "../identity.js";

export type CommunityPrivacy = "open" | "private";

/** A peer-learning community: the unit every other feature belongs to. */
export interface Community {
  tenantId: string;
  id: string;
  name: string;
  purpose: string;
  domain: string;
  tags: string[];
  privacy: CommunityPrivacy;
  stewards: PersonRef[];
  createdBy: PersonRef;
  /** The Teams team/channel whose tab hosts the community, when created from a channel. */
  teamId?: string;
  channelId?: string;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
  /** Storage version; a write with a stale one fails with a ConcurrencyError. */
  etag: string;
}

/** A person's membership of one community. */
export interface Membership {
  tenantId: string;
  communityId: string;
  userId: string;
  displayName: string;
  joinedAt: string;
}

/** What a caller sees of a community: the community plus their own relation to it. */
export interface CommunityView extends Community {
  isMember: boolean;
  isSteward: boolean;
}

/**
 * Someone asking to join a private community; a steward approves (they become a member) or
 * declines (the request is gone and they may ask again).
 */
export interface JoinRequest {
  tenantId: string;
  communityId: string;
  userId: string;
  displayName: string;
  requestedAt: string;
}

/** A member as the members list shows them. */
export interface MemberView {
  id: string;
  displayName: string;
  joinedAt: string;
  isSteward: boolean;
}

/**
 * What `GET /communities/:id` adds to a {@link CommunityView}: whether the caller asked to join
 * (a private community's non-member), and for stewards how many requests wait for them.
 */
export interface CommunityStatus {
  joinRequested: boolean;
  pendingRequestCount?: number;
}

/** The answer to an action that may have joined the caller to an open community on the way. */
export interface Participation {
  community: CommunityView;
  /** True when this action made the caller a member (acting in an open community joins it). */
  joinedCommunity: boolean;
}

/**
 * What features that live inside a community (activities) need to know of it: whether the caller
 * may see its content, and letting them take part ({@link Participation}).
 */
export interface CommunityAccess {
  /** The community if the caller may read it; a ForbiddenError (private) or NotFoundError otherwise. */
  readable(caller: Caller, communityId: string): Promise<CommunityView>;
  /**
   * Whether the caller may read the community's content, as {@link readable} decides, for the hot
   * paths that need only the answer (every poll of an activity): an open community's row is read
   * once per instance every few seconds for everyone; a private one's members as in `readable`.
   */
  mayRead(caller: Caller, communityId: string): Promise<void>;
  /**
   * Taking part in one of the community's activities: refused for a private community's
   * non-member; joins an open one's. `alongside` (the caller's own write, such as the activity's
   * participant row) runs once the community takes the caller — beside the join's own writes,
   * never when the caller is refused.
   */
  participate(caller: Caller, communityId: string, alongside?: () => Promise<void>): Promise<Participation>;
  /**
   * Someone who may take part soon (their panel shows a running activity they have not joined):
   * what {@link participate} reads is read ahead, in the background, so their Join finds it read.
   */
  expectParticipant?(caller: Caller, communityId: string): void;
}

/** The community when its reader stewards it, else a ForbiddenError saying who may (`message`). */
export function stewardsOnly<C extends { isSteward: boolean }>(community: C, message: string): C {
  if (!community.isSteward) throw new ForbiddenError(message);
  return community;
}
