import { describe, expect, it } from "vitest";
import { EntryIndex, type IndexedEntry } from "../../src/search/memory/entryIndex.js";
import { indexedEntry } from "../support/indexedEntries.js";

function doc(id: string, title: string): IndexedEntry {
  return indexedEntry({ id, title });
}

describe("query words' expansions kept between searches", () => {
  it("follow the dictionary: a word added later is found through a typo searched before", () => {
    const index = new EntryIndex();
    index.upsert(doc("e1", "Pipeline backfill"));
    const ids = () => index.search({ text: "pipelinx " }).items.map((h) => h.id);
    expect(ids()).toEqual(["e1"]);
    // "pipelinz" is one edit from the typo as well: the kept expansion of "pipelinx" must not hide it.
    index.upsert(doc("e2", "Pipelinz rollout"));
    expect(ids().sort()).toEqual(["e1", "e2"]);
    expect(
      index
        .search({ text: "pipelinx ", countTotal: false })
        .items.map((h) => h.id)
        .sort(),
    ).toEqual(["e1", "e2"]);
  });
});
