import { beforeAll, describe, expect, it } from "vitest";
import { TABLES } from "../../src/storage/keys.js";
import { takeRow } from "../../src/storage/rowClaim.js";
import type { TableStore } from "../../src/storage/tableStore.js";
import { freshTableStore } from "../support/testServer.js";

type Claim = { holder: string; released: boolean };

/** The row instances race for (reminders, check-ins, the insights job's lease) in real Tables. */
describe("taking a row several instances race for", () => {
  let store: TableStore;
  beforeAll(async () => {
    store = await freshTableStore();
  });
  const claim = (rowKey: string, holder: string, released = false) => ({
    partitionKey: "tenant-claims|reminders",
    rowKey,
    holder,
    released,
  });
  const whenReleased = (existing: Claim) => existing.released;
  const holderOf = async (rowKey: string) =>
    (await store.getEntity<Claim>(TABLES.sessions, "tenant-claims|reminders", rowKey))?.holder;

  it("lets exactly one of several instances insert it", async () => {
    const taken = await Promise.all(
      ["a", "b", "c", "d"].map((holder) =>
        takeRow(store, TABLES.sessions, claim("new", holder), whenReleased),
      ),
    );
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await holderOf("new")).toBe(["a", "b", "c", "d"][taken.indexOf(true)]);
  });

  it("leaves a row that is not free to whoever holds it", async () => {
    expect(await takeRow(store, TABLES.sessions, claim("held", "a"), whenReleased)).toBe(true);
    expect(await takeRow(store, TABLES.sessions, claim("held", "b"), whenReleased)).toBe(false);
    expect(await holderOf("held")).toBe("a");
  });

  it("lets exactly one instance take over a free row, checked against what it read", async () => {
    await takeRow(store, TABLES.sessions, claim("freed", "a", true), whenReleased);
    const taken = await Promise.all(
      ["b", "c", "d"].map((holder) => takeRow(store, TABLES.sessions, claim("freed", holder), whenReleased)),
    );
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await holderOf("freed")).toBe(["b", "c", "d"][taken.indexOf(true)]);
  });
});
