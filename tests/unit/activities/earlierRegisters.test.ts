import { describe, expect, it } from "vitest";
import {
  type CircleMemory,
  EarlierRegisters,
  type RegisterEntry,
} from "../../../src/domain/activities/circleMemory.js";

const entry = (who: string): RegisterEntry => ({
  kind: "goal",
  text: `Goal of ${who}`,
  at: "2026-12-01T10:00:00.000Z",
  activityId: "earlier",
});

function memoryReading(fail: () => boolean) {
  const reads: string[][] = [];
  const memory = {
    registerOf: async (_tenant: string, userIds: readonly string[]) => {
      reads.push([...userIds]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail()) throw new Error("storage is busy");
      return new Map(userIds.filter((id) => id !== "nobody").map((id) => [id, entry(id)]));
    },
  } as unknown as CircleMemory;
  return { memory, reads };
}

describe("earlier register entries kept per activity", () => {
  it("says what is read already (an entry, or null for none) and nothing while a read runs or after one failed", async () => {
    let failing = false;
    const { memory } = memoryReading(() => failing);
    const registers = new EarlierRegisters(memory);
    const reading = registers.of("t", "a1", "c1", "goal", ["ana", "nobody"]);
    expect(registers.settled("t", "a1", "goal", "ana")).toBeUndefined();
    await reading;
    expect(registers.settled("t", "a1", "goal", "ana")?.text).toBe("Goal of ana");
    expect(registers.settled("t", "a1", "goal", "nobody")).toBeNull();
    expect(registers.settled("t", "a2", "goal", "ana")).toBeUndefined();
    failing = true;
    await expect(registers.of("t", "a1", "c1", "goal", ["ben"])).rejects.toThrow();
    expect(registers.settled("t", "a1", "goal", "ben")).toBeUndefined();
  });

  it("reads each circle member once, however many of the circle's views ask at the same moment", async () => {
    const { memory, reads } = memoryReading(() => false);
    const registers = new EarlierRegisters(memory);
    const circle = ["ana", "ben", "cy", "nobody"];
    const views = await Promise.all(
      circle.map((me) => registers.of("t", "a1", "c1", "goal", [me, ...circle.filter((id) => id !== me)])),
    );
    expect(reads.flat().sort()).toEqual([...circle].sort());
    for (const view of views) expect([...view.keys()].sort()).toEqual(["ana", "ben", "cy"]);
    expect((await registers.of("t", "a1", "c1", "goal", ["ana"])).get("ana")?.text).toBe("Goal of ana");
    expect(reads).toHaveLength(1);
  });

  it("reads again after a failed read, and the failure reaches every view that waited for it", async () => {
    let failing = true;
    const { memory, reads } = memoryReading(() => failing);
    const registers = new EarlierRegisters(memory);
    const both = await Promise.allSettled([
      registers.of("t", "a1", "c1", "goal", ["ana", "ben"]),
      registers.of("t", "a1", "c1", "goal", ["ben", "ana"]),
    ]);
    expect(both.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    failing = false;
    expect([...(await registers.of("t", "a1", "c1", "goal", ["ana", "ben"])).keys()]).toEqual(["ana", "ben"]);
    expect(reads).toHaveLength(2);
  });
});
