import { afterEach, describe, expect, it, vi } from "vitest";
import type { Activity } from "../../../src/domain/activities/activity.js";
import { SubmissionCopies } from "../../../src/domain/activities/submissionCopies.js";

const activity = (id: string) => ({ tenantId: "t1", id }) as Activity;
const copy = (ownerId: string, text: string, kind = "reflection") => ({
  kind,
  ownerId,
  text,
  at: "2026-12-05T10:00:00Z",
});

describe("the copies kept outside an activity (My learning's, a circle's goals) of what people write during it", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes them together once the writing pauses, each person's newest text of each kind once", async () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const copies = new SubmissionCopies(async (a, c) => {
      written.push(`${a.id} ${c.kind} ${c.ownerId}: ${c.text}`);
    });
    copies.add(activity("a1"), copy("u1", "first"));
    copies.add(activity("a1"), copy("u2", "mine"));
    await vi.advanceTimersByTimeAsync(1_500);
    copies.add(activity("a1"), copy("u1", "second"));
    copies.add(activity("a1"), copy("u1", "a commitment", "commitment"));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(written).toEqual([]); // still writing: the pause has not come
    await vi.advanceTimersByTimeAsync(1_000);
    expect(written.sort()).toEqual([
      "a1 commitment u1: a commitment",
      "a1 reflection u1: second",
      "a1 reflection u2: mine",
    ]);
  });

  it("writes an activity's pending copies at once when it ends, and not again after", async () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const copies = new SubmissionCopies(async (a, c) => {
      written.push(`${a.id} ${c.ownerId}`);
    });
    copies.add(activity("a1"), copy("u1", "x"));
    copies.add(activity("a2"), copy("u2", "y"));
    await copies.flush("t1", "a1");
    expect(written).toEqual(["a1 u1"]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(written).toEqual(["a1 u1", "a2 u2"]);
  });

  it("writes even while people keep writing, at most 15 s after the first", async () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const copies = new SubmissionCopies(async (_a, c) => {
      written.push(c.text);
    });
    for (let s = 0; s < 20; s++) {
      copies.add(activity("a1"), copy("u1", `text ${s}`));
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(written.length).toBeGreaterThan(0);
    expect(written[0]).toMatch(/^text 1[5-7]$/);
  });
});
