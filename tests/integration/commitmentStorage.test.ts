import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { ActivityCommitment } from "../../src/domain/commitments/commitment.js";
import { CommitmentService, commitmentIdOf } from "../../src/domain/commitments/commitmentService.js";
import { ConcurrencyError, NotFoundError, ValidationError } from "../../src/domain/errors.js";
import type { Caller } from "../../src/domain/identity.js";
import { commitmentKeys, TABLES } from "../../src/storage/keys.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesCommitmentRepository } from "../../src/storage/tablesCommitmentRepository.js";
import { TenantData } from "../../src/storage/tenantData.js";
import { uniqueName, uniqueTablePrefix } from "../support/testServer.js";

const tenant = "tenant-commitments";
const otherTenant = "tenant-elsewhere";
const ada: Caller = { tenantId: tenant, userId: "user-ada", displayName: "Ada" };
const ben: Caller = { tenantId: tenant, userId: "user-ben", displayName: "Ben" };

let clock = Date.parse("2025-03-04T10:00:00.000Z");
const now = () => new Date(clock);

const unique = uniqueName;

function made(who: Caller, extra: Partial<ActivityCommitment> = {}): ActivityCommitment {
  return {
    tenantId: who.tenantId,
    owner: { id: who.userId, displayName: who.displayName },
    communityId: "community-1",
    source: {
      activityId: unique("act"),
      format: "think-pair-share",
      conversationId: "19:meeting_x@thread.v2",
    },
    text: "Try pairing on code reviews",
    partners: [{ id: "user-partner", displayName: "Partner" }],
    at: now().toISOString(),
    ...extra,
  };
}

describe("commitments on Azurite (two server instances)", () => {
  let store: TableStore;
  let one: CommitmentService;
  let two: CommitmentService;

  beforeAll(async () => {
    const tablePrefix = uniqueTablePrefix();
    const connectionString = inject("tablesConnectionString");
    store = await TableStore.connect({ connectionString, tablePrefix });
    await store.ensureTables();
    const storeTwo = await TableStore.connect({ connectionString, tablePrefix });
    one = new CommitmentService(new TablesCommitmentRepository(store), { now });
    two = new CommitmentService(new TablesCommitmentRepository(storeTwo), { now });
  });

  it("records one commitment per activity and person, however often and from however many instances", async () => {
    const input = made(ada, { communityId: unique("community") });
    await Promise.all([
      one.recordFromActivity(input),
      two.recordFromActivity(input),
      one.recordFromActivity(input),
    ]);
    await two.recordFromActivity({ ...input, text: "Pair on two reviews a week" });
    const mine = (await one.mine(ada)).filter((c) => c.source.activityId === input.source.activityId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      id: await commitmentIdOf(tenant, input.source.activityId, ada.userId),
      text: "Pair on two reviews a week",
      status: "open",
      partners: [{ id: "user-partner", displayName: "Partner" }],
      history: [{ status: "open", at: input.at }],
    });
    const rate = await one.followThrough(ada, input.communityId);
    expect(rate.total).toBe(1);
  });

  it("hands a commitment over again (the close) with a read, mending a lost index row and taking a new text", async () => {
    const communityId = unique("community");
    const repository = new TablesCommitmentRepository(store);
    const service = new CommitmentService(repository, { now });
    const input = made(ada, { communityId, due: "2030-01-15" });
    await service.recordFromActivity(input);
    const [mine] = (await service.mine(ada)).filter((c) => c.source.activityId === input.source.activityId);
    if (!mine) throw new Error("not recorded");
    // The index row is lost (a write that stopped between the row and its indexes).
    await store
      .table(TABLES.commitments)
      .deleteEntity(
        commitmentKeys.ofCommunity(tenant, communityId),
        commitmentKeys.inCommunity(mine.createdAt, mine.id),
      );
    expect((await service.followThrough(ada, communityId)).total).toBe(0);

    const create = vi.spyOn(repository, "create");
    const replace = vi.spyOn(repository, "replace");
    await service.recordFromActivity(input, { again: true });
    // Unchanged: read, its indexes written again; no create tried, the row itself not rewritten.
    expect(create).not.toHaveBeenCalled();
    expect(replace).not.toHaveBeenCalled();
    expect((await service.followThrough(ada, communityId)).total).toBe(1);
    expect((await service.get(ada, mine.id)).etag).toBe(mine.etag);
    expect((await service.dueOn(tenant, "2030-01-15")).map((r) => r.id)).toEqual([mine.id]);

    // A newer text (written on another instance, missed by the hand-over) replaces it.
    await service.recordFromActivity({ ...input, text: "Review one design a week" }, { again: true });
    expect(replace).toHaveBeenCalledTimes(1);
    expect(await service.get(ada, mine.id)).toMatchObject({
      text: "Review one design a week",
      due: "2030-01-15",
    });
    // One never handed over is created.
    const other = made(ben, { communityId });
    await service.recordFromActivity(other, { again: true });
    expect(create).toHaveBeenCalledTimes(1);
    expect((await service.followThrough(ada, communityId)).total).toBe(2);
  });

  it("lets only the owner update, guarded by the ETag, keeping the history", async () => {
    const input = made(ada, { communityId: unique("community") });
    await one.recordFromActivity(input);
    const [mine] = (await one.mine(ada)).filter((c) => c.source.activityId === input.source.activityId);
    if (!mine) throw new Error("not recorded");

    // Someone else: not found, and nothing changes.
    await expect(two.update(ben, mine.id, { status: "done" }, mine.etag)).rejects.toThrowError(NotFoundError);
    await expect(one.get(ben, mine.id)).rejects.toThrowError(NotFoundError);
    // Bad input: a clear error, nothing changes.
    await expect(one.update(ada, mine.id, { status: "finished" as "done" }, mine.etag)).rejects.toThrowError(
      ValidationError,
    );
    await expect(
      one.update(ada, mine.id, { status: "done", due: "2025-02-30" }, mine.etag),
    ).rejects.toThrowError("Give the due date as YYYY-MM-DD (a day that exists).");
    expect((await one.get(ada, mine.id)).etag).toBe(mine.etag);

    clock += 60_000;
    const updated = await two.update(
      ada,
      mine.id,
      { status: "partly", note: "Did one of two", due: "2025-03-20" },
      mine.etag,
    );
    expect(updated).toMatchObject({ status: "partly", due: "2025-03-20" });
    expect(updated.history.map((h) => [h.status, h.note])).toEqual([
      ["open", undefined],
      ["partly", "Did one of two"],
    ]);
    // The version read before is stale now: refused, not overwritten.
    await expect(one.update(ada, mine.id, { status: "dropped" }, mine.etag)).rejects.toThrowError(
      ConcurrencyError,
    );
    // Two updates racing on the same version: exactly one lands.
    const results = await Promise.allSettled([
      one.update(ada, mine.id, { status: "done", note: "from one" }, updated.etag),
      two.update(ada, mine.id, { status: "dropped", note: "from two" }, updated.etag),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason),
    ).toEqual([expect.any(ConcurrencyError)]);
    expect((await one.get(ada, mine.id)).history).toHaveLength(3);

    const rate = await one.followThrough(ben, input.communityId);
    expect(rate).toMatchObject({ total: 1, open: 0 });
    expect(JSON.stringify(rate)).not.toContain(ada.userId);
  });

  it("counts a community's follow-through over a window, with no names", async () => {
    const communityId = unique("community");
    const statuses = ["done", "done", "partly", "dropped", "open"] as const;
    for (const [i, status] of statuses.entries()) {
      const who: Caller = { tenantId: tenant, userId: `user-${i}`, displayName: `Person ${i}` };
      const input = made(who, { communityId });
      await one.recordFromActivity(input);
      const [c] = (await one.mine(who)).filter((x) => x.source.activityId === input.source.activityId);
      if (c && status !== "open") await one.update(who, c.id, { status }, c.etag);
    }
    const rate = await two.followThrough(ada, communityId);
    expect(rate).toMatchObject({ total: 5, done: 2, partly: 1, dropped: 1, open: 1, rate: 2.5 / 4 });
    expect(Object.keys(rate).sort()).toEqual([
      "communityId",
      "done",
      "dropped",
      "from",
      "open",
      "partly",
      "rate",
      "to",
      "total",
    ]);
    // A window before they were made holds none of them.
    const before = await two.followThrough(ada, communityId, { to: "2024-01-01T00:00:00Z" });
    expect(before.total).toBe(0);
    await expect(two.followThrough(ada, communityId, { from: "yesterday" })).rejects.toThrowError(
      ValidationError,
    );
  });

  it("lists a community's open commitments made before a session, for its check-in", async () => {
    const communityId = unique("community");
    const early = made(ada, { communityId, due: "2025-03-10" });
    const closed = made(ben, { communityId });
    await one.recordFromActivity(early);
    await one.recordFromActivity(closed);
    const [benC] = (await one.mine(ben)).filter((c) => c.source.activityId === closed.source.activityId);
    if (benC) await one.update(ben, benC.id, { status: "done" }, benC.etag);
    clock += 3_600_000;
    const sessionStart = now();
    clock += 60_000;
    await one.recordFromActivity(made(ben, { communityId, at: now().toISOString() }));
    const open = await two.openForCheckIn(tenant, communityId, sessionStart);
    expect(open.map((c) => [c.owner.displayName, c.text, c.due])).toEqual([
      ["Ada", "Try pairing on code reviews", "2025-03-10"],
    ]);
  });

  it("finds commitments due by a day once, and forgets those no longer open or moved", async () => {
    const communityId = unique("community");
    const dueDay = "2030-06-01";
    const stays = made(ada, { communityId, due: dueDay });
    const closes = made(ben, { communityId, due: dueDay });
    const moves = made(ada, { communityId, due: dueDay });
    for (const c of [stays, closes, moves]) await one.recordFromActivity(c);
    const byActivity = async (who: Caller, activityId: string) => {
      const [c] = (await one.mine(who)).filter((x) => x.source.activityId === activityId);
      if (!c) throw new Error("missing");
      return c;
    };
    const benC = await byActivity(ben, closes.source.activityId);
    await one.update(ben, benC.id, { status: "dropped" }, benC.etag);
    const moved = await byActivity(ada, moves.source.activityId);
    await one.update(ada, moved.id, { status: "open", due: "2030-07-01" }, moved.etag);

    expect((await one.dueOn(tenant, dueDay)).map((r) => r.id)).toEqual([
      (await byActivity(ada, stays.source.activityId)).id,
    ]);
    const due = (await two.dueForCheckIn(new Date(`${dueDay}T08:00:00Z`))).filter(
      (d) => d.commitment.communityId === communityId,
    );
    expect(due.map((d) => d.commitment.source.activityId)).toEqual([stays.source.activityId]);
    const [first] = due;
    if (!first) throw new Error("none due");
    // Two instances claim the same reminder: one wins.
    const claims = await Promise.all([
      one.claimCheckIn(tenant, first.claimKey, "one", 120_000),
      two.claimCheckIn(tenant, first.claimKey, "two", 120_000),
    ]);
    expect(claims.sort()).toEqual(["claimed", "taken"]);
    await one.reminded(first.commitment, first.claimKey);
    const after = (await two.dueForCheckIn(new Date(`${dueDay}T09:00:00Z`))).filter(
      (d) => d.commitment.communityId === communityId,
    );
    expect(after).toEqual([]);
    await expect(one.dueOn(tenant, "2030-02-30")).rejects.toThrowError(ValidationError);
  });

  it("gives a released claim to the next instance, and a sent one to nobody", async () => {
    const key = unique("session.c.meeting/abc==");
    expect(await one.claimCheckIn(tenant, key, "one", 120_000)).toBe("claimed");
    await one.releaseCheckIn(tenant, key);
    expect(await two.claimCheckIn(tenant, key, "two", 120_000)).toBe("claimed");
    await two.completeCheckIn(tenant, key);
    expect(await one.claimCheckIn(tenant, key, "one", 120_000)).toBe("taken");
  });

  it("keeps tenants apart, and goes with the tenant's data export and a person's erasure", async () => {
    const communityId = unique("community");
    const elsewhere: Caller = { ...ada, tenantId: otherTenant };
    const input = made(ada, { communityId, text: "Ada's own plan, erased with her" });
    await one.recordFromActivity(input);
    const [mine] = (await one.mine(ada)).filter((c) => c.source.activityId === input.source.activityId);
    if (!mine) throw new Error("missing");
    expect((await one.mine(elsewhere)).map((c) => c.id)).not.toContain(mine.id);
    await expect(one.update(elsewhere, mine.id, { status: "done" }, mine.etag)).rejects.toThrowError(
      NotFoundError,
    );
    expect((await one.followThrough(elsewhere, communityId)).total).toBe(0);

    const data = new TenantData(store);
    const exported = await data.exportTenant(tenant);
    expect(exported.tables[TABLES.commitments]?.some((r) => r.text === input.text)).toBe(true);
    expect((await data.exportTenant(otherTenant)).tables[TABLES.commitments]).toEqual([]);

    await data.deleteUser(tenant, ada.userId);
    expect(await one.mine(ada)).toEqual([]);
    const open = await one.openForCheckIn(tenant, communityId, new Date(Date.now() + 86_400_000));
    expect(open).toEqual([]);
    // The community's index keeps a row with a pseudonym and no text: its rate stays as it was.
    expect((await one.followThrough(ben, communityId)).total).toBe(1);
    const left = (await data.exportTenant(tenant)).tables[TABLES.commitments] ?? [];
    expect(JSON.stringify(left)).not.toContain(ada.userId);
    expect(JSON.stringify(left)).not.toContain(input.text);
  });
});
