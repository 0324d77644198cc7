import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Membership } from "../../../src/domain/communities/community.js";
import { PendingMemberships } from "../../../src/domain/communities/pendingMemberships.js";

const member = (userId: string, communityId = "c1"): Membership => ({
  tenantId: "t1",
  communityId,
  userId,
  displayName: userId,
  joinedAt: "2026-12-05T10:00:00.000Z",
});

describe("memberships written after a burst of joins", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setUp = (write: (m: Membership) => Promise<boolean> = async () => true) => {
    const written: string[] = [];
    const failures: string[] = [];
    const counted: string[] = [];
    const batches: number[] = [];
    const pending = new PendingMemberships({
      write: async (memberships) => {
        batches.push(memberships.length);
        for (const m of memberships) await write(m);
      },
      written: (memberships) => {
        written.push(...memberships.map((m) => m.userId));
      },
      failed: (memberships) => {
        failures.push(...memberships.map((m) => m.userId));
      },
      count: async (_tenant, communityId) => {
        counted.push(communityId);
      },
      quietMs: 100,
      maxWaitMs: 1_000,
    });
    return { pending, written, failures, counted, batches };
  };

  it("waits for the burst to pause, then writes each membership once", async () => {
    const { pending, written } = setUp();
    for (const id of ["a", "b", "a", "c"]) {
      pending.add(member(id));
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(written).toEqual([]);
    expect(pending.has("t1", "c1", "a")).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(written.sort()).toEqual(["a", "b", "c"]);
    expect(pending.has("t1", "c1", "a")).toBe(false);
  });

  it("writes a burst that never pauses within the longest wait", async () => {
    const { pending, written } = setUp();
    for (let i = 0; i < 30; i++) {
      pending.add(member(`p${i}`));
      await vi.advanceTimersByTimeAsync(60);
    }
    // 1,800 ms of joins 60 ms apart: the first ones were written at 1 s, without a pause.
    expect(written.length).toBeGreaterThanOrEqual(16);
    await vi.advanceTimersByTimeAsync(100);
    expect(written).toHaveLength(30);
  });

  it("writes one person's membership at once when they read, leaving the others to wait", async () => {
    const { pending, written } = setUp();
    pending.add(member("a"));
    pending.add(member("b"));
    pending.add(member("a", "c2"));
    await pending.settle("t1", "a", "c1");
    expect(written).toEqual(["a"]);
    await pending.settle("t1", "a");
    expect(written).toEqual(["a", "a"]);
    expect(pending.has("t1", "c1", "b")).toBe(true);
  });

  it("tries a failed write again until it lands, and says each time it failed", async () => {
    let failuresLeft = 2;
    const { pending, written, failures } = setUp(async () => {
      if (failuresLeft-- > 0) throw new Error("storage is busy");
      return true;
    });
    pending.add(member("a"));
    await vi.advanceTimersByTimeAsync(100);
    expect(failures).toEqual(["a"]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(failures).toEqual(["a", "a"]);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(written).toEqual(["a"]);
  });

  it("at shutdown writes what waits once, and does not hang on storage that keeps failing", async () => {
    const { pending, written, failures } = setUp(async (m) => {
      if (m.userId === "down") throw new Error("storage is down");
      return true;
    });
    pending.add(member("down", "c2"));
    pending.add(member("ok"));
    await pending.stop();
    expect(written).toEqual(["ok"]);
    expect(failures).toEqual(["down"]);
    expect(pending.has("t1", "c2", "down")).toBe(false);
  });

  it("writes a burst's memberships of one community together, settles its count once, and before a person's own read", async () => {
    const { pending, written, counted, batches } = setUp();
    for (let i = 0; i < 10; i++) pending.add(member(`p${i}`));
    pending.add(member("q", "c2"));
    await vi.advanceTimersByTimeAsync(100);
    expect(written).toHaveLength(11);
    expect(batches.sort()).toEqual([1, 10]);
    expect(counted.sort()).toEqual(["c1", "c2"]);
    pending.add(member("late"));
    await pending.settle("t1", "late", "c1");
    expect(counted.sort()).toEqual(["c1", "c1", "c2"]);
  });
});
