import { describe, expect, it } from "vitest";
import type { CommunityView } from "../../../src/domain/communities/community.js";
import { RecentListings } from "../../../src/domain/communities/recentListings.js";

const view = (id: string) => ({ id, name: id, isMember: true }) as unknown as CommunityView;

describe("people's lists of communities kept for seconds", () => {
  it("does not keep a list read while the tenant's communities changed, so the change is seen next time", async () => {
    const listings = new RecentListings(15_000, () => 0);
    let finish: (views: CommunityView[]) => void = () => undefined;
    const slow = listings.get("t1", "u1", () => new Promise((resolve) => (finish = resolve)));
    listings.forgetTenant("t1"); // a join lands while the list is being read
    finish([view("before")]);
    expect(await slow).toEqual([view("before")]);
    expect(await listings.get("t1", "u1", async () => [view("after")])).toEqual([view("after")]);
  });

  it("shares one read among questions arriving together, but not across a change", async () => {
    const listings = new RecentListings(15_000, () => 0);
    let reads = 0;
    const read = async () => {
      const n = ++reads;
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [view(`read ${n}`)];
    };
    const together = await Promise.all([1, 2, 3].map(() => listings.get("t1", "u1", read)));
    expect(reads).toBe(1);
    expect(together).toEqual([[view("read 1")], [view("read 1")], [view("read 1")]]);
    listings.forgetTenant("t1");
    const first = listings.get("t1", "u1", read);
    listings.forgetTenant("t1");
    const second = listings.get("t1", "u1", read);
    expect([await first, await second]).toEqual([[view("read 2")], [view("read 3")]]);
  });

  it("forgets only the changed tenant's lists, and reads again when the time is up", async () => {
    let now = 0;
    const listings = new RecentListings(15_000, () => now);
    await listings.get("t1", "u1", async () => [view("one")]);
    await listings.get("t2", "u1", async () => [view("two")]);
    listings.forgetTenant("t1");
    expect(await listings.get("t1", "u1", async () => [view("one again")])).toEqual([view("one again")]);
    expect(await listings.get("t2", "u1", async () => [view("unread")])).toEqual([view("two")]);
    now = 15_000;
    expect(await listings.get("t2", "u1", async () => [view("two again")])).toEqual([view("two again")]);
  });
});
