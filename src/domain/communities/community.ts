import type { PersonRef } from "../identity.js";

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
