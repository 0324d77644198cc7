import { describe, expect, it } from "vitest";
import { sameItem } from "../../../src/domain/activities/activity.js";

describe("sameItem", () => {
  const item = { kind: "theme", ownerId: "u1", itemId: "i1" };

  it("matches a row of the same kind, writer and item", () => {
    expect(sameItem({ ...item, text: "x" }, { ...item, voterId: "u2" } as typeof item)).toBe(true);
  });

  it("tells apart another kind, another writer, another item, or a person's own submission", () => {
    expect(sameItem({ ...item, kind: "pledge" }, item)).toBe(false);
    expect(sameItem({ ...item, ownerId: "u2" }, item)).toBe(false);
    expect(sameItem({ ...item, itemId: "i2" }, item)).toBe(false);
    expect(sameItem({ kind: "theme", ownerId: "u1" }, item)).toBe(false);
  });
});
