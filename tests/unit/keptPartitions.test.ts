import { describe, expect, it } from "vitest";
import { KeptPartitions } from "../../src/storage/keptPartitions.js";

type Row = { partitionKey: string; rowKey: string; timestamp: string; text: string };

/** A partition as Azure Tables answers it: every row, or those changed at or after a time. */
function table() {
  const rows = new Map<string, Row>();
  const reads: { partition: string; since?: Date }[] = [];
  let clock = Date.parse("2026-12-05T10:00:00.000Z");
  return {
    reads,
    write(rowKey: string, text: string, stamped?: number) {
      clock += 10;
      const at = stamped ?? clock;
      rows.set(rowKey, { partitionKey: "p", rowKey, timestamp: new Date(at).toISOString(), text });
    },
    remove(rowKey: string) {
      rows.delete(rowKey);
    },
    query: async (partition: string, since?: Date) => {
      reads.push({ partition, ...(since ? { since } : {}) });
      return [...rows.values()]
        .filter((r) => !since || Date.parse(r.timestamp) >= since.getTime())
        .map((r) => ({ ...r }));
    },
  };
}

const texts = (rows: { rowKey?: string; text?: unknown }[]) =>
  Object.fromEntries(rows.map((r) => [r.rowKey, r.text]));

describe("kept partitions: only the rows changed since are read again", () => {
  it("reads the whole partition first, then only what changed, and answers with every row", async () => {
    const t = table();
    let now = 0;
    const kept = new KeptPartitions(t.query, 4, () => now);
    t.write("a", "first a");
    t.write("b", "first b");
    expect(texts(await kept.rows("p"))).toEqual({ a: "first a", b: "first b" });
    expect(t.reads.at(-1)?.since).toBeUndefined();

    t.write("b", "second b");
    t.write("c", "first c");
    now += 1_000;
    expect(texts(await kept.rows("p"))).toEqual({ a: "first a", b: "second b", c: "first c" });
    const since = t.reads.at(-1)?.since;
    expect(since).toBeDefined();
    // It looked back a second before the newest change it had seen.
    expect(since?.toISOString()).toBe("2026-12-05T09:59:59.020Z");
  });

  it("finds a row written with an earlier time than the newest one seen (within the overlap)", async () => {
    const t = table();
    const kept = new KeptPartitions(t.query, 4, () => 0);
    t.write("a", "a", Date.parse("2026-12-05T10:00:05.000Z"));
    await kept.rows("p");
    // Committed just after the read, stamped half a second before the newest row it saw.
    t.write("late", "late", Date.parse("2026-12-05T10:00:04.500Z"));
    expect(texts(await kept.rows("p"))).toEqual({ a: "a", late: "late" });
  });

  it("reads the whole partition again after 30 s, so rows removed out of band disappear", async () => {
    const t = table();
    let now = 0;
    const kept = new KeptPartitions(t.query, 4, () => now);
    t.write("a", "a");
    t.write("erased", "erased");
    await kept.rows("p");
    t.remove("erased");
    now += 5_000;
    expect(Object.keys(texts(await kept.rows("p")))).toEqual(["a", "erased"]);
    now += 30_001;
    expect(Object.keys(texts(await kept.rows("p")))).toEqual(["a"]);
    expect(t.reads.at(-1)?.since).toBeUndefined();
  });

  it("keeps at most its limit of partitions, forgetting the one read longest ago", async () => {
    const t = table();
    const kept = new KeptPartitions(t.query, 2, () => 0);
    await kept.rows("p1");
    await kept.rows("p2");
    await kept.rows("p1");
    await kept.rows("p3"); // p2 is forgotten
    t.reads.length = 0;
    await kept.rows("p1");
    await kept.rows("p2");
    expect(t.reads.map((r) => [r.partition, r.since === undefined])).toEqual([
      ["p1", false],
      ["p2", true],
    ]);
  });

  it("does not keep what a read running when the partition was forgotten found (a row removed meanwhile)", async () => {
    const t = table();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let hold = false;
    const kept = new KeptPartitions(
      async (partition: string, since?: Date) => {
        const rows = await t.query(partition, since);
        if (hold) await held;
        return rows;
      },
      4,
      () => 0,
    );
    t.write("a", "a");
    t.write("leaving", "leaving");
    hold = true;
    const running = kept.rows("p");
    // Removed (and forgotten) while the read that still finds it runs.
    t.remove("leaving");
    kept.forget("p");
    release();
    expect(Object.keys(texts(await running))).toEqual(["a", "leaving"]);
    hold = false;
    // The next read is a whole one: the removed row is gone.
    expect(Object.keys(texts(await kept.rows("p")))).toEqual(["a"]);
    expect(t.reads.at(-1)?.since).toBeUndefined();
  });

  it("reads the whole partition again after the time it is given", async () => {
    const t = table();
    let now = 0;
    const kept = new KeptPartitions(t.query, 4, () => now, 10_000);
    await kept.rows("p");
    now += 9_000;
    await kept.rows("p");
    expect(t.reads.at(-1)?.since).toBeDefined();
    now += 1_001;
    await kept.rows("p");
    expect(t.reads.at(-1)?.since).toBeUndefined();
  });
});
