import { describe, expect, it } from "vitest";
import { type AskLibrary, AskService } from "../../../src/domain/ask/askService.js";
import type { EntrySearchQuery } from "../../../src/domain/library/search/searchTypes.js";

describe("what asking asks of the search", () => {
  it("sends the question's meaningful words, any of them, with the last word finished (no prefix search), for the best five only (no total, no snippets)", async () => {
    const queries: EntrySearchQuery[] = [];
    const library: AskLibrary = {
      async searchMine(_caller, query) {
        queries.push(query);
        return [];
      },
      async quotable() {
        return [];
      },
    };
    const caller = { tenantId: "t1", userId: "u1", displayName: "Asker" };
    await new AskService(library).ask(caller, "How do we configure kube");
    expect(queries).toEqual([
      { text: "configure kube ", anyWord: true, limit: 5, countTotal: false, snippets: false },
    ]);
  });
});
