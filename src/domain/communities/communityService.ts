import { randomUUID } from "node:crypto";
import { forgetOldest } from "../boundedMap.js";
import { CountSettler, retryOnConflict } from "../concurrency.js";
import { ForbiddenError, NotFoundError, requireLatest, ValidationError } from "../errors.js";
import { type Caller, callerAsPerson, type PersonRef } from "../identity.js";
import { parseInput } from "../validation.js";
import {
  type Community,
  type CommunityStatus,
  type CommunityView,
  type JoinRequest,
  type Membership,
  type MemberView,
  type Participation,
  stewardsOnly,
} from "./community.js";
import type { CommunityRepository } from "./communityRepository.js";
import {
  type CommunityChangesInput,
  communityChangesSchema,
  MAX_STEWARDS,
  type MemberToAddInput,
  memberToAddSchema,
  type NewCommunityInput,
  newCommunitySchema,
  type PersonInput,
  personSchema,
} from "./communitySchemas.js";
import { PendingMemberships } from "./pendingMemberships.js";
import { RecentListings } from "./recentListings.js";

/**
 * How long this instance trusts what it has just read of a community and the caller's membership,
 * on the hot paths: adding to the library (saving a message then needs no read before its write)
 * and searching it. A change made through this instance (leave, update) is seen at once; one made
 * through another instance within this time — far less than the hour a signed-in person's token
 * stays valid after they are removed from the organisation. Everything else reads storage.
 */
const MEMBERSHIP_TRUST_MS = 15_000;
/** How long a community row (or member list) read for taking part is used again without a new read (see keptRead). */
const ROW_FRESH_MS = 5_000;
/**
 * How long it is used at most: older than {@link ROW_FRESH_MS}, it answers while a new read runs
 * in the background, so people joining in a burst never wait for it. A change made through
 * another instance is seen within this time, as a member's trust ({@link MEMBERSHIP_TRUST_MS}).
 */
const ROW_USABLE_MS = MEMBERSHIP_TRUST_MS;
const MAX_TRUSTED = 10_000;
/** Communities up to this many members are checked for taking part from their member list. */
const MEMBER_LIST_MAX = 2_000;

/** The rules of communities: who sees, joins, leaves and curates them. */
export class CommunityService {
  private readonly trusted = new Map<string, { community: CommunityView; until: number }>();
  private readonly memberCounts = new CountSettler();
  /** Community rows for taking part ({@link communityRow}). */
  private readonly rows = new Map<string, { value: Community; readAt: number }>();
  /** Small communities' member ids for taking part ({@link memberIds}), and the reads running. */
  private readonly memberLists = new Map<string, { value: ReadonlySet<string>; readAt: number }>();
  private readonly memberListReads = new Map<string, Promise<ReadonlySet<string>>>();
  /** Reads of community rows for taking part in flight, by community. */
  private readonly rowReads = new Map<string, Promise<Community>>();
  /** People's lists of communities, for asking in chat ({@link listVisibleRecent}). */
  private readonly listings: RecentListings;
  private readonly joinRequestListeners: ((community: Community, request: JoinRequest) => void)[] = [];
  /** Memberships of people who joined by taking part, written after their answers ({@link participate}). */
  private readonly pendingJoins: PendingMemberships;

  constructor(
    private readonly repository: CommunityRepository,
    private readonly now: () => Date = () => new Date(),
    options: {
      /** Memberships written after take-parts' answers failed (they are tried again). */
      onJoinWriteFailed?: (memberships: Membership[], error: unknown) => void;
      /** How long a burst of joins may pause before their memberships are written. */
      joinQuietMs?: number;
    } = {},
  ) {
    this.listings = new RecentListings(MEMBERSHIP_TRUST_MS, () => this.now().getTime());
    this.pendingJoins = new PendingMemberships({
      write: (memberships) => this.repository.addMembers(memberships),
      written: (memberships) => {
        for (const tenantId of new Set(memberships.map((m) => m.tenantId)))
          this.listings.forgetTenant(tenantId);
      },
      count: async (tenantId, communityId) => {
        await this.recountMembers(tenantId, communityId);
      },
      failed: options.onJoinWriteFailed ?? (() => undefined),
      ...(options.joinQuietMs === undefined ? {} : { quietMs: options.joinQuietMs }),
    });
  }

  /** Writes the memberships still waiting (see {@link participate}) and waits for them. */
  flushPendingJoins(): Promise<void> {
    return this.pendingJoins.flush();
  }

  /** Shutdown: the memberships still waiting are written, once each. */
  stop(): Promise<void> {
    return this.pendingJoins.stop();
  }

  /**
   * The community if the caller is a member, for adding to it; throws a ForbiddenError otherwise.
   * A membership read in the last {@link MEMBERSHIP_TRUST_MS} is not read again.
   */
  async requireMember(caller: Caller, communityId: string, action: string): Promise<CommunityView> {
    const community = await this.recent(caller, communityId);
    if (!community.isMember) {
      this.untrust(caller.tenantId, communityId, caller.userId);
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

  /** Whether the caller may read the community: an open one needs no read of their membership. */
  async mayRead(caller: Caller, communityId: string): Promise<void> {
    const known = this.trusted.get(trustKey(caller.tenantId, communityId, caller.userId));
    if (known && known.until > this.now().getTime()) return;
    const row = await this.communityRow(caller.tenantId, communityId);
    if (row.privacy !== "open") await this.recent(caller, communityId);
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
    const me: PersonRef = callerAsPerson(caller);
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
    this.listings.forgetTenant(caller.tenantId);
    const counted = await this.recountMembers(caller.tenantId, created.id);
    return this.view(caller, counted, true);
  }

  /**
   * A community as the caller may see it, read from storage; private ones are invisible to
   * non-members. The read also refreshes what the hot paths trust (a page that reads the community
   * and then searches its library reads it once).
   */
  async get(caller: Caller, communityId: string): Promise<CommunityView> {
    // A membership this instance has yet to write (the caller just took part) is written first.
    await this.pendingJoins.settle(caller.tenantId, caller.userId, communityId);
    // Both reads at once: this sits on the path of nearly every request.
    const [community, membership] = await Promise.all([
      this.repository.get(caller.tenantId, communityId),
      this.repository.getMembership(caller.tenantId, communityId, caller.userId),
    ]);
    if (!community) throw notFound();
    const isMember = membership !== undefined;
    if (community.privacy === "private" && !isMember) throw privateCommunity(community);
    return this.trust(caller, this.view(caller, community, isMember));
  }

  /** Communities the caller belongs to, then open ones they could join. */
  async listVisible(caller: Caller): Promise<CommunityView[]> {
    await this.pendingJoins.settle(caller.tenantId, caller.userId);
    // The caller's memberships and the first page of communities side by side: every question
    // asked in chat lists them, and one round trip less is felt there.
    const [ids, first] = await Promise.all([
      this.repository.listCommunityIdsOf(caller.tenantId, caller.userId),
      this.repository.list(caller.tenantId, { pageSize: 1000 }),
    ]);
    const mine = new Set(ids);
    const views: CommunityView[] = [];
    let page = first;
    for (;;) {
      for (const c of page.items) {
        const isMember = mine.has(c.id);
        if (isMember || c.privacy === "open") views.push(this.view(caller, c, isMember));
      }
      if (!page.continuationToken) break;
      page = await this.repository.list(caller.tenantId, {
        pageSize: 1000,
        continuationToken: page.continuationToken,
      });
    }
    return views.sort((a, b) => Number(b.isMember) - Number(a.isMember) || a.name.localeCompare(b.name));
  }

  /**
   * {@link listVisible}, read at most once per {@link MEMBERSHIP_TRUST_MS} per person on this
   * instance, for the hot path of asking in chat (every question lists the asker's communities).
   * A change through this instance is seen at once; through another within that time, as the
   * memberships the hot paths trust. Everything else lists afresh.
   */
  listVisibleRecent(caller: Caller): Promise<readonly CommunityView[]> {
    return this.listings.get(caller.tenantId, caller.userId, () => this.listVisible(caller));
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
    requireLatest(current, etag, "this community");
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
    // Again once written: a read begun meanwhile may have kept the row as it was.
    this.forgetCommunity(caller.tenantId, communityId);
    // Stewards are always members: a steward named here joins (their count goes up as they do).
    const newStewards = stewards.filter((s) => !current.stewards.some((c) => c.id === s.id));
    if (newStewards.length === 0) return this.view(caller, updated, true);
    for (const steward of newStewards) await this.admit(caller.tenantId, communityId, steward);
    return this.view(caller, await this.read(caller.tenantId, communityId), true);
  }

  /** Joins an open community. Joining twice is harmless. */
  async join(caller: Caller, communityId: string): Promise<CommunityView> {
    const current = await this.get(caller, communityId);
    if (current.isMember) return current;
    if (current.privacy === "private") {
      throw new ForbiddenError("This community is private: ask one of its stewards to add you.");
    }
    const community = await this.admit(caller.tenantId, communityId, callerAsPerson(caller));
    return this.view(caller, community ?? current, true);
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
    this.untrust(caller.tenantId, communityId, caller.userId);
    const removed = await this.repository.removeMember(caller.tenantId, communityId, caller.userId);
    this.listings.forgetTenant(caller.tenantId);
    let community = removed ? await this.recountMembers(caller.tenantId, communityId) : current;
    if (current.isSteward) {
      community = await this.retryOnConflict(caller.tenantId, communityId, (c) => ({
        ...c,
        stewards: c.stewards.filter((s) => s.id !== caller.userId),
      }));
    }
    return this.view(caller, community, false);
  }

  /**
   * Lets the caller act in a community (vote, RSVP, take part in an activity). A member acts; in an
   * open community a non-member is joined on the way ({@link join}), and the answer says so; a
   * private community's non-member is refused (ForbiddenError) before anything is written.
   */
  async participate(
    caller: Caller,
    communityId: string,
    alongside: () => Promise<void> = async () => {},
  ): Promise<Participation> {
    const known = this.trusted.get(trustKey(caller.tenantId, communityId, caller.userId));
    if (known && known.until > this.now().getTime() && known.community.isMember) {
      await alongside();
      return { community: known.community, joinedCommunity: false };
    }
    const row = await this.communityRow(caller.tenantId, communityId);
    if (row.privacy !== "open") {
      // A private community: its members take part, anyone else is refused before anything is written.
      const community = await this.get(caller, communityId);
      await alongside();
      return { community, joinedCommunity: false };
    }
    // An open community takes anyone. Whether they are a member is read beside the caller's own
    // write — from the community's member list (one read per instance every few seconds, shared by
    // everyone taking part at that moment), or by key in a large community; a newcomer's membership
    // rows are written once the moment's burst of joins pauses (PendingMemberships): 1,000 people
    // pressing Join at once each wait for their own row only.
    const pending = this.pendingJoins.has(caller.tenantId, communityId, caller.userId);
    const member = pending
      ? Promise.resolve(true)
      : row.memberCount <= MEMBER_LIST_MAX
        ? this.memberIds(caller.tenantId, communityId).then((ids) => ids.has(caller.userId))
        : this.repository
            .getMembership(caller.tenantId, communityId, caller.userId)
            .then((found) => found !== undefined);
    const [isMember] = await Promise.all([member, alongside()]);
    const joinedCommunity = !isMember;
    if (joinedCommunity) {
      this.pendingJoins.add(this.membershipFrom(caller.tenantId, communityId, callerAsPerson(caller)));
      this.listings.forgetTenant(caller.tenantId);
    }
    const community = joinedCommunity ? { ...row, memberCount: row.memberCount + 1 } : row;
    return { community: this.trust(caller, this.view(caller, community, true)), joinedCommunity };
  }

  /**
   * Reads ahead what {@link participate} needs for someone whose panel shows an activity they have
   * not joined: the community row and, for an open community, its member list (each at most once
   * per instance every {@link ROW_FRESH_MS}; panels poll every 2 s). Without it, the first Join
   * after a quiet spell waits for the list's read; late joiners arrive together.
   */
  expectParticipant(caller: Caller, communityId: string): void {
    const known = this.trusted.get(trustKey(caller.tenantId, communityId, caller.userId));
    if (known && known.until > this.now().getTime() && known.community.isMember) return;
    this.communityRow(caller.tenantId, communityId)
      .then((row) =>
        row.privacy === "open" && row.memberCount <= MEMBER_LIST_MAX
          ? this.memberIds(caller.tenantId, communityId)
          : undefined,
      )
      // A failed read here is read again by the Join itself, which answers for it.
      .catch(() => undefined);
  }

  /**
   * A community as `GET /communities/:id` shows it: as {@link get}, except that a private
   * community's non-member (of the same tenant) sees what it is about and who stewards it, to ask
   * to join; its content stays with members. Stewards also learn how many requests wait.
   */
  async describe(caller: Caller, communityId: string): Promise<CommunityView & CommunityStatus> {
    try {
      const view = await this.get(caller, communityId);
      if (!view.isSteward) return { ...view, joinRequested: false };
      const requests = await this.repository.listJoinRequests(caller.tenantId, communityId);
      return { ...view, joinRequested: false, pendingRequestCount: requests.length };
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
      const [community, request] = await Promise.all([
        this.read(caller.tenantId, communityId),
        this.repository.getJoinRequest(caller.tenantId, communityId, caller.userId),
      ]);
      return { ...this.view(caller, community, false), joinRequested: request !== undefined };
    }
  }

  /** How many requests to join wait for the caller, a steward of the community (undefined for others). */
  async pendingRequestCount(caller: Caller, community: CommunityView): Promise<number | undefined> {
    if (!community.isSteward) return undefined;
    return (await this.repository.listJoinRequests(caller.tenantId, community.id)).length;
  }

  /**
   * Asks to join a private community; the stewards approve or decline. Asking twice is one
   * request. An open community needs no approval: the caller joins at once.
   */
  async requestToJoin(caller: Caller, communityId: string): Promise<CommunityView & CommunityStatus> {
    const community = await this.read(caller.tenantId, communityId);
    const membership = await this.repository.getMembership(caller.tenantId, communityId, caller.userId);
    if (membership || community.privacy === "open") {
      return { ...(await this.join(caller, communityId)), joinRequested: false };
    }
    const request: JoinRequest = {
      tenantId: caller.tenantId,
      communityId,
      userId: caller.userId,
      displayName: caller.displayName,
      requestedAt: this.now().toISOString(),
    };
    // Only a new request is told to the stewards: asking again must not post again.
    if (await this.repository.addJoinRequest(request))
      for (const listener of this.joinRequestListeners) listener(community, request);
    return { ...this.view(caller, community, false), joinRequested: true };
  }

  /**
   * Calls `listener` after each new request to join (the bot posts it to the stewards). The
   * listener runs its own work in the background: what it does never fails the request.
   */
  whenJoinRequested(listener: (community: Community, request: JoinRequest) => void): void {
    this.joinRequestListeners.push(listener);
  }

  /** The requests to join that wait for a steward, oldest first. Stewards only. */
  async joinRequests(caller: Caller, communityId: string): Promise<JoinRequest[]> {
    await this.requireSteward(caller, communityId, "see requests to join");
    return this.repository.listJoinRequests(caller.tenantId, communityId);
  }

  /** A steward approves a request (the person becomes a member) or declines it (it is gone). */
  async answerJoinRequest(
    caller: Caller,
    communityId: string,
    userId: string,
    approve: boolean,
  ): Promise<JoinRequest> {
    await this.requireSteward(caller, communityId, "answer requests to join");
    const request = await this.repository.getJoinRequest(caller.tenantId, communityId, userId);
    if (!request) throw new NotFoundError("This request was already answered or withdrawn.");
    if (approve) {
      await this.admit(caller.tenantId, communityId, {
        id: request.userId,
        displayName: request.displayName,
      });
    }
    await this.repository.removeJoinRequest(caller.tenantId, communityId, userId);
    return request;
  }

  /**
   * The members, stewards first, then by name; a page at a time. Anyone who may read the community
   * sees who belongs to it.
   */
  async members(
    caller: Caller,
    communityId: string,
    continuationToken?: string,
  ): Promise<{ items: MemberView[]; continuationToken?: string }> {
    const community = await this.get(caller, communityId);
    const page = await this.repository.listMembers(caller.tenantId, communityId, {
      pageSize: 200,
      ...(continuationToken ? { continuationToken } : {}),
    });
    const stewardIds = new Set(community.stewards.map((s) => s.id));
    const items = page.items
      .map((m) => ({
        id: m.userId,
        displayName: m.displayName,
        joinedAt: m.joinedAt,
        isSteward: stewardIds.has(m.userId),
      }))
      .sort(
        (a, b) => Number(b.isSteward) - Number(a.isSteward) || a.displayName.localeCompare(b.displayName),
      );
    return { items, ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}) };
  }

  /**
   * A steward adds a person (optionally as a steward too). Adding a member again is harmless; a
   * request to join they had made is answered by it.
   */
  async addMember(caller: Caller, communityId: string, input: MemberToAddInput): Promise<CommunityView> {
    const { steward, ...person } = parseInput(memberToAddSchema, input);
    await this.requireSteward(caller, communityId, "add members");
    if (steward) return this.addSteward(caller, communityId, person);
    await this.admit(caller.tenantId, communityId, person);
    await this.repository.removeJoinRequest(caller.tenantId, communityId, person.id);
    return this.view(caller, await this.read(caller.tenantId, communityId), true);
  }

  /**
   * A steward removes a member (a steward among them loses that role too); removing oneself is
   * leaving. The last steward cannot be removed: another is named first.
   */
  async removeMember(caller: Caller, communityId: string, userId: string): Promise<CommunityView> {
    if (userId === caller.userId) return this.leave(caller, communityId);
    const current = await this.requireSteward(caller, communityId, "remove members");
    const target = current.stewards.find((s) => s.id === userId);
    if (target)
      await this.changeStewards(caller.tenantId, communityId, (s) => s.filter((p) => p.id !== userId));
    const removed = await this.repository.removeMember(caller.tenantId, communityId, userId);
    this.untrust(caller.tenantId, communityId, userId);
    const community = removed
      ? await this.recountMembers(caller.tenantId, communityId)
      : await this.read(caller.tenantId, communityId);
    return this.view(caller, community, true);
  }

  /** A steward names another steward; they become a member too if they were not one. */
  async addSteward(caller: Caller, communityId: string, input: PersonInput): Promise<CommunityView> {
    const person = parseInput(personSchema, input);
    await this.requireSteward(caller, communityId, "name stewards");
    await this.admit(caller.tenantId, communityId, person);
    await this.repository.removeJoinRequest(caller.tenantId, communityId, person.id);
    const updated = await this.changeStewards(caller.tenantId, communityId, (stewards) => {
      if (stewards.some((s) => s.id === person.id)) return stewards;
      if (stewards.length >= MAX_STEWARDS)
        throw new ValidationError(`A community can have at most ${MAX_STEWARDS} stewards.`);
      return [...stewards, person];
    });
    return this.view(caller, updated, true);
  }

  /**
   * A steward takes the steward role from someone (themselves included); they stay a member. The
   * last steward keeps it until another is named.
   */
  async removeSteward(caller: Caller, communityId: string, userId: string): Promise<CommunityView> {
    await this.requireSteward(caller, communityId, "change stewards");
    const updated = await this.changeStewards(caller.tenantId, communityId, (stewards) =>
      stewards.filter((s) => s.id !== userId),
    );
    return this.view(caller, updated, true);
  }

  /**
   * Rewrites the stewards under the ETag guard. The rule checked on the fresh read, so two
   * stewards stepping down at once cannot leave the community with none.
   */
  private async changeStewards(
    tenantId: string,
    communityId: string,
    change: (stewards: PersonRef[]) => PersonRef[],
  ): Promise<Community> {
    this.forgetCommunity(tenantId, communityId);
    const updated = await this.retryOnConflict(tenantId, communityId, (c) => {
      const stewards = change(c.stewards);
      if (stewards.length === 0) {
        const only = c.stewards[0]?.displayName ?? "This person";
        throw new ValidationError(`${only} is this community's only steward: name another steward first.`);
      }
      return { ...c, stewards, updatedAt: this.now().toISOString() };
    });
    this.forgetCommunity(tenantId, communityId);
    return updated;
  }

  /**
   * Makes a person a member (they joined, a steward added them, approved their request, or named
   * them steward). The count is then settled from the rows ({@link recountMembers}): the community
   * so counted, or undefined when they already were a member.
   */
  private async admit(
    tenantId: string,
    communityId: string,
    person: PersonRef,
  ): Promise<Community | undefined> {
    this.untrust(tenantId, communityId, person.id);
    const added = await this.repository.addMember(this.membershipFrom(tenantId, communityId, person));
    // Forgotten again once written: a list read meanwhile may not have it.
    this.listings.forgetTenant(tenantId);
    // The membership row has landed: from here on the answer is a success, whatever the count does.
    return added ? await this.recountMembers(tenantId, communityId) : undefined;
  }

  /** A person's membership of a community, from now. */
  private membershipFrom(tenantId: string, communityId: string, person: PersonRef): Membership {
    return {
      tenantId,
      communityId,
      userId: person.id,
      displayName: person.displayName,
      joinedAt: this.now().toISOString(),
    };
  }

  private async requireSteward(caller: Caller, communityId: string, action: string): Promise<CommunityView> {
    return stewardsOnly(await this.get(caller, communityId), `Only the community's stewards can ${action}.`);
  }

  /** The stored community (any privacy), or a NotFoundError. */
  private async read(tenantId: string, communityId: string): Promise<Community> {
    const community = await this.repository.get(tenantId, communityId);
    if (!community) throw notFound();
    return community;
  }

  /** A membership changed (or was found not to hold): neither the trust nor the tenant's lists stay. */
  private untrust(tenantId: string, communityId: string, userId: string): void {
    this.trusted.delete(trustKey(tenantId, communityId, userId));
    this.memberLists.delete(trustKey(tenantId, communityId, ""));
    this.listings.forgetTenant(tenantId);
  }

  private forgetCommunity(tenantId: string, communityId: string): void {
    this.listings.forgetTenant(tenantId);
    this.rows.delete(trustKey(tenantId, communityId, ""));
    this.memberLists.delete(trustKey(tenantId, communityId, ""));
    const prefix = trustKey(tenantId, communityId, "");
    for (const key of this.trusted.keys()) if (key.startsWith(prefix)) this.trusted.delete(key);
  }

  private forgetExpired(at: number): void {
    for (const [key, { until }] of this.trusted) if (until <= at) this.trusted.delete(key);
    // Still full of live entries: the oldest go, leaving room for one.
    forgetOldest(this.trusted, MAX_TRUSTED - 1);
  }

  /**
   * A community's row for taking part, kept {@link ROW_FRESH_MS} per instance: a burst of people
   * joining one activity reads it once. (Whether it is open changes rarely; a change is seen
   * within seconds.)
   */
  private communityRow(tenantId: string, communityId: string): Promise<Community> {
    return this.keptRead(this.rows, this.rowReads, trustKey(tenantId, communityId, ""), async () => {
      const row = await this.repository.get(tenantId, communityId);
      if (!row) throw notFound();
      return row;
    });
  }

  /**
   * The ids of a (small) community's members, for taking part: read once per instance every
   * {@link ROW_FRESH_MS} (the repository reads only the memberships changed since), one read shared
   * by everyone asking at that moment. A change through this instance is seen at once; through
   * another, within seconds: a member who joined there meanwhile is told again that they joined
   * (their membership is written again, harmlessly), and one who left there in those seconds takes
   * part without joining again.
   */
  private memberIds(tenantId: string, communityId: string): Promise<ReadonlySet<string>> {
    return this.keptRead(this.memberLists, this.memberListReads, trustKey(tenantId, communityId, ""), () =>
      this.repository.memberIds(tenantId, communityId),
    );
  }

  /**
   * A read kept per key: used as it is for {@link ROW_FRESH_MS}, then up to {@link ROW_USABLE_MS}
   * while a new read runs beside it; concurrent callers share the read running. A failed read in
   * the background leaves the kept value to age out.
   */
  private keptRead<T>(
    kept: Map<string, { value: T; readAt: number }>,
    reads: Map<string, Promise<T>>,
    key: string,
    read: () => Promise<T>,
  ): Promise<T> {
    const at = this.now().getTime();
    const found = kept.get(key);
    if (found && at - found.readAt < ROW_FRESH_MS) return Promise.resolve(found.value);
    const running =
      reads.get(key) ??
      read()
        .then((value) => {
          if (kept.size >= MAX_TRUSTED) kept.clear();
          kept.set(key, { value, readAt: at });
          return value;
        })
        .finally(() => reads.delete(key));
    reads.set(key, running);
    if (found && at - found.readAt < ROW_USABLE_MS) {
      running.catch(() => undefined);
      return Promise.resolve(found.value);
    }
    return running;
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

/** A private community's content, asked for by someone of its tenant who is not a member. */
function privateCommunity(community: Community): ForbiddenError {
  return new ForbiddenError(
    `${community.name} is private: ask to join it, and one of its stewards will let you in.`,
  );
}

function uniquePeople(people: PersonRef[]): PersonRef[] {
  const seen = new Map<string, PersonRef>();
  for (const p of people) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}

function trustKey(tenantId: string, communityId: string, userId: string): string {
  return `${tenantId}\n${communityId}\n${userId}`;
}
