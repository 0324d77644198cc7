import { describe, expect, it } from "vitest";
import { sameItem } from "../../../src/domain/activities/activity.js";

describe("sameItem", () => {
  const item = { kind: "theme", ownerId: "u1", itemId: "i1" };

  it("matches a row of the same kind, writer and item", () => {
    const submission = { ...item, text: "x" };
    const vote = { ...item, voterId: "u2", at: "2026-01-01T00:00:00.000Z" };
    expect(sameItem(submission, vote)).toBe(true);
  });

  it("tells apart another kind, another writer, another item, or a person's own submission", () => {
    expect(sameItem({ ...item, kind: "pledge" }, item)).toBe(false);
    expect(sameItem({ ...item, ownerId: "u2" }, item)).toBe(false);
    expect(sameItem({ ...item, itemId: "i2" }, item)).toBe(false);
    expect(sameItem({ kind: "theme", ownerId: "u1" }, item)).toBe(false);
  });
});
