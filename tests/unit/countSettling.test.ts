import { describe, expect, it } from "vitest";
import { type CachedCount, CountSettler, settleCount } from "../../src/domain/concurrency.js";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rows and a count cached beside them, as storage keeps them: reads and recounts answer at once,
 * writes land after a delay, so a write computed earlier can land after one computed later.
 */
class CountedRows {
  readonly rows = new Set<string>();
  cached = 0;
  recounts = 0;
  private writes = 0;

  constructor(private readonly writeDelay: (n: number) => number) {}

  readonly port: CachedCount<string> = {
    read: async () => ({ value: "community", count: this.cached }),
    recount: async () => {
      this.recounts++;
      return this.rows.size;
    },
    write: async (count) => {
      await tick(this.writeDelay(this.writes++));
      this.cached = count;
    },
  };
}

describe("settleCount: a cached count settled from the rows", () => {
  it("corrects a stale write that lands after a fresher one", async () => {
    // The first write (counting 1 row) is slow and lands after the second (counting 2 rows).
    const store = new CountedRows((n) => (n === 0 ? 30 : 1));
    store.rows.add("a");
    const first = settleCount(store.port);
    await tick(5);
    store.rows.add("b");
    const second = settleCount(store.port);
    await Promise.all([first, second]);
    expect(store.cached).toBe(2);
  });

  it("leaves the count equal to the rows after 200 concurrent changes with writes landing out of order", async () => {
    const store = new CountedRows(() => Math.random() * 8);
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        await tick(Math.random() * 20);
        store.rows.add(`row-${i}`);
        if (i % 4 === 0) store.rows.delete(`row-${i - 2}`);
        return settleCount(store.port);
      }),
    );
    expect(store.cached).toBe(store.rows.size);
  });

  it("answers undefined when the row holding the count is gone", async () => {
    const settled = await settleCount({
      read: async () => undefined,
      recount: async () => 3,
      write: async () => {},
    });
    expect(settled).toBeUndefined();
  });
});

describe("CountSettler: concurrent requests of one instance share settles", () => {
  it("settles 100 concurrent changes with a few recounts, and tells each the count including its own row", async () => {
    const store = new CountedRows(() => 2);
    const settler = new CountSettler();
    const answers = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        await tick(i % 10);
        store.rows.add(`row-${i}`);
        const mine = store.rows.size; // at least this many once my row is in
        const settled = await settler.settle("community", store.port);
        return { mine, counted: settled?.count ?? -1 };
      }),
    );
    expect(store.cached).toBe(100);
    expect(answers.every((a) => a.counted >= a.mine)).toBe(true);
    expect(store.recounts).toBeLessThan(40);
  });

  it("keeps counts of different things apart", async () => {
    const a = new CountedRows(() => 1);
    const b = new CountedRows(() => 1);
    a.rows.add("x");
    b.rows.add("y").add("z");
    const settler = new CountSettler();
    const [sa, sb] = await Promise.all([settler.settle("a", a.port), settler.settle("b", b.port)]);
    expect([sa?.count, sb?.count, a.cached, b.cached]).toEqual([1, 2, 1, 2]);
  });
});
