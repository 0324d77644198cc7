import { beforeAll, describe, expect, it } from "vitest";
import type { CommunityRepository } from "../../src/domain/communities/communityRepository.js";
import { CommunityService } from "../../src/domain/communities/communityService.js";
import type { Caller } from "../../src/domain/identity.js";
import type { TableStore } from "../../src/storage/tableStore.js";
import { TablesCommunityRepository } from "../../src/storage/tablesCommunityRepository.js";
import { freshTableStore } from "../support/testServer.js";

/**
 * Asking in chat lists the asker's communities on every question; `listVisibleRecent` keeps that
 * list for seconds per person and instance. A change through the same instance is seen at once,
 * one through another instance once the list's time is up, and one tenant's list is never
 * another's.
 */
const tenantId = "aaaaaaaa-0000-4000-8000-00000000a11c";
const otherTenantId = "bbbbbbbb-0000-4000-8000-00000000a11c";
const steward: Caller = { tenantId, userId: "u-steward", displayName: "Steward" };
const asker: Caller = { tenantId, userId: "u-asker", displayName: "Asker" };

function instance(store: TableStore, clock: { ms: number }) {
  const repository = new TablesCommunityRepository(store);
  let listings = 0;
  const counted: CommunityRepository = Object.assign(Object.create(repository) as CommunityRepository, {
    listCommunityIdsOf: (t: string, u: string) => {
      listings++;
      return repository.listCommunityIdsOf(t, u);
    },
  });
  const communities = new CommunityService(counted, () => new Date(clock.ms));
  return { communities, listings: () => listings };
}

const names = (views: readonly { name: string; isMember: boolean }[]) =>
  views.filter((v) => v.isMember).map((v) => v.name);

describe("a person's communities, kept for seconds for asking in chat", () => {
  let store: TableStore;
  const clock = { ms: Date.parse("2026-12-05T09:00:00Z") };
  let privateId: string;
  let openId: string;

  beforeAll(async () => {
    store = await freshTableStore();
    const { communities } = instance(store, clock);
    privateId = (await communities.create(steward, { name: "Payroll", purpose: "Ops", privacy: "private" }))
      .id;
    openId = (await communities.create(steward, { name: "Warehouse", purpose: "Data", privacy: "open" })).id;
  });

  it("reads the list once, sees a change through this instance at once and another's once its time is up", async () => {
    const a = instance(store, clock);
    const b = instance(store, clock);
    expect(names(await a.communities.listVisibleRecent(asker))).toEqual([]);
    expect(names(await a.communities.listVisibleRecent(asker))).toEqual([]);
    expect(a.listings()).toBe(1);

    // Joined through this instance: seen at once.
    await a.communities.join(asker, openId);
    expect(names(await a.communities.listVisibleRecent(asker))).toEqual(["Warehouse"]);

    // Added to the private community and then removed again through another instance.
    await b.communities.addMember(steward, privateId, { id: asker.userId, displayName: asker.displayName });
    expect(names(await a.communities.listVisibleRecent(asker))).toEqual(["Warehouse"]);
    clock.ms += 15_001;
    expect(names(await a.communities.listVisibleRecent(asker))).toEqual(["Payroll", "Warehouse"]);

    await b.communities.removeMember(steward, privateId, asker.userId);
    clock.ms += 15_001;
    const after = await a.communities.listVisibleRecent(asker);
    expect(names(after)).toEqual(["Warehouse"]);
    expect(after.map((c) => c.id)).not.toContain(privateId);
  });

  it("keeps each tenant's list apart for the same person id", async () => {
    const a = instance(store, clock);
    const sameIdElsewhere: Caller = { ...asker, tenantId: otherTenantId };
    await a.communities.join(asker, openId);
    expect(names(await a.communities.listVisibleRecent(asker))).toContain("Warehouse");
    expect(await a.communities.listVisibleRecent(sameIdElsewhere)).toEqual([]);
  });
});
