import { describe, expect, it, vi } from "vitest";
import { CommunityService } from "../../src/domain/communities/communityService.js";
import type { Caller } from "../../src/domain/identity.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import { fixtureCaller, fixtureTenant } from "../support/orgFixture.js";
import { freshTableStore } from "../support/testServer.js";

const tenant = fixtureTenant;
const caller = fixtureCaller;

describe("taking part in an open community's activity", () => {
  it("reads the community once for everyone who takes part at the same moment", async () => {
    const repository = new TablesCommunityRepository(await freshTableStore());
    const communities = new CommunityService(repository);
    const { id } = await communities.create(caller(0), {
      name: "Release engineering",
      purpose: "Ship calmly.",
    });
    const reads = vi.spyOn(repository, "get");
    const lists = vi.spyOn(repository, "memberIds");
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

  it("reads ahead for someone whose panel shows an activity they have not joined, so their Join waits for no community read", async () => {
    const repository = new TablesCommunityRepository(await freshTableStore());
    let now = Date.parse("2026-12-07T10:00:00.000Z");
    const communities = new CommunityService(repository, () => new Date(now));
    const { id } = await communities.create(caller(0), {
      name: "Onboarding",
      purpose: "Stick in month one.",
    });
    const hidden = await communities.create(caller(0), {
      name: "Leads' circle",
      purpose: "Between us.",
      privacy: "private",
    });
    // A quiet spell: what was read for taking part is too old to answer without a new read.
    now += 60_000;
    const reads = vi.spyOn(repository, "get");
    const lists = vi.spyOn(repository, "memberIds");
    const panelViewer = caller(40);
    communities.expectParticipant(panelViewer, id);
    communities.expectParticipant(caller(41), id); // another panel at the same moment: the same reads
    await vi.waitFor(() => expect(lists).toHaveBeenCalledTimes(1));
    expect(reads).toHaveBeenCalledTimes(1);
    // Their Join: their own write begins with no community read of its own.
    const readsBefore: number[] = [];
    const joined = await communities.participate(panelViewer, id, async () => {
      readsBefore.push(reads.mock.calls.length + lists.mock.calls.length);
    });
    expect(joined.joinedCommunity).toBe(true);
    expect(readsBefore).toEqual([2]);
    expect(lists).toHaveBeenCalledTimes(1);
    // A private community: its row only (its member list decides nothing for taking part).
    communities.expectParticipant(panelViewer, hidden.id);
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(2));
    expect(lists).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    lists.mockRestore();
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

describe("what an instance keeps of a community for taking part", () => {
  it("answers from a row up to 15 s old while a new read runs, waits for one older than that, and sees its own privacy change at once", async () => {
    const repository = new TablesCommunityRepository(await freshTableStore());
    let now = Date.parse("2026-12-06T10:00:00Z");
    const communities = new CommunityService(repository, () => new Date(now));
    const steward = caller(0);
    const community = await communities.create(steward, { name: "Field sales", purpose: "Sell well." });
    const reads = vi.spyOn(repository, "get");
    const begun: number[] = [];
    const takePart = (n: number) =>
      communities.participate(caller(n), community.id, async () => {
        begun.push(reads.mock.calls.length);
      });

    await takePart(130);
    expect(reads).toHaveBeenCalledTimes(1);
    // 4 s later: the row as read, no read at all.
    now += 4_000;
    await takePart(131);
    expect(reads).toHaveBeenCalledTimes(1);
    // 10 s after the read: the kept row answers, and a new read begins beside it (not before it).
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    reads.mockImplementationOnce(async (...args) => {
      await held;
      return TablesCommunityRepository.prototype.get.apply(repository, args);
    });
    now += 6_000;
    await takePart(132);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(begun.at(-1)).toBe(2);
    release();
    await new Promise((r) => setTimeout(r, 50));
    // The new read is kept from when it began: 4 s later it answers alone.
    now += 4_000;
    await takePart(133);
    expect(reads).toHaveBeenCalledTimes(2);
    // 16 s after the last read: too old to use, the take-part waits for a new read.
    now += 16_000;
    const calls = reads.mock.calls.length;
    await takePart(134);
    expect(reads).toHaveBeenCalledTimes(calls + 1);

    // Made private through this instance: the next take-part of a non-member is refused at once.
    const current = await communities.get(steward, community.id);
    await communities.update(steward, community.id, { privacy: "private" }, current.etag);
    await expect(takePart(135)).rejects.toThrow(/private/i);
    reads.mockRestore();
  });

  it("does not use a kept row once its background read fails and it grows too old", async () => {
    const repository = new TablesCommunityRepository(await freshTableStore());
    let now = Date.parse("2026-12-06T10:00:00Z");
    const communities = new CommunityService(repository, () => new Date(now));
    const community = await communities.create(caller(0), { name: "Support", purpose: "Help well." });
    await communities.participate(caller(140), community.id);
    const reads = vi.spyOn(repository, "get").mockRejectedValue(new Error("storage is down"));
    now += 6_000;
    // The kept row answers; the failed read beside it is not an unhandled rejection.
    await expect(communities.participate(caller(141), community.id)).resolves.toBeDefined();
    now += 10_000;
    await expect(communities.participate(caller(142), community.id)).rejects.toThrow(/storage is down/);
    reads.mockRestore();
  });
});

describe("a community's member ids, as an instance keeps them", () => {
  it("reads every membership once, then only those changed since; one removed here is gone at once", async () => {
    const store = await freshTableStore();
    const repository = new TablesCommunityRepository(store);
    const communities = new CommunityService(repository);
    const { id } = await communities.create(caller(0), { name: "Data guild", purpose: "Share queries." });
    const at = new Date().toISOString();
    const member = (n: number) => ({ ...caller(n), communityId: id, joinedAt: at });
    await repository.addMembers([member(150), member(151)]);
    // Rows older than the newest one read by more than the overlap a changed-rows read looks
    // back (1 s): that read leaves them out.
    await new Promise((r) => setTimeout(r, 1_100));
    await repository.addMembers([member(153)]);
    const queries = vi.spyOn(store, "queryAll");
    expect([...(await repository.memberIds(tenant, id))].sort()).toEqual(
      [caller(0).userId, caller(150).userId, caller(151).userId, caller(153).userId].sort(),
    );
    expect(queries.mock.calls.at(-1)?.[1]).not.toMatch(/Timestamp/);
    await repository.addMembers([member(152)]);
    const changed = queries.mock.results.length;
    expect(await repository.memberIds(tenant, id)).toContain(caller(152).userId);
    // The second read asked for the changed rows only, and Azure Tables answered just those (and
    // the one within the overlap).
    expect(queries.mock.calls.at(-1)?.[1]).toMatch(/Timestamp ge/);
    const answered = (await queries.mock.results[changed]?.value) as unknown[];
    expect(answered).toHaveLength(2);
    await repository.removeMember(tenant, id, caller(151).userId);
    const after = await repository.memberIds(tenant, id);
    expect(after).not.toContain(caller(151).userId);
    expect(after.size).toBe(4);
    queries.mockRestore();
  });
});
