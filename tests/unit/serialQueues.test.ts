import { describe, expect, it } from "vitest";
import { SerialQueues } from "../../src/domain/serialQueues.js";

/** A task that records when it starts and ends, ending (or failing) when told to. */
function gate(log: string[], name: string) {
  let finish: (ok: boolean) => void = () => undefined;
  const task = () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      finish = (ok) => {
        log.push(`end ${name}`);
        if (ok) resolve(name);
        else reject(new Error(name));
      };
    });
  return { task, finish: (ok = true) => finish(ok) };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe("SerialQueues", () => {
  it("runs one key's tasks one after another, a failed one not holding up the next", async () => {
    const queues = new SerialQueues();
    const log: string[] = [];
    const a = gate(log, "a");
    const b = gate(log, "b");
    const c = gate(log, "c");
    const first = queues.run("k", a.task);
    const second = queues.run("k", b.task);
    const third = queues.run("k", c.task);
    await settle();
    expect(log).toEqual(["start a"]);
    a.finish(false);
    await expect(first).rejects.toThrow("a");
    await settle();
    expect(log).toEqual(["start a", "end a", "start b"]);
    b.finish();
    await settle();
    c.finish();
    await expect(second).resolves.toBe("b");
    await expect(third).resolves.toBe("c");
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("runs different keys side by side and forgets a key once its tasks have ended", async () => {
    const queues = new SerialQueues();
    const log: string[] = [];
    const a = gate(log, "a");
    const b = gate(log, "b");
    const done = Promise.all([queues.run("one", a.task), queues.run("two", b.task)]);
    await settle();
    expect(log).toEqual(["start a", "start b"]);
    expect(queues.size).toBe(2);
    b.finish();
    a.finish();
    await expect(done).resolves.toEqual(["a", "b"]);
    await queues.drain();
    await settle();
    expect(queues.size).toBe(0);
  });
});
