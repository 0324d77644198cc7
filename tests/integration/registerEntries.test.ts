import { beforeAll, describe, expect, inject, it } from "vitest";
import type { RegisterEntry } from "../../src/domain/activities/circleMemory.js";
import { TableStore } from "../../src/storage/tableStore.js";
import { TablesCircleMemory } from "../../src/storage/tablesCircleMemory.js";
import { uniqueTablePrefix } from "../support/testServer.js";

/**
 * A circle's kept goals (register rows, in each person's partition) on Azurite: the copies of a
 * goal arrive after the answers, from whichever instance took the writing, and again at the close,
 * so the newest text must win whatever order they land in.
 */
describe("a person's goal kept for the community's next session", () => {
  const tenant = "72f988bf-0000-4000-8000-0000000000aa";
  let memory: TablesCircleMemory;
  beforeAll(async () => {
    const store = await TableStore.connect({
      connectionString: inject("tablesConnectionString"),
      tablePrefix: uniqueTablePrefix(),
    });
    await store.ensureTables();
    memory = new TablesCircleMemory(store);
  });
  const goal = (text: string, at: string): RegisterEntry => ({ kind: "goal", text, at, activityId: "a1" });
  const kept = async (userId: string) =>
    (await memory.registerOf(tenant, [userId], "community-1", "goal")).get(userId)?.text;

  it("keeps the newest text: an older copy arriving later changes nothing", async () => {
    await memory.saveRegisterEntry(tenant, "u1", "community-1", goal("Second", "2026-12-06T10:00:02.000Z"));
    await memory.saveRegisterEntry(tenant, "u1", "community-1", goal("First", "2026-12-06T10:00:01.000Z"));
    expect(await kept("u1")).toBe("Second");
    await memory.saveRegisterEntry(tenant, "u1", "community-1", goal("Third", "2026-12-06T10:00:03.000Z"));
    expect(await kept("u1")).toBe("Third");
    // The same copy again (the close writing what a deferred copy wrote) changes nothing either.
    await memory.saveRegisterEntry(tenant, "u1", "community-1", goal("Third", "2026-12-06T10:00:03.000Z"));
    expect(await kept("u1")).toBe("Third");
  });

  it("keeps the newest of copies landing at once, from the first write on", async () => {
    const texts = Array.from({ length: 6 }, (_, i) => goal(`Goal ${i}`, `2026-12-06T11:00:0${i}.000Z`));
    await Promise.all(
      [...texts].reverse().map((entry) => memory.saveRegisterEntry(tenant, "u2", "community-1", entry)),
    );
    expect(await kept("u2")).toBe("Goal 5");
  });
});
