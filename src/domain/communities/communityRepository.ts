import type { Page, PageRequest } from "../paging.js";
import type { Community, JoinRequest, Membership } from "./community.js";

/** Storage port for communities and their members. Every call is scoped by tenant. */
export interface CommunityRepository {
  /** Inserts a new community; a duplicate id fails with a ConflictError. */
  create(community: Omit<Community, "etag">): Promise<Community>;
  get(tenantId: string, communityId: string): Promise<Community | undefined>;
  /** Replaces the community if `community.etag` is current, else throws a ConcurrencyError. */
  update(community: Community): Promise<Community>;
  list(tenantId: string, page?: PageRequest): Promise<Page<Community>>;
  /**
   * Stores the community's member count, whatever its ETag (see `settleCount`: the count is a cache
   * of the membership rows, checked after writing). Nothing happens when the community is gone.
   */
  setMemberCount(tenantId: string, communityId: string, memberCount: number): Promise<void>;

  /** Adds a membership; returns false when the person already was a member (idempotent). */
  addMember(membership: Membership): Promise<boolean>;
  /**
   * Adds memberships (of one or more communities) as {@link addMember} does, written together:
   * the people's index rows, then each community's rows in transactions. Idempotent.
   */
  addMembers(memberships: readonly Membership[]): Promise<void>;
  /** Removes a membership; returns false when the person was not a member (idempotent). */
  removeMember(tenantId: string, communityId: string, userId: string): Promise<boolean>;
  getMembership(tenantId: string, communityId: string, userId: string): Promise<Membership | undefined>;
  /** How many members the community has, counted from the membership rows now. */
  countMembers(tenantId: string, communityId: string): Promise<number>;
  listMembers(tenantId: string, communityId: string, page?: PageRequest): Promise<Page<Membership>>;
  /**
   * The ids of a community's members, as one instance can keep them: an implementation may read
   * only the memberships changed since its last read, and the whole list now and then. One removed
   * through this instance is gone at once; through another, within {@link MEMBER_IDS_WHOLE_MS}.
   */
  memberIds(tenantId: string, communityId: string): Promise<ReadonlySet<string>>;
  /** The ids of the communities a person belongs to. */
  listCommunityIdsOf(tenantId: string, userId: string): Promise<string[]>;

  /** Records a request to join; returns false when the person had already asked (idempotent). */
  addJoinRequest(request: JoinRequest): Promise<boolean>;
  getJoinRequest(tenantId: string, communityId: string, userId: string): Promise<JoinRequest | undefined>;
  /** Removes a request (approved, declined or answered by adding the person); false when none was there. */
  removeJoinRequest(tenantId: string, communityId: string, userId: string): Promise<boolean>;
  /** The requests waiting for a steward, oldest first. */
  listJoinRequests(tenantId: string, communityId: string): Promise<JoinRequest[]>;
}

/** How long an instance may go on reading only the changed memberships before reading all again. */
export const MEMBER_IDS_WHOLE_MS = 30_000;
