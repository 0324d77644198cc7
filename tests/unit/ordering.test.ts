import { describe, expect, it } from "vitest";
import { compareStored } from "../../src/domain/ordering.js";

describe("compareStored", () => {
  it("orders ISO times by when they are, and ids as Tables keeps keys", () => {
    const times = ["2026-12-05T10:00:00.100Z", "2026-12-05T09:59:59.999Z", "2026-12-04T23:00:00.000Z"];
    expect([...times].sort(compareStored)).toEqual([
      "2026-12-04T23:00:00.000Z",
      "2026-12-05T09:59:59.999Z",
      "2026-12-05T10:00:00.100Z",
    ]);
    // Code-unit order: upper case before lower case, as in a row key (localeCompare puts a before B).
    expect(["b", "B", "a"].sort(compareStored)).toEqual(["B", "a", "b"]);
    expect(compareStored("x", "x")).toBe(0);
  });
});
