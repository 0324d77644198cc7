import { describe, expect, it } from "vitest";
import { forgetOldest, setNewest } from "../../src/domain/boundedMap.js";

describe("setNewest", () => {
  it("keeps at most the limit, forgetting the entry set longest ago", () => {
    const map = new Map<string, number>();
    for (const [i, key] of ["a", "b", "c", "d"].entries()) setNewest(map, key, i, 3);
    expect([...map.keys()]).toEqual(["b", "c", "d"]);
  });

  it("makes an entry set again the newest, so it outlives those set since", () => {
    const map = new Map([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    setNewest(map, "a", 10, 3);
    setNewest(map, "d", 4, 3);
    expect([...map.entries()]).toEqual([
      ["c", 3],
      ["a", 10],
      ["d", 4],
    ]);
  });

  it("tells what it forgot, so what is kept beside it can go too", () => {
    const map = new Map([
      ["a", 1],
      ["b", 2],
    ]);
    const forgotten: [string, number][] = [];
    setNewest(map, "c", 3, 2, (key, value) => forgotten.push([key, value]));
    expect(forgotten).toEqual([["a", 1]]);
    setNewest(map, "c", 30, 2, (key, value) => forgotten.push([key, value]));
    expect(forgotten).toEqual([["a", 1]]);
  });
});

describe("forgetOldest", () => {
  it("forgets from the oldest until the limit is left, and nothing when under it", () => {
    const map = new Map(["a", "b", "c", "d", "e"].map((k, i) => [k, i]));
    forgetOldest(map, 5);
    expect(map.size).toBe(5);
    forgetOldest(map, 2);
    expect([...map.keys()]).toEqual(["d", "e"]);
    forgetOldest(map, -1);
    expect(map.size).toBe(0);
  });
});
