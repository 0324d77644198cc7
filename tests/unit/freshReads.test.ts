import { describe, expect, it } from "vitest";
import { FreshReads } from "../../src/storage/freshReads.js";

/** A read whose answer is the store's value when the read begins, finishing when told to. */
function controlledStore() {
  let value = 0;
  let reads = 0;
  const pending: (() => void)[] = [];
  const read = () =>
    new Promise<number>((resolve) => {
      reads++;
      const seen = value;
      pending.push(() => resolve(seen));
    });
  const finishOne = async () => {
    pending.shift()?.();
    // Let the promise chains settle (the queued read starts once the running one ended).
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return {
    read,
    finishOne,
    write: (v: number) => {
      value = v;
    },
    reads: () => reads,
  };
}

describe("FreshReads", () => {
  it("never answers a caller from a read that began before they asked", async () => {
    const store = controlledStore();
    const reads = new FreshReads<number>();
    const first = reads.read("k", store.read);
    store.write(1); // a write completes while the first read is in flight
    const second = reads.read("k", store.read);
    const third = reads.read("k", store.read);
    await store.finishOne();
    expect(await first).toBe(0);
    await store.finishOne();
    expect(await second).toBe(1);
    expect(await third).toBe(1);
  });

  it("costs two reads for a burst, and one per key", async () => {
    const store = controlledStore();
    const reads = new FreshReads<number>();
    const burst = Array.from({ length: 50 }, () => reads.read("k", store.read));
    const other = reads.read("other", store.read);
    expect(store.reads()).toBe(2);
    await store.finishOne();
    await store.finishOne();
    await store.finishOne();
    await Promise.all([...burst, other]);
    expect(store.reads()).toBe(3);
  });

  it("starts the queued read even when the running one failed, and passes each failure on", async () => {
    const reads = new FreshReads<string>();
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls === 1) throw new Error("storage down");
      return "ok";
    };
    const first = reads.read("k", flaky);
    const second = reads.read("k", flaky);
    await expect(first).rejects.toThrow("storage down");
    await expect(second).resolves.toBe("ok");
    // Nothing left in flight: the next caller reads afresh.
    await expect(reads.read("k", flaky)).resolves.toBe("ok");
    expect(calls).toBe(3);
  });

  it("lets a caller who needs no fresh read share the running one, and starts one when none runs", async () => {
    const store = controlledStore();
    const reads = new FreshReads<number>();
    const first = reads.read("k", store.read);
    store.write(1);
    const any = reads.readAny("k", store.read);
    expect(store.reads()).toBe(1);
    await store.finishOne();
    expect(await any).toBe(0);
    expect(await first).toBe(0);
    const alone = reads.readAny("k", store.read);
    expect(store.reads()).toBe(2);
    await store.finishOne();
    expect(await alone).toBe(1);
  });
});
