import { odata } from "@azure/data-tables";
import { beforeAll, describe, expect, it } from "vitest";
import type { Community } from "../../src/domain/communities/community.js";
import { CommunityService } from "../../src/domain/communities/communityService.js";
import { ConcurrencyError, ConflictError, ForbiddenError, ValidationError } from "../../src/domain/errors.js";
import { TABLES } from "../../src/storage/keys.js";
import type { TableStore } from "../../src/storage/tableStore.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import { freshTableStore } from "../support/testServer.js";

const tenantA = "aaaaaaaa-0000-4000-8000-000000000001";
const tenantB = "bbbbbbbb-0000-4000-8000-000000000002";

function community(tenantId: string, id: string, extra: Partial<Community> = {}): Omit<Community, "etag"> {
  const at = new Date().toISOString();
  return {
    tenantId,
    id,
    name: `Community ${id}`,
    purpose: "Testing",
    domain: "",
    tags: ["a"],
    privacy: "open",
    stewards: [{ id: "u1", displayName: "One" }],
    createdBy: { id: "u1", displayName: "One" },
    memberCount: 0,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

describe("storage foundation on Azurite", () => {
  let store: TableStore;
  let repository: TablesCommunityRepository;

  beforeAll(async () => {
    store = await freshTableStore();
    await store.ensureTables(); // idempotent: a second start must not fail
    repository = new TablesCommunityRepository(store);
  });

  it("round-trips a community with lists intact", async () => {
    await repository.create(community(tenantA, "round-trip", { tags: ["x", "y"], teamId: "19:t" }));
    const read = await repository.get(tenantA, "round-trip");
    expect(read).toMatchObject({
      id: "round-trip",
      tags: ["x", "y"],
      teamId: "19:t",
      stewards: [{ id: "u1", displayName: "One" }],
    });
    expect(read?.etag).toMatch(/^W\/"datetime/);
  });

  it("keeps tenants apart: the same id in another tenant is another row, invisible across", async () => {
    await repository.create(community(tenantA, "shared-id", { name: "A's" }));
    expect(await repository.get(tenantB, "shared-id")).toBeUndefined();
    await repository.create(community(tenantB, "shared-id", { name: "B's" }));
    expect((await repository.get(tenantA, "shared-id"))?.name).toBe("A's");
    expect((await repository.get(tenantB, "shared-id"))?.name).toBe("B's");
    const listedB = await repository.list(tenantB);
    expect(listedB.items.map((c) => c.name)).toEqual(["B's"]);
  });

  it("refuses a duplicate create as a ConflictError", async () => {
    await repository.create(community(tenantA, "dup"));
    await expect(repository.create(community(tenantA, "dup"))).rejects.toBeInstanceOf(ConflictError);
  });

  it("fails a write with a stale ETag as a domain ConcurrencyError", async () => {
    await repository.create(community(tenantA, "etag"));
    const first = await repository.get(tenantA, "etag");
    if (!first) throw new Error("missing");
    await repository.update({ ...first, name: "first writer" });
    await expect(repository.update({ ...first, name: "second writer" })).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect((await repository.get(tenantA, "etag"))?.name).toBe("first writer");
  });

  it("pages with continuation tokens until every row was seen once", async () => {
    const tenant = "cccccccc-0000-4000-8000-000000000003";
    for (let i = 0; i < 25; i++) await repository.create(community(tenant, `p${String(i).padStart(2, "0")}`));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await repository.list(tenant, { pageSize: 10, continuationToken: token });
      seen.push(...page.items.map((c) => c.id));
      token = page.continuationToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(25);
  });

  it("submits batches in chunks of at most 100 per partition", async () => {
    const pk = `${tenantA}|batch`;
    const other = `${tenantA}|batch-other`;
    const actions = [
      ...Array.from(
        { length: 250 },
        (_, i) => ["upsert", { partitionKey: pk, rowKey: `r${i}`, n: i }] as const,
      ),
      ...Array.from(
        { length: 5 },
        (_, i) => ["upsert", { partitionKey: other, rowKey: `r${i}`, n: i }] as const,
      ),
    ];
    await store.submitBatches(
      TABLES.communities,
      actions.map(([kind, entity]) => [kind, entity]),
    );
    expect(await store.queryAll(TABLES.communities, odata`PartitionKey eq ${pk}`)).toHaveLength(250);
    expect(await store.queryAll(TABLES.communities, odata`PartitionKey eq ${other}`)).toHaveLength(5);
  });

  it("rejects key parts with characters Tables forbids", async () => {
    await expect(repository.get(tenantA, "a/b")).rejects.toBeInstanceOf(ValidationError);
    await expect(repository.get("t|x", "a")).rejects.toBeInstanceOf(ValidationError);
  });

  it("counts members exactly when 30 people join and 10 leave at the same time", async () => {
    const service = new CommunityService(repository);
    const caller = (n: number) => ({ tenantId: tenantA, userId: `user-${n}`, displayName: `User ${n}` });
    const created = await service.create(caller(0), { name: "Busy community", purpose: "Race" });
    await Promise.all(Array.from({ length: 30 }, (_, i) => service.join(caller(i + 1), created.id)));
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => service.leave(caller(i + 1), created.id)),
      ...Array.from({ length: 5 }, (_, i) => service.join(caller(i + 20), created.id)), // already members
    ]);
    const after = await service.get(caller(0), created.id);
    expect(after.memberCount).toBe(21);
    const members = await repository.listMembers(tenantA, created.id, { pageSize: 1000 });
    expect(members.items).toHaveLength(21);
  });

  it("does not let the only steward leave", async () => {
    const service = new CommunityService(repository);
    const solo = { tenantId: tenantA, userId: "solo", displayName: "Solo" };
    const created = await service.create(solo, { name: "Solo community", purpose: "One steward" });
    await expect(service.leave(solo, created.id)).rejects.toBeInstanceOf(ValidationError);
  });

  it("trusts a membership it just read for 15 s when adding or searching, and forgets it when the person leaves", async () => {
    let now = Date.parse("2026-01-01T10:00:00Z");
    let reads = 0;
    const counting = new Proxy(repository, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== "getMembership" || typeof value !== "function") return value;
        return (...args: unknown[]) => {
          reads++;
          return value.apply(target, args);
        };
      },
    });
    const service = new CommunityService(counting, () => new Date(now));
    const steward = { tenantId: tenantA, userId: "trust-steward", displayName: "Steward" };
    const member = { tenantId: tenantA, userId: "trust-member", displayName: "Member" };
    const created = await service.create(steward, { name: "Trusting community", purpose: "Cache" });
    await service.join(member, created.id);

    reads = 0;
    await service.requireMember(member, created.id, "add to its library");
    await service.requireMember(member, created.id, "add to its library");
    expect(reads).toBe(1);
    now += 16_000;
    await service.requireMember(member, created.id, "add to its library");
    expect(reads).toBe(2);

    await service.leave(member, created.id);
    await expect(service.requireMember(member, created.id, "add to its library")).rejects.toThrow(
      ForbiddenError,
    );
    // Read as a non-member (searching an open community), then joining: adding works at once.
    await expect(service.readable(member, created.id)).resolves.toMatchObject({ isMember: false });
    await service.join(member, created.id);
    await expect(service.requireMember(member, created.id, "add to its library")).resolves.toMatchObject({
      isMember: true,
    });
    // A full read (as a page makes) refreshes the trust: the searches and saves after it read nothing.
    now += 16_000;
    reads = 0;
    await service.get(member, created.id);
    await service.readable(member, created.id);
    await service.requireMember(member, created.id, "add to its library");
    expect(reads).toBe(1);
    // Another tenant's member of the same id is never served from the cache.
    await expect(
      service.requireMember({ ...member, tenantId: tenantB }, created.id, "add to its library"),
    ).rejects.toThrow();
  });
});
