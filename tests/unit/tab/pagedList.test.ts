import { describe, expect, it } from "vitest";
import { nextOffset, pagedListOf } from "../../../src/tab/hooks/pagedList.js";

const page = (ids: string[], total: number) => ({ items: ids.map((id) => ({ id })), total });

describe("nextOffset", () => {
  it("asks from as many as are loaded while more remain", () => {
    const first = page(["a", "b"], 5);
    const second = page(["c"], 5);
    expect(nextOffset(second, [first, second])).toBe(3);
  });

  it("stops once all are loaded, after an empty page, or past the deepest offset", () => {
    const all = page(["a", "b"], 2);
    expect(nextOffset(all, [all])).toBeUndefined();
    const some = page(["a"], 5);
    const empty = page([], 5);
    expect(nextOffset(empty, [some, empty])).toBeUndefined();
    const deep = page(["a", "b", "c"], 10);
    expect(nextOffset(deep, [deep], 2)).toBeUndefined();
    expect(nextOffset(deep, [deep], 3)).toBe(3);
  });
});

describe("pagedListOf", () => {
  const query = {
    data: { pages: [page(["a", "b"], 4), page(["b", "c"], 4)] },
    isPending: false,
    isError: false,
    error: null,
    hasNextPage: true,
    isFetchingNextPage: false,
    fetchNextPage: () => undefined,
    refetch: () => undefined,
  };

  it("lists each item once, however the pages overlap, with the last page's total", () => {
    const list = pagedListOf(query, (item) => item.id);
    expect(list.items.map((item) => item.id)).toEqual(["a", "b", "c"]);
    expect(list.total).toBe(4);
    expect(list.hasMore).toBe(true);
    expect(list.error).toBeNull();
  });

  it("has no items and no total before the first page", () => {
    const list = pagedListOf(
      { ...query, data: undefined, isPending: true },
      (item: { id: string }) => item.id,
    );
    expect(list.items).toEqual([]);
    expect(list.total).toBeUndefined();
    expect(list.isLoading).toBe(true);
  });
});
