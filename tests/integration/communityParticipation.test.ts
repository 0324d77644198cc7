import { describe, expect, it, vi } from "vitest";
import { CommunityService } from "../../src/domain/communities/communityService.js";
import type { Caller } from "../../src/domain/identity.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import { org } from "../support/orgFixture.js";
import { freshTableStore } from "../support/testServer.js";

const tenant = org.tenantId.toLowerCase();
const caller = (n: number): Caller => {
  const u = org.users[n];
  if (!u) throw new Error(`no user ${n}`);
  return { tenantId: tenant, userId: u.id, displayName: u.displayName };
};

describe("taking part in an open community's activity", () => {
  it("reads the community once for everyone who takes part at the same moment", async () => {
    const repository = new TablesCommunityRepository(await freshTableStore());
    const communities = new CommunityService(repository);
    const { id } = await communities.create(caller(0), {
      name: "Release engineering",
      purpose: "Ship calmly.",
    });
    const reads = vi.spyOn(repository, "get");
    const lists = vi.spyOn(repository, "listMembers");
    const byKey = vi.spyOn(repository, "getMembership");
    // What each person's own write sees when it begins: how many community reads were made so far.
    const readsBefore: number[] = [];
    const people = Array.from({ length: 20 }, (_, i) => caller(30 + i));
    const answers = await Promise.all(
      people.map((p) =>
        communities.participate(p, id, async () => {
          readsBefore.push(reads.mock.calls.length);
        }),
      ),
    );
    expect(answers.every((a) => a.joinedCommunity)).toBe(true);
    expect(readsBefore).toEqual(people.map(() => 1));
    // Whether they were members: one read of the (small) community's member list for all 20.
    expect(lists).toHaveBeenCalledTimes(1);
    expect(byKey).not.toHaveBeenCalled();
    reads.mockRestore();
    lists.mockRestore();
    byKey.mockRestore();
  });

  it("writes the burst's memberships after the answers, once each, and a stopped instance's are written by the next take-part", async () => {
    const store = await freshTableStore();
    const repository = new TablesCommunityRepository(store);
    const communities = new CommunityService(repository, undefined, { joinQuietMs: 50 });
    const { id } = await communities.create(caller(0), { name: "Incident review", purpose: "Learn calmly." });
    const adds = vi.spyOn(repository, "addMembers");
    const people = Array.from({ length: 20 }, (_, i) => caller(60 + i));
    const answers = await Promise.all(people.map((p) => communities.participate(p, id)));
    // Everyone answered as newly joined, before a single membership row was written.
    expect(answers.every((a) => a.joinedCommunity)).toBe(true);
    expect(adds).not.toHaveBeenCalled();
    // Taking part again meanwhile neither says "joined" again nor writes twice.
    expect((await communities.participate(people[0] as Caller, id)).joinedCommunity).toBe(false);
    await communities.flushPendingJoins();
    // All 20 written together: their index rows, then the community's rows in one transaction.
    expect(adds).toHaveBeenCalledTimes(1);
    expect(adds.mock.calls[0]?.[0]).toHaveLength(20);
    expect((await repository.listMembers(tenant, id)).items.map((m) => m.userId).sort()).toEqual(
      [caller(0), ...people].map((p) => p.userId).sort(),
    );
    expect((await communities.get(caller(0), id)).memberCount).toBe(21);

    // A person's own next read through this instance includes a membership still waiting.
    const newcomer = caller(90);
    await communities.participate(newcomer, id);
    expect((await communities.get(newcomer, id)).isMember).toBe(true);
    expect((await communities.listVisible(newcomer)).find((c) => c.id === id)?.isMember).toBe(true);

    // An instance that stopped before writing (nothing flushed): the person's next take-part,
    // through another instance, finds no membership and joins them.
    const stopped = new CommunityService(new TablesCommunityRepository(store), undefined, {
      joinQuietMs: 60_000,
    });
    const lost = caller(91);
    expect((await stopped.participate(lost, id)).joinedCommunity).toBe(true);
    expect(await repository.getMembership(tenant, id, lost.userId)).toBeUndefined();
    const other = new CommunityService(new TablesCommunityRepository(store));
    expect((await other.participate(lost, id)).joinedCommunity).toBe(true);
    await other.flushPendingJoins();
    expect(await repository.getMembership(tenant, id, lost.userId)).toBeDefined();
    expect((await other.listVisible(lost)).find((c) => c.id === id)?.isMember).toBe(true);

    // Written together with someone already a member (another instance wrote theirs): the
    // transaction refuses the whole batch, and each row is then written on its own.
    const at = new Date().toISOString();
    const again = { tenantId: tenant, communityId: id, joinedAt: at };
    await repository.addMembers([
      { ...again, userId: lost.userId, displayName: lost.displayName },
      { ...again, userId: caller(92).userId, displayName: caller(92).displayName },
    ]);
    expect(await repository.getMembership(tenant, id, caller(92).userId)).toBeDefined();
    expect((await repository.getMembership(tenant, id, lost.userId))?.joinedAt).not.toBe(at);
    adds.mockRestore();
  });

  it("lets everyone read an open community's activity from one shared read of its row; a private one's non-members are refused", async () => {
    const repository = new TablesCommunityRepository(await freshTableStore());
    const communities = new CommunityService(repository);
    const open = await communities.create(caller(0), { name: "Pricing", purpose: "Price well." });
    const closed = await communities.create(caller(0), {
      name: "Board",
      purpose: "Decide.",
      privacy: "private",
    });
    const reads = vi.spyOn(repository, "get");
    const memberships = vi.spyOn(repository, "getMembership");
    const people = Array.from({ length: 20 }, (_, i) => caller(100 + i));
    await Promise.all(people.map((p) => communities.mayRead(p, open.id)));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(memberships).not.toHaveBeenCalled();
    await expect(communities.mayRead(caller(100), closed.id)).rejects.toThrow(/private/i);
    await expect(communities.mayRead(caller(0), closed.id)).resolves.toBeUndefined();
    await expect(
      communities.mayRead({ ...caller(100), tenantId: "another-tenant" }, open.id),
    ).rejects.toThrow(/not found|does not exist/i);
    reads.mockRestore();
    memberships.mockRestore();
  });
});
