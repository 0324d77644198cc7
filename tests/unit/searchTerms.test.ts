import { describe, expect, it } from "vitest";
import { indexTerms, MAX_TERM_LENGTH, visitTerms } from "../../src/domain/library/search/searchTerms.js";

function visited(text: string) {
  const out: { term: string; original: string }[] = [];
  visitTerms(text, "index", (term, start, end) => {
    out.push({ term, original: text.slice(start, end) });
    return false;
  });
  return out;
}

describe("search terms of plain ASCII text", () => {
  it("finds the words with their places, folded to lower case, without function words", () => {
    const text = "Think-Pair-Share at 9am: the DORA metrics (ABC123), x_z and\tQA!";
    expect(visited(text)).toEqual([
      { term: "think", original: "Think" },
      { term: "pair", original: "Pair" },
      { term: "share", original: "Share" },
      { term: "9am", original: "9am" },
      { term: "dora", original: "DORA" },
      { term: "metrics", original: "metrics" },
      { term: "abc123", original: "ABC123" },
      { term: "x", original: "x" },
      { term: "z", original: "z" },
      { term: "qa", original: "QA" },
    ]);
    // The same terms as indexing yields, so a highlight lands on what the index matched.
    expect(visited(text).map((v) => v.term)).toEqual(indexTerms(text));
  });

  it("cuts a very long word to the longest term, highlighting all of it", () => {
    const long = "a".repeat(MAX_TERM_LENGTH + 10);
    expect(visited(`see ${long}.`)).toEqual([
      { term: "see", original: "see" },
      { term: "a".repeat(MAX_TERM_LENGTH), original: long },
    ]);
  });

  it("stops when the visitor says so", () => {
    const seen: string[] = [];
    visitTerms("one two three", "index", (term) => {
      seen.push(term);
      return term === "two";
    });
    expect(seen).toEqual(["one", "two"]);
  });
});
