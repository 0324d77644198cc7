import { describe, expect, it } from "vitest";
import { countIn, Postings } from "../../src/search/memory/postings.js";

const fields = (title: string, text: string) => [title.split(" "), [], [], text.split(" ")];

function postingsOf(p: Postings<string>, term: string): [string, number, number][] {
  const id = p.idOf(term);
  if (id === undefined) return [];
  const { docs, counts, length } = p.postingsOf(id);
  const out: [string, number, number][] = [];
  for (let i = 0; i < length; i++) {
    const doc = p.doc(docs[i] as number);
    if (doc !== undefined) out.push([doc, countIn(counts[i] as number, 0), countIn(counts[i] as number, 3)]);
  }
  return out;
}

describe("Postings", () => {
  it("counts each term per field and keeps field lengths", () => {
    const p = new Postings<string>();
    const no = p.add("a", fields("deploy bot", "deploy the bot and deploy again"));
    expect(postingsOf(p, "deploy")).toEqual([["a", 1, 2]]);
    expect(p.fieldLength(no, 0)).toBe(2);
    expect(p.fieldLength(no, 3)).toBe(6);
    expect(p.averageLength(3)).toBe(6);
  });

  it("drops dead postings and unused terms on compaction, renumbering densely in order", () => {
    const p = new Postings<string>();
    const a = p.add("a", fields("alpha", "shared"));
    const b = p.add("b", fields("bravo", "shared"));
    const c = p.add("c", fields("charlie", "shared"));
    p.remove(b);
    expect(p.size).toBe(2);
    const renumber = p.compact();
    expect([...renumber]).toEqual([a, -1, 1]);
    expect(c).toBe(2);
    expect(p.idOf("bravo")).toBeUndefined();
    expect(p.dictionary.has("bravo")).toBe(false);
    expect(postingsOf(p, "shared")).toEqual([
      ["a", 0, 1],
      ["c", 0, 1],
    ]);
    expect(p.postingCount(p.idOf("shared") as number)).toBe(2);
    // Counting still works for documents added after a compaction (scratch marks were reset).
    p.add("d", fields("shared", "shared shared"));
    expect(postingsOf(p, "shared")).toEqual([
      ["a", 0, 1],
      ["c", 0, 1],
      ["d", 1, 2],
    ]);
  });

  it("compacts on its own only once dead postings are a large share", () => {
    const p = new Postings<string>();
    const numbers = Array.from({ length: 12_000 }, (_, i) =>
      p.add(`d${i}`, fields(`t${i}`, `w${i % 50} x${i}`)),
    );
    for (const no of numbers.slice(0, 1_500)) p.remove(no);
    expect(p.compactIfWorthIt()).toBeUndefined();
    for (const no of numbers.slice(1_500, 6_000)) p.remove(no);
    const renumber = p.compactIfWorthIt();
    expect(renumber?.[6_000]).toBe(0);
    expect(p.numberBound).toBe(6_000);
    expect(p.size).toBe(6_000);
  });
});
