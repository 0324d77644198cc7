import { odata, type TableEntityResult, type TransactionAction } from "@azure/data-tables";
import type { Community, JoinRequest, Membership } from "../domain/communities/community.js";
import { type CommunityRepository, MEMBER_IDS_WHOLE_MS } from "../domain/communities/communityRepository.js";
import { forEachLimited } from "../domain/concurrency.js";
import type { PersonRef } from "../domain/identity.js";
import type { Page, PageRequest } from "../domain/paging.js";
import { EtaggedRepository } from "./etaggedRepository.js";
import { KeptPartitions } from "./keptPartitions.js";
import { keys, TABLES } from "./keys.js";
import { statusOf } from "./tableErrors.js";
import type { TableStore } from "./tableStore.js";

/** How a community is stored: lists as JSON strings (Tables has no array type). */
interface CommunityRow {
  partitionKey: string;
  rowKey: string;
  name: string;
  purpose: string;
  domain: string;
  tagsJson: string;
  privacy: string;
  stewardsJson: string;
  createdById: string;
  createdByName: string;
  teamId?: string;
  channelId?: string;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

interface MembershipRow {
  partitionKey: string;
  rowKey: string;
  communityId: string;
  userId: string;
  displayName: string;
  joinedAt: string;
}

interface JoinRequestRow {
  partitionKey: string;
  rowKey: string;
  communityId: string;
  userId: string;
  displayName: string;
  requestedAt: string;
}

/** Communities and memberships in Azure Tables (see keys.ts for the key design). */
/** Communities whose member ids one instance keeps (ids and times only: ~150 bytes a member). */
const KEPT_MEMBER_LISTS = 100;

export class TablesCommunityRepository
  extends EtaggedRepository<Community, CommunityRow>
  implements CommunityRepository
{
  /**
   * Communities' member ids as read lately (row keys and times only): a take-part burst's member
   * check reads the memberships changed since, not every membership again (see memberIds).
   */
  private readonly keptMembers: KeptPartitions<{ rowKey?: string; timestamp?: string }>;

  constructor(store: TableStore) {
    super(store, TABLES.communities, "The community", toRow);
    this.keptMembers = new KeptPartitions(
      (partition, changedSince) =>
        this.store.changedRows<object>(TABLES.memberships, partition, changedSince, ["RowKey", "Timestamp"]),
      KEPT_MEMBER_LISTS,
      Date.now,
      MEMBER_IDS_WHOLE_MS,
    );
  }

  async get(tenantId: string, communityId: string): Promise<Community | undefined> {
    const { partitionKey, rowKey } = keys.community(tenantId, communityId);
    return this.rows.read(partitionKey, rowKey, (row) => fromRow(tenantId, row));
  }

  async setMemberCount(tenantId: string, communityId: string, memberCount: number): Promise<void> {
    try {
      // Merge touches only the count; without an ETag it is "If-Match: *", so a deleted community
      // answers 404 instead of coming back as a row holding nothing but a count.
      await this.store
        .table(TABLES.communities)
        .updateEntity({ ...keys.community(tenantId, communityId), memberCount }, "Merge");
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  async list(tenantId: string, page?: PageRequest): Promise<Page<Community>> {
    const toCommunity = (row: TableEntityResult<CommunityRow>) => fromRow(tenantId, row);
    return this.store.partitionPageOf(
      TABLES.communities,
      keys.communitiesOfTenant(tenantId),
      page,
      toCommunity,
    );
  }

  async addMember(membership: Membership): Promise<boolean> {
    const { tenantId, communityId, userId } = membership;
    const byCommunity: MembershipRow = {
      ...keys.member(tenantId, communityId, userId),
      communityId,
      userId,
      displayName: membership.displayName,
      joinedAt: membership.joinedAt,
    };
    // The person's index row first, then the community's: the community's row is what says they
    // are a member (and what a take-part reads), so it never stands without the index row (a stop
    // between the two leaves no member; the next join writes both). A retry writes both again
    // (the index is an upsert; the community's row answers 409 when it landed the first time).
    await this.store
      .table(TABLES.memberships)
      .upsertEntity({ ...byCommunity, ...keys.membershipOfUser(tenantId, userId, communityId) });
    const created = await this.store.insertIfAbsent(TABLES.memberships, byCommunity);
    return created;
  }

  async addMembers(memberships: readonly Membership[]): Promise<void> {
    const rows = memberships.map((m) => ({
      ...keys.member(m.tenantId, m.communityId, m.userId),
      communityId: m.communityId,
      userId: m.userId,
      displayName: m.displayName,
      joinedAt: m.joinedAt,
    }));
    // As addMember: the people's index rows first (each in its own partition, a few at a time),
    // then the community's rows, up to 100 to a transaction (one partition).
    await forEachLimited([...rows.keys()], 8, async (i) => {
      const { tenantId, userId, communityId } = memberships[i] as Membership;
      await this.store
        .table(TABLES.memberships)
        .upsertEntity({ ...rows[i], ...keys.membershipOfUser(tenantId, userId, communityId) });
    });
    try {
      await this.store.submitBatches(
        TABLES.memberships,
        rows.map((row) => ["create", row] as TransactionAction),
      );
    } catch (error) {
      // A transaction with someone already a member fails whole (409): each row then on its own.
      if (statusOf(error) !== 409) throw error;
      for (const row of rows) await this.store.insertIfAbsent(TABLES.memberships, row);
    }
  }

  async removeMember(tenantId: string, communityId: string, userId: string): Promise<boolean> {
    const byCommunity = keys.member(tenantId, communityId, userId);
    const byUser = keys.membershipOfUser(tenantId, userId, communityId);
    const removed = await this.store.deleteIfExists(
      TABLES.memberships,
      byCommunity.partitionKey,
      byCommunity.rowKey,
    );
    // A removed row never shows in a read of the changed rows: the next read is a whole one.
    this.keptMembers.forget(byCommunity.partitionKey);
    await this.store.deleteIfExists(TABLES.memberships, byUser.partitionKey, byUser.rowKey);
    return removed;
  }

  // Async like every read here: a key that refuses an id rejects the promise instead of throwing
  // before there is one (a Promise.all beside another read would leave that read's failure unhandled).
  async getMembership(
    tenantId: string,
    communityId: string,
    userId: string,
  ): Promise<Membership | undefined> {
    const toMembership = (row: MembershipRow) => membershipFromRow(tenantId, row);
    return this.store.readAs(TABLES.memberships, keys.member(tenantId, communityId, userId), toMembership);
  }

  async countMembers(tenantId: string, communityId: string): Promise<number> {
    const pk = keys.membersOf(tenantId, communityId);
    let count = 0;
    // Keys only: a page of 1,000 members costs one small response.
    const rows = this.store
      .table(TABLES.memberships)
      .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${pk}`, select: ["RowKey"] } });
    for await (const _ of rows) count++;
    return count;
  }

  async listMembers(tenantId: string, communityId: string, page?: PageRequest): Promise<Page<Membership>> {
    const toMembership = (row: MembershipRow) => membershipFromRow(tenantId, row);
    return this.store.partitionPageOf(
      TABLES.memberships,
      keys.membersOf(tenantId, communityId),
      page,
      toMembership,
    );
  }

  async memberIds(tenantId: string, communityId: string): Promise<ReadonlySet<string>> {
    const rows = await this.keptMembers.rows(keys.membersOf(tenantId, communityId));
    return new Set(rows.map((row) => row.rowKey ?? "").filter((id) => id !== ""));
  }

  async addJoinRequest(request: JoinRequest): Promise<boolean> {
    const row: JoinRequestRow = {
      ...keys.joinRequest(request.tenantId, request.communityId, request.userId),
      communityId: request.communityId,
      userId: request.userId,
      displayName: request.displayName,
      requestedAt: request.requestedAt,
    };
    return this.store.insertIfAbsent(TABLES.memberships, row);
  }

  async getJoinRequest(
    tenantId: string,
    communityId: string,
    userId: string,
  ): Promise<JoinRequest | undefined> {
    const toRequest = (row: JoinRequestRow) => joinRequestFromRow(tenantId, row);
    return this.store.readAs(TABLES.memberships, keys.joinRequest(tenantId, communityId, userId), toRequest);
  }

  async removeJoinRequest(tenantId: string, communityId: string, userId: string): Promise<boolean> {
    const { partitionKey, rowKey } = keys.joinRequest(tenantId, communityId, userId);
    return this.store.deleteIfExists(TABLES.memberships, partitionKey, rowKey);
  }

  async listJoinRequests(tenantId: string, communityId: string): Promise<JoinRequest[]> {
    const pk = keys.joinRequestsOf(tenantId, communityId);
    const rows = await this.store.partitionRows<JoinRequestRow>(TABLES.memberships, pk);
    return rows
      .map((row) => joinRequestFromRow(tenantId, row))
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  }

  async listCommunityIdsOf(tenantId: string, userId: string): Promise<string[]> {
    const pk = keys.membershipsOf(tenantId, userId);
    const rows = await this.store.partitionRows<MembershipRow>(TABLES.memberships, pk);
    return rows.map((row) => row.rowKey);
  }
}

function toRow(c: Omit<Community, "etag">): CommunityRow {
  return {
    ...keys.community(c.tenantId, c.id),
    name: c.name,
    purpose: c.purpose,
    domain: c.domain,
    tagsJson: JSON.stringify(c.tags),
    privacy: c.privacy,
    stewardsJson: JSON.stringify(c.stewards),
    createdById: c.createdBy.id,
    createdByName: c.createdBy.displayName,
    ...(c.teamId ? { teamId: c.teamId } : {}),
    ...(c.channelId ? { channelId: c.channelId } : {}),
    memberCount: c.memberCount,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

function fromRow(tenantId: string, row: TableEntityResult<CommunityRow>): Community {
  return {
    tenantId,
    id: row.rowKey,
    name: row.name,
    purpose: row.purpose,
    domain: row.domain,
    tags: JSON.parse(row.tagsJson) as string[],
    privacy: row.privacy === "private" ? "private" : "open",
    stewards: JSON.parse(row.stewardsJson) as PersonRef[],
    createdBy: { id: row.createdById, displayName: row.createdByName },
    ...(row.teamId ? { teamId: row.teamId } : {}),
    ...(row.channelId ? { channelId: row.channelId } : {}),
    memberCount: row.memberCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    etag: row.etag,
  };
}

/** Who a membership or a request to join is about, and where (both rows name them alike). */
function personInCommunity(tenantId: string, row: MembershipRow | JoinRequestRow) {
  return { tenantId, communityId: row.communityId, userId: row.userId, displayName: row.displayName };
}

function membershipFromRow(tenantId: string, row: MembershipRow): Membership {
  return { ...personInCommunity(tenantId, row), joinedAt: row.joinedAt };
}

function joinRequestFromRow(tenantId: string, row: JoinRequestRow): JoinRequest {
  return { ...personInCommunity(tenantId, row), requestedAt: row.requestedAt };
}
