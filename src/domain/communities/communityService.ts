import { randomUUID } from "node:crypto";
import { CountSettler, retryOnConflict } from "../concurrency.js";
import { ConcurrencyError, ForbiddenError, NotFoundError, ValidationError } from "../errors.js";
import type { Caller, PersonRef } from "../identity.js";
import { parseInput } from "../validation.js";
import type { Community, CommunityView } from "./community.js";
import type { CommunityRepository } from "./communityRepository.js";
import {
  type CommunityChangesInput,
  communityChangesSchema,
  type NewCommunityInput,
  newCommunitySchema,
} from "./communitySchemas.js";

/** The rules of communities: who sees, joins, leaves and curates them. */
/**
 * How long this instance trusts what it has just read of a community and the caller's membership,
 * on the hot paths: adding to the library (saving a message then needs no read before its write)
 * and searching it. A change made through this instance (leave, update) is seen at once; one made
 * through another instance within this time — far less than the hour a signed-in person's token
 * stays valid after they are removed from the organisation. Everything else reads storage.
 */
const MEMBERSHIP_TRUST_MS = 15_000;
const MAX_TRUSTED = 10_000;

export class CommunityService {
  private readonly trusted = new Map<string, { community: CommunityView; until: number }>();
  private readonly memberCounts = new CountSettler();

  constructor(
    private readonly repository: CommunityRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The community if the caller is a member, for adding to it; throws a ForbiddenError otherwise.
   * A membership read in the last {@link MEMBERSHIP_TRUST_MS} is not read again.
   */
  async requireMember(caller: Caller, communityId: string, action: string): Promise<CommunityView> {
    const community = await this.recent(caller, communityId);
    if (!community.isMember) {
      this.trusted.delete(trustKey(caller.tenantId, communityId, caller.userId));
      throw new ForbiddenError(`Join ${community.name} to ${action}.`);
    }
    return community;
  }

  /**
   * The community if the caller may read it (open, or private and a member), as {@link get}, for
   * the hot read paths (searching the library): one read in {@link MEMBERSHIP_TRUST_MS} suffices.
   */
  readable(caller: Caller, communityId: string): Promise<CommunityView> {
    return this.recent(caller, communityId);
  }

  private async recent(caller: Caller, communityId: string): Promise<CommunityView> {
    const key = trustKey(caller.tenantId, communityId, caller.userId);
    const at = this.now().getTime();
    const known = this.trusted.get(key);
    if (known && known.until > at) return known.community;
    return this.get(caller, communityId);
  }

  /** Keeps a fresh read for the hot paths ({@link readable}) of the next few seconds. */
  private trust(caller: Caller, community: CommunityView): CommunityView {
    const at = this.now().getTime();
    if (this.trusted.size >= MAX_TRUSTED) this.forgetExpired(at);
    this.trusted.set(trustKey(caller.tenantId, community.id, caller.userId), {
      community,
      until: at + MEMBERSHIP_TRUST_MS,
    });
    return community;
  }

  /** Creates a community; its creator becomes a steward and member. */
  async create(caller: Caller, input: NewCommunityInput, id: string = randomUUID()): Promise<CommunityView> {
    const data = parseInput(newCommunitySchema, input);
    const me: PersonRef = { id: caller.userId, displayName: caller.displayName };
    const stewards = uniquePeople([me, ...data.stewards]);
    const at = this.now().toISOString();
    const created = await this.repository.create({
      tenantId: caller.tenantId,
      id,
      name: data.name,
      purpose: data.purpose,
      domain: data.domain,
      tags: [...new Set(data.tags)],
      privacy: data.privacy,
      stewards,
      createdBy: me,
      ...(data.teamId ? { teamId: data.teamId } : {}),
      ...(data.channelId ? { channelId: data.channelId } : {}),
      memberCount: 0,
      createdAt: at,
      updatedAt: at,
    });
    for (const steward of stewards) {
      await this.repository.addMember({
        tenantId: caller.tenantId,
        communityId: created.id,
        userId: steward.id,
        displayName: steward.displayName,
        joinedAt: at,
      });
    }
    const counted = await this.recountMembers(caller.tenantId, created.id);
    return this.view(caller, counted, true);
  }

  /**
   * A community as the caller may see it, read from storage; private ones are invisible to
   * non-members. The read also refreshes what the hot paths trust (a page that reads the community
   * and then searches its library reads it once).
   */
  async get(caller: Caller, communityId: string): Promise<CommunityView> {
    // Both reads at once: this sits on the path of nearly every request.
    const [community, membership] = await Promise.all([
      this.repository.get(caller.tenantId, communityId),
      this.repository.getMembership(caller.tenantId, communityId, caller.userId),
    ]);
    if (!community) throw notFound();
    const isMember = membership !== undefined;
    if (community.privacy === "private" && !isMember) throw notFound();
    return this.trust(caller, this.view(caller, community, isMember));
  }

  /** Communities the caller belongs to, then open ones they could join. */
  async listVisible(caller: Caller): Promise<CommunityView[]> {
    const mine = new Set(await this.repository.listCommunityIdsOf(caller.tenantId, caller.userId));
    const views: CommunityView[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.repository.list(caller.tenantId, { pageSize: 1000, continuationToken });
      for (const c of page.items) {
        const isMember = mine.has(c.id);
        if (isMember || c.privacy === "open") views.push(this.view(caller, c, isMember));
      }
      continuationToken = page.continuationToken;
    } while (continuationToken);
    return views.sort((a, b) => Number(b.isMember) - Number(a.isMember) || a.name.localeCompare(b.name));
  }

  /** Changes a community; stewards only, and only from the version the steward last saw. */
  async update(
    caller: Caller,
    communityId: string,
    changes: CommunityChangesInput,
    etag: string,
  ): Promise<CommunityView> {
    const data = parseInput(communityChangesSchema, changes);
    const current = await this.get(caller, communityId);
    if (!current.isSteward) throw new ForbiddenError("Only the community's stewards can change it.");
    if (current.etag !== etag) {
      throw new ConcurrencyError("Someone else changed this community meanwhile. Reload it and try again.");
    }
    const stewards = data.stewards ? uniquePeople(data.stewards) : current.stewards;
    if (stewards.length === 0) throw new ValidationError("A community needs at least one steward.");
    const { isMember: _m, isSteward: _s, ...community } = current;
    this.forgetCommunity(caller.tenantId, communityId);
    const updated = await this.repository.update({
      ...community,
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.purpose !== undefined ? { purpose: data.purpose } : {}),
      ...(data.domain !== undefined ? { domain: data.domain } : {}),
      ...(data.tags !== undefined ? { tags: [...new Set(data.tags)] } : {}),
      ...(data.privacy !== undefined ? { privacy: data.privacy } : {}),
      stewards,
      updatedAt: this.now().toISOString(),
    });
    return this.view(caller, updated, true);
  }

  /** Joins an open community. Joining twice is harmless. */
  async join(caller: Caller, communityId: string): Promise<CommunityView> {
    const current = await this.get(caller, communityId);
    if (current.isMember) return current;
    if (current.privacy === "private") {
      throw new ForbiddenError("This community is private: ask one of its stewards to add you.");
    }
    this.trusted.delete(trustKey(caller.tenantId, communityId, caller.userId));
    const added = await this.repository.addMember({
      tenantId: caller.tenantId,
      communityId,
      userId: caller.userId,
      displayName: caller.displayName,
      joinedAt: this.now().toISOString(),
    });
    // The membership row has landed: from here on the answer is a success, whatever the count does.
    const community = added ? await this.recountMembers(caller.tenantId, communityId) : current;
    return this.view(caller, community, true);
  }

  /** Leaves a community. Leaving twice is harmless; the last steward cannot leave. */
  async leave(caller: Caller, communityId: string): Promise<CommunityView> {
    const current = await this.get(caller, communityId);
    if (!current.isMember) return current;
    if (current.isSteward && current.stewards.length === 1) {
      throw new ValidationError(
        "You are this community's only steward: name another steward before you leave.",
      );
    }
    this.trusted.delete(trustKey(caller.tenantId, communityId, caller.userId));
    const removed = await this.repository.removeMember(caller.tenantId, communityId, caller.userId);
    let community = removed ? await this.recountMembers(caller.tenantId, communityId) : current;
    if (current.isSteward) {
      community = await this.retryOnConflict(caller.tenantId, communityId, (c) => ({
        ...c,
        stewards: c.stewards.filter((s) => s.id !== caller.userId),
      }));
    }
    return this.view(caller, community, false);
  }

  private forgetCommunity(tenantId: string, communityId: string): void {
    const prefix = trustKey(tenantId, communityId, "");
    for (const key of this.trusted.keys()) if (key.startsWith(prefix)) this.trusted.delete(key);
  }

  private forgetExpired(at: number): void {
    for (const [key, { until }] of this.trusted) if (until <= at) this.trusted.delete(key);
    // Still full of live entries: drop the oldest (Map order is insertion order).
    while (this.trusted.size >= MAX_TRUSTED) {
      const oldest = this.trusted.keys().next().value;
      if (oldest === undefined) break;
      this.trusted.delete(oldest);
    }
  }

  /**
   * Brings `memberCount` to the number of membership rows after a join or leave (the rows are the
   * truth, the count a cache of them; see `settleCount`), and returns the community with it.
   */
  private async recountMembers(tenantId: string, communityId: string): Promise<Community> {
    const settled = await this.memberCounts.settle(trustKey(tenantId, communityId, ""), {
      read: async () => {
        const community = await this.repository.get(tenantId, communityId);
        return community && { value: community, count: community.memberCount };
      },
      recount: () => this.repository.countMembers(tenantId, communityId),
      write: (count) => this.repository.setMemberCount(tenantId, communityId, count),
    });
    if (!settled) throw notFound();
    return { ...settled.value, memberCount: settled.count };
  }

  /** Read-modify-write guarded by the ETag, re-read and retried when another writer won. */
  private retryOnConflict(
    tenantId: string,
    communityId: string,
    change: (c: Community) => Community,
  ): Promise<Community> {
    return retryOnConflict(async () => {
      const current = await this.repository.get(tenantId, communityId);
      if (!current) throw notFound();
      return this.repository.update(change(current));
    });
  }

  private view(caller: Caller, community: Community, isMember: boolean): CommunityView {
    return { ...community, isMember, isSteward: community.stewards.some((s) => s.id === caller.userId) };
  }
}

function notFound(): NotFoundError {
  return new NotFoundError("This community does not exist, or it is private and you are not a member.");
}

function uniquePeople(people: PersonRef[]): PersonRef[] {
  const seen = new Map<string, PersonRef>();
  for (const p of people) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}

function trustKey(tenantId: string, communityId: string, userId: string): string {
  return `${tenantId}\n${communityId}\n${userId}`;
}
