import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/domain/errors.js";
import type { Entry } from "../../src/domain/library/entry.js";
import { MAX_SEARCH_OFFSET } from "../../src/domain/library/search/searchLimits.js";
import {
  EntryIndex,
  type EntrySearchPage,
  type IndexedEntry,
  toIndexedEntry,
} from "../../src/search/memory/entryIndex.js";
import { indexedEntry } from "../support/indexedEntries.js";

const alice = { id: "u-alice", displayName: "Alice" };
const bob = { id: "u-bob", displayName: "Bob" };
const carol = { id: "u-carol", displayName: "Carol" };

let counter = 0;
function doc(overrides: Partial<IndexedEntry> = {}): IndexedEntry {
  counter += 1;
  return indexedEntry({ id: `e${counter}`, author: alice, savedById: alice.id, ...overrides });
}

function indexOf(...docs: IndexedEntry[]): EntryIndex {
  const index = new EntryIndex();
  for (const d of docs) index.upsert(d);
  return index;
}

const ids = (page: EntrySearchPage) => page.items.map((i) => i.id);

/** Every highlighted range of a hit, as the text it covers. */
function highlighted(page: EntrySearchPage, id: string, field: "title" | "snippet"): string[] {
  const item = page.items.find((i) => i.id === id);
  if (!item) throw new Error(`${id} not in results`);
  const text = field === "title" ? item.title : item.snippet;
  const ranges = item.highlights.find((h) => h.field === field)?.ranges ?? [];
  return ranges.map(([start, end]) => text.slice(start, end));
}

describe("EntryIndex full text", () => {
  const pipeline = doc({
    id: "pipeline",
    title: "Release pipeline checklist",
    plainText: "Before a release, run the pipeline twice and check the governance gates.",
  });
  const cafe = doc({
    id: "cafe",
    title: "Knowledge Café format",
    plainText: "Rounds of conversation in a café setting, with a résumé for each élève.",
  });
  const strasse = doc({ id: "strasse", title: "Straßenbahn outage", plainText: "Die Straße war gesperrt." });
  const japanese = doc({ id: "ja", title: "会議室の予約方法", plainText: "会議室はTeamsから予約できます。" });
  const other = doc({
    id: "other",
    title: "Onboarding buddy",
    plainText: "Pair every newcomer with a buddy.",
  });
  const index = indexOf(pipeline, cafe, strasse, japanese, other);

  it("matches the word being typed as a prefix", () => {
    expect(ids(index.search({ text: "pipel" }))).toEqual(["pipeline"]);
    expect(ids(index.search({ text: "onboard" }))).toEqual(["other"]);
  });

  it("does not prefix-match a word the person has finished typing", () => {
    expect(ids(index.search({ text: "pipel " }))).toEqual([]);
  });

  it("tolerates typos in longer words", () => {
    expect(ids(index.search({ text: "pipline" }))).toEqual(["pipeline"]);
    expect(ids(index.search({ text: "goverance" }))).toEqual(["pipeline"]);
    expect(ids(index.search({ text: "onbaording " }))).toEqual(["other"]);
  });

  it("gives the word being typed typo tolerance only when no word starts with it, and keeps the first letter", () => {
    const idx = indexOf(
      doc({ id: "boundary", title: "Context boundary" }),
      doc({ id: "bond", title: "Bond of trust" }),
      doc({ id: "pipeline", title: "Pipeline checks" }),
    );
    expect(ids(idx.search({ text: "bound" }))).toEqual(["boundary"]);
    expect(ids(idx.search({ text: "bound " }))).toEqual(["bond"]);
    expect(ids(idx.search({ text: "pieline" }))).toEqual(["pipeline"]);
    // A typo in the first letter is not looked for (Lucene's prefix length 1).
    expect(ids(idx.search({ text: "oipeline " }))).toEqual([]);
  });

  it("does not apply typo tolerance to short words", () => {
    const idx = indexOf(doc({ id: "app", title: "App policy" }), doc({ id: "api", title: "API policy" }));
    expect(ids(idx.search({ text: "api " }))).toEqual(["api"]);
  });

  it("folds accents and special letters both ways", () => {
    // Two accents each: typo tolerance (one edit for these lengths) cannot stand in for folding.
    expect(ids(index.search({ text: "resume " }))).toEqual(["cafe"]);
    expect(ids(index.search({ text: "ELEVE " }))).toEqual(["cafe"]);
    expect(ids(index.search({ text: "cafe " }))).toEqual(["cafe"]);
    expect(ids(index.search({ text: "CAFÉ " }))).toEqual(["cafe"]);
    expect(ids(index.search({ text: "strasse " }))).toEqual(["strasse"]);
    expect(highlighted(index.search({ text: "cafe " }), "cafe", "title")).toEqual(["Café"]);
  });

  it("finds Chinese/Japanese text by a substring of two or more characters, and by one character", () => {
    expect(ids(index.search({ text: "会議室" }))).toEqual(["ja"]);
    expect(ids(index.search({ text: "予約" }))).toEqual(["ja"]);
    expect(ids(index.search({ text: "室" }))).toEqual(["ja"]);
    expect(ids(index.search({ text: "会社" }))).toEqual([]);
    expect(highlighted(index.search({ text: "会議室" }), "ja", "title")).toEqual(["会議室"]);
  });

  it("ignores function words, so a question finds its answer", () => {
    const page = index.search({ text: "how do I pair the newcomer with a buddy" });
    expect(ids(page)).toEqual(["other"]);
    expect(page.relaxed).toBeUndefined();
    expect(index.search({ text: "the" })).toEqual(index.search({}));
  });

  it("requires every word, and says so when it falls back to any word", () => {
    const idx = indexOf(
      doc({ id: "both", title: "Azure pipeline" }),
      doc({ id: "azure", title: "Azure costs" }),
      doc({ id: "k8s", title: "Kubernetes upgrade" }),
    );
    const strict = idx.search({ text: "azure pipeline" });
    expect(ids(strict)).toEqual(["both"]);
    expect(strict.relaxed).toBeUndefined();

    const relaxed = idx.search({ text: "azure kubernetes" });
    expect(relaxed.relaxed).toBe(true);
    expect(ids(relaxed).sort()).toEqual(["azure", "both", "k8s"]);

    const nothing = idx.search({ text: "zebra giraffe" });
    expect(nothing).toEqual({ total: 0, items: [] });
  });

  it("matches any word when asked (related entries), the best-matching first", () => {
    const idx = indexOf(
      doc({ id: "both", title: "Azure pipeline" }),
      doc({ id: "azure", title: "Azure costs" }),
      doc({ id: "k8s", title: "Kubernetes upgrade" }),
    );
    const strict = idx.search({ text: "azure pipeline" });
    expect(ids(strict)).toEqual(["both"]);
    const any = idx.search({ text: "azure pipeline", anyWord: true });
    expect(ids(any)).toEqual(["both", "azure"]);
    expect(any.relaxed).toBeUndefined();
  });

  it("ranks a title match above a match deep in the text", () => {
    const idx = indexOf(
      doc({
        id: "body",
        title: "Weekly notes",
        plainText: "We talked about retrospectives and other rituals.",
      }),
      doc({ id: "title", title: "Retrospectives that work", plainText: "Keep them short." }),
    );
    expect(ids(idx.search({ text: "retrospectives" }))).toEqual(["title", "body"]);
  });
});

describe("EntryIndex highlights and snippets", () => {
  it("points highlight ranges at the matched words, prefix and typo matches included", () => {
    const d = doc({
      id: "h",
      title: "Pipeline Governance for Pipelines",
      plainText: "The PIPELINE needs governance. Pipelines everywhere.",
    });
    const idx = indexOf(d);
    const page = idx.search({ text: "goverance pipel" });
    expect(highlighted(page, "h", "title")).toEqual(["Pipeline", "Governance", "Pipelines"]);
    expect(highlighted(page, "h", "snippet")).toEqual(["PIPELINE", "governance", "Pipelines"]);
    for (const field of ["title", "snippet"] as const) {
      for (const text of highlighted(page, "h", field)) {
        expect(["pipeline", "pipelines", "governance"]).toContain(text.toLowerCase());
      }
    }
  });

  it("centres the snippet on a match deep in a long text, cut between words", () => {
    const filler = "lorem ipsum dolor sit amet ".repeat(200); // 5,400 characters
    const text = `${filler}the escalation matrix lives in the wiki ${filler}`;
    const idx = indexOf(doc({ id: "long", title: "Support", plainText: text }));
    const item = idx.search({ text: "escalation" }).items[0];
    expect(item).toBeDefined();
    if (!item) return;
    expect(item.snippet.length).toBeLessThanOrEqual(162);
    expect(item.snippet.length).toBeGreaterThan(120);
    expect(item.snippet.startsWith("…")).toBe(true);
    expect(item.snippet.endsWith("…")).toBe(true);
    const at = item.snippet.indexOf("escalation");
    expect(at).toBeGreaterThan(40);
    expect(at).toBeLessThan(120);
    expect(highlighted(idx.search({ text: "escalation" }), "long", "snippet")).toEqual(["escalation"]);
    // Cut between words: the window starts and ends on whole words of the filler.
    expect(item.snippet).toMatch(/^…(lorem|ipsum|dolor|sit|amet) /);
    expect(item.snippet).toMatch(/ (lorem|ipsum|dolor|sit|amet)…$/);
  });

  it("starts the snippet at the beginning when only the title matched, with no markup", () => {
    const idx = indexOf(
      doc({ id: "t", title: "Mentoring circles", plainText: "Line one\n\nline   two **not bold** <b>x</b>" }),
    );
    const item = idx.search({ text: "mentoring" }).items[0];
    expect(item?.snippet).toBe("Line one line two **not bold** <b>x</b>");
    expect(item?.highlights).toEqual([{ field: "title", ranges: [[0, 9]] }]);
  });

  it("indexes only the first 10,000 characters of a huge text", () => {
    const filler = "words ".repeat(2_000); // 12,000 characters
    const idx = indexOf(
      doc({ id: "early", plainText: `kangaroo ${filler}` }),
      doc({ id: "late", plainText: `${filler} wombat` }),
    );
    expect(ids(idx.search({ text: "kangaroo" }))).toEqual(["early"]);
    expect(ids(idx.search({ text: "wombat" }))).toEqual([]);
  });
});

describe("EntryIndex filters", () => {
  const a = doc({
    id: "a",
    type: "qa",
    tags: ["Azure", "security"],
    author: alice,
    createdAt: "2025-03-01T09:00:00.000Z",
    verified: true,
    answered: false,
    title: "Key rotation question",
  });
  const b = doc({
    id: "b",
    type: "howto",
    tags: ["azure"],
    author: bob,
    createdAt: "2025-03-31T23:30:00.000Z",
    title: "Key rotation how-to",
  });
  const c = doc({
    id: "c",
    type: "qa",
    tags: ["security"],
    author: bob,
    savedById: bob.id,
    createdAt: "2025-04-01T00:00:00.000Z",
    answered: true,
    title: "Key vault answer",
  });
  const index = indexOf(a, b, c);
  const found = (q: Parameters<EntryIndex["search"]>[0]) => ids(index.search(q)).sort();

  it("filters by type", () => {
    expect(found({ types: ["qa"] })).toEqual(["a", "c"]);
    expect(found({ types: ["qa", "howto"] })).toEqual(["a", "b", "c"]);
    expect(found({ types: [] })).toEqual(["a", "b", "c"]);
  });

  it("filters by tags: every tag, case-insensitive, exact", () => {
    expect(found({ tags: ["azure"] })).toEqual(["a", "b"]);
    expect(found({ tags: ["AZURE", "Security"] })).toEqual(["a"]);
    expect(found({ tags: ["azur"] })).toEqual([]);
  });

  it("filters by author and by who saved the entry", () => {
    expect(found({ authorId: "u-bob" })).toEqual(["b", "c"]);
    expect(found({ savedById: "u-bob" })).toEqual(["c"]);
  });

  it("filters by creation date, a date-only end including that whole day", () => {
    expect(found({ from: "2025-03-02" })).toEqual(["b", "c"]);
    expect(found({ to: "2025-03-31" })).toEqual(["a", "b"]);
    expect(found({ from: "2025-03-01", to: "2025-03-01" })).toEqual(["a"]);
    expect(found({ to: "2025-03-31T23:00:00.000Z" })).toEqual(["a"]);
  });

  it("rejects unreadable or inverted dates with a validation error", () => {
    expect(() => index.search({ from: "last tuesday" })).toThrow(ValidationError);
    expect(() => index.search({ from: "2025-04-02", to: "2025-04-01" })).toThrow(ValidationError);
  });

  it("filters by verification and by answered", () => {
    expect(found({ verified: true })).toEqual(["a"]);
    expect(found({ verified: false })).toEqual(["b", "c"]);
    expect(found({ types: ["qa"], answered: false })).toEqual(["a"]);
  });

  it("applies filters to text searches too", () => {
    expect(found({ text: "key", authorId: "u-bob" })).toEqual(["b", "c"]);
    expect(found({ text: "rotation", types: ["qa"] })).toEqual(["a"]);
    expect(found({ text: "rotation", tags: ["security"], verified: false })).toEqual([]);
  });
});

describe("EntryIndex ordering and paging", () => {
  const old = doc({ id: "old", title: "Pairing guide", createdAt: "2024-01-01T00:00:00Z", helpfulCount: 9 });
  const mid = doc({ id: "mid", title: "Pairing notes", createdAt: "2024-06-01T00:00:00Z", helpfulCount: 9 });
  const recent = doc({ id: "recent", title: "Pairing", createdAt: "2025-01-01T00:00:00Z", helpfulCount: 1 });
  const index = indexOf(old, mid, recent);

  it("lists the most helpful, then newest, entries when there is no text", () => {
    expect(ids(index.search({}))).toEqual(["mid", "old", "recent"]);
    expect(ids(index.search({ text: "  " }))).toEqual(["mid", "old", "recent"]);
    expect(index.search({}).items.every((i) => i.score === 0 && i.highlights.length === 0)).toBe(true);
  });

  it("sorts by newest and by helpful, with or without text", () => {
    expect(ids(index.search({ sort: "newest" }))).toEqual(["recent", "mid", "old"]);
    expect(ids(index.search({ sort: "helpful" }))).toEqual(["mid", "old", "recent"]);
    expect(ids(index.search({ text: "pairing", sort: "newest" }))).toEqual(["recent", "mid", "old"]);
    expect(ids(index.search({ text: "pairing", sort: "helpful" }))).toEqual(["mid", "old", "recent"]);
  });

  it("sorts by relevance with text, equal scores broken by helpful then newest", () => {
    const byRelevance = index.search({ text: "pairing" });
    const scores = byRelevance.items.map((i) => i.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    // The shortest title is the best BM25 match.
    expect(byRelevance.items[0]?.id).toBe("recent");

    const twins = indexOf(
      doc({ id: "t1", title: "Shadowing", createdAt: "2024-01-01T00:00:00Z", helpfulCount: 2 }),
      doc({ id: "t2", title: "Shadowing", createdAt: "2025-01-01T00:00:00Z", helpfulCount: 2 }),
      doc({ id: "t3", title: "Shadowing", createdAt: "2023-01-01T00:00:00Z", helpfulCount: 5 }),
    );
    expect(ids(twins.search({ text: "shadowing" }))).toEqual(["t3", "t2", "t1"]);
  });

  it("keeps its order as entries change after the first listing", () => {
    const idx = indexOf(old, mid, recent);
    expect(ids(idx.search({}))).toEqual(["mid", "old", "recent"]);
    idx.upsert({ ...recent, helpfulCount: 20, updatedAt: "2025-02-01T00:00:00Z" });
    expect(ids(idx.search({}))).toEqual(["recent", "mid", "old"]);
    idx.remove("mid");
    expect(ids(idx.search({}))).toEqual(["recent", "old"]);
    expect(ids(idx.search({ sort: "newest" }))).toEqual(["recent", "old"]);
  });

  it("pages with offset and limit, total counting every match", () => {
    const many = indexOf(
      ...Array.from({ length: 45 }, (_, i) =>
        doc({ id: `p${String(i).padStart(2, "0")}`, title: `Facilitation tip ${i}`, helpfulCount: i }),
      ),
    );
    const first = many.search({ text: "facilitation" });
    expect(first.total).toBe(45);
    expect(first.items).toHaveLength(20);
    const second = many.search({ text: "facilitation", offset: 20, limit: 20 });
    const third = many.search({ text: "facilitation", offset: 40, limit: 20 });
    expect(third.items).toHaveLength(5);
    const all = [...ids(first), ...ids(second), ...ids(third)];
    expect(new Set(all).size).toBe(45);
    expect(many.search({ limit: 0 })).toMatchObject({ total: 45, items: [] });
    expect(many.search({ offset: 44 }).items).toHaveLength(1);
    expect(many.search({ offset: 45 }).items).toHaveLength(0);
    expect(ids(many.search({ limit: 3 }))).toEqual(["p44", "p43", "p42"]);
  });

  it("returns at most 100 entries a page", () => {
    const big = indexOf(...Array.from({ length: 130 }, (_, i) => doc({ title: `Circle ${i}` })));
    expect(big.search({ limit: 500 })).toMatchObject({ total: 130 });
    expect(big.search({ limit: 500 }).items).toHaveLength(100);
    expect(big.search({ text: "circle", limit: 500 }).items).toHaveLength(100);
  });
});

describe("EntryIndex changes", () => {
  const v1 = doc({ id: "x", title: "Draft about mentoring", updatedAt: "2025-01-01T00:00:00Z" });
  const v2 = { ...v1, title: "Mentoring programme", updatedAt: "2025-01-02T00:00:00Z", helpfulCount: 3 };
  const v3 = { ...v1, title: "Coaching programme", updatedAt: "2025-01-03T00:00:00Z", helpfulCount: 4 };

  it("converges on the newest version whatever the order and repetition of changes", () => {
    const orders = [
      [v1, v2, v3],
      [v3, v2, v1],
      [v2, v3, v1, v2],
      [v3, v3, v1],
    ];
    const outcomes = orders.map((changes) => {
      const idx = indexOf(...changes);
      return {
        version: idx.version("x"),
        coaching: ids(idx.search({ text: "coaching" })),
        draft: ids(idx.search({ text: "draft" })),
        mentoring: ids(idx.search({ text: "mentoring" })),
        listing: idx.search({}).items.map((i) => [i.title, i.helpfulCount]),
      };
    });
    for (const outcome of outcomes) {
      expect(outcome).toEqual({
        version: "2025-01-03T00:00:00Z",
        coaching: ["x"],
        draft: [],
        mentoring: [],
        listing: [["Coaching programme", 4]],
      });
    }
  });

  it("says whether an older change was applied", () => {
    const idx = indexOf(v2);
    expect(idx.upsert(v1)).toBe(false);
    expect(idx.upsert(v3)).toBe(true);
    expect(idx.size).toBe(1);
  });

  it("refreshes an entry re-sent with the same version (staleness recomputed)", () => {
    const idx = indexOf(v2);
    idx.upsert({ ...v2, stale: true });
    expect(idx.search({}).items[0]?.stale).toBe(true);
  });

  it("removes entries, and a late copy of a removed version does not bring it back", () => {
    const idx = indexOf(v2, doc({ id: "y", title: "Mentoring circles" }));
    expect(ids(idx.search({ text: "mentoring" }))).toEqual(["x", "y"]);
    expect(idx.remove("x")).toBe(true);
    expect(idx.has("x")).toBe(false);
    expect(idx.version("x")).toBeUndefined();
    expect(ids(idx.search({ text: "mentoring" }))).toEqual(["y"]);
    expect(idx.upsert(v1)).toBe(false);
    expect(idx.upsert(v2)).toBe(false);
    expect(idx.has("x")).toBe(false);
    expect(idx.size).toBe(1);
  });

  it("treats removing an unknown id as harmless", () => {
    const idx = indexOf(v1);
    expect(idx.remove("nope")).toBe(false);
    expect(idx.remove("nope")).toBe(false);
    expect(idx.size).toBe(1);
  });

  it("converges when a removal with its time arrives before the entry's last update", () => {
    const removedAt = "2025-01-05T00:00:00Z";
    const early = new EntryIndex();
    early.remove("x", removedAt);
    early.upsert(v3);
    const late = indexOf(v3);
    late.remove("x", removedAt);
    expect(early.has("x")).toBe(false);
    expect(late.has("x")).toBe(false);

    // A removal older than the indexed version lost to that later write.
    const stale = indexOf(v3);
    expect(stale.remove("x", "2025-01-02T12:00:00Z")).toBe(false);
    expect(stale.has("x")).toBe(true);
  });

  it("reindexes the text of a changed entry and forgets the old words", () => {
    const idx = indexOf(v1);
    expect(ids(idx.search({ text: "draft" }))).toEqual(["x"]);
    expect(ids(idx.search({ text: "coaching" }))).toEqual([]);
    idx.upsert(v3);
    expect(ids(idx.search({ text: "draft" }))).toEqual([]);
    expect(ids(idx.search({ text: "coaching" }))).toEqual(["x"]);
  });
});

describe("EntryIndex on a generated library", () => {
  // Words far apart from each other, so typo tolerance cannot blur the counts.
  const words = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "foxtrot",
    "hotel",
    "juliet",
    "november",
    "quebec",
    "sierra",
  ];
  const tags = ["kanban", "okr", "retro", "adr", "dora"];
  const types = ["insight", "qa", "howto", "lesson", "decision", "playbook"] as const;
  let seed = 7;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const corpus = Array.from({ length: 2_000 }, (_, i) =>
    doc({
      id: `g${i}`,
      type: pick(types),
      title: `${pick(words)} ${pick(words)}`,
      plainText: Array.from({ length: 12 }, () => pick(words)).join(" "),
      tags: i % 89 === 0 ? ["rare-topic", pick(tags)] : [pick(tags), pick(tags)],
      author: i % 97 === 0 ? carol : random() < 0.3 ? bob : alice,
      helpfulCount: Math.floor(random() * 10),
      createdAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 365) * 86_400_000).toISOString(),
      verified: random() < 0.25,
    }),
  );
  const index = indexOf(...corpus);
  const contains = (d: IndexedEntry, w: string) => `${d.title} ${d.plainText}`.split(" ").includes(w);

  it("counts totals that agree with the corpus", () => {
    expect(index.size).toBe(2_000);
    expect(types.reduce((sum, type) => sum + index.search({ types: [type] }).total, 0)).toBe(2_000);
    for (const tag of tags) {
      expect(index.search({ tags: [tag] }).total).toBe(corpus.filter((d) => d.tags.includes(tag)).length);
    }
    expect(index.search({ authorId: bob.id, verified: true }).total).toBe(
      corpus.filter((d) => d.author.id === bob.id && d.verified).length,
    );
    for (const w of words) {
      expect(index.search({ text: `${w} ` }).total).toBe(corpus.filter((d) => contains(d, w)).length);
    }
    const both = corpus.filter((d) => contains(d, "alpha") && contains(d, "bravo") && d.tags.includes("okr"));
    expect(index.search({ text: "alpha bravo ", tags: ["okr"] }).total).toBe(both.length);
  });

  it("lists a few entries of a narrow filter in the library's order", () => {
    const byHelpfulThenNewest = (a: IndexedEntry, b: IndexedEntry) =>
      b.helpfulCount - a.helpfulCount || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
    const expected = (keep: (d: IndexedEntry) => boolean) =>
      corpus
        .filter(keep)
        .sort(byHelpfulThenNewest)
        .map((d) => d.id);
    const carols = expected((d) => d.author.id === carol.id);
    expect(carols.length).toBeGreaterThan(15);
    expect(ids(index.search({ authorId: carol.id, limit: 100 }))).toEqual(carols);
    expect(ids(index.search({ tags: ["rare-topic"], limit: 100 }))).toEqual(
      expected((d) => d.tags.includes("rare-topic")),
    );
    expect(ids(index.search({ tags: ["rare-topic"], types: ["qa"], limit: 100 }))).toEqual(
      expected((d) => d.tags.includes("rare-topic") && d.type === "qa"),
    );
    expect(ids(index.search({ authorId: carol.id, sort: "newest", limit: 5, offset: 5 }))).toEqual(
      corpus
        .filter((d) => d.author.id === carol.id)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
        .slice(5, 10)
        .map((d) => d.id),
    );
    expect(index.search({ authorId: "u-nobody" })).toEqual({ total: 0, items: [] });
  });

  it("pages through every match it pages to exactly once, in a stable order", () => {
    for (const query of [{ text: "delta " }, { sort: "newest" as const }, { tags: ["retro"] }]) {
      const first = index.search({ ...query, limit: 100 });
      // Paging stops at MAX_SEARCH_OFFSET (and its last page).
      const reachable = Math.min(first.total, MAX_SEARCH_OFFSET + 100);
      const seen: string[] = [];
      for (let offset = 0; offset < reachable; offset += 100) {
        const page = index.search({ ...query, offset, limit: 100 });
        expect(page.total).toBe(first.total);
        seen.push(...ids(page));
      }
      expect(seen).toHaveLength(reachable);
      expect(new Set(seen).size).toBe(reachable);
    }
  });
});

describe("snippets of ASCII text", () => {
  it("centre on the first whole-word occurrence of a matched term, as word-by-word scanning would", () => {
    // Far apart for typo tolerance, but some inside others ("data" in "metadata", "deploy" in "redeploy").
    const words = ["deploy", "deployment", "redeploy", "alpha", "token", "data", "metadata", "ok"];
    let seed = 11;
    const pick = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return words[seed % words.length] as string;
    };
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 60 }, () => (seed % 3 === 0 ? pick().toUpperCase() : pick())).join(
        seed % 2 ? " " : "-",
      );
      const term = pick();
      const idx = indexOf(doc({ id: "x", title: "t", plainText: `${text}.` }));
      const hit = idx.search({ text: `${term} ` }).items[0];
      const tokens = [...`${text}.`.matchAll(/[A-Za-z0-9]+/g)];
      const first = tokens.find((m) => m[0].toLowerCase() === term);
      if (!first) {
        expect(hit).toBeUndefined();
        continue;
      }
      const ranges = hit?.highlights.find((h) => h.field === "snippet")?.ranges ?? [];
      expect(ranges.length).toBeGreaterThan(0);
      const [start, end] = ranges[0] as [number, number];
      const snippet = hit?.snippet ?? "";
      expect(snippet.slice(start, end).toLowerCase()).toBe(term);
      // A whole word ("data" is not highlighted inside "metadata"), and the first in the text.
      expect(/[A-Za-z0-9]/.test(snippet.charAt(start - 1))).toBe(false);
      expect(/[A-Za-z0-9]/.test(snippet.charAt(end))).toBe(false);
      const before = snippet.slice(0, start).replace(/^…/, "");
      expect(text.indexOf(before) + before.length).toBe(first.index);
    }
  });
});

describe("EntryIndex under churn", () => {
  const words = ["alpha", "bravo", "charlie", "delta", "foxtrot", "hotel", "juliet", "november"];
  const version = (i: number, round: number) =>
    doc({
      id: `c${i}`,
      title: `${words[(i + round) % words.length]} notes`,
      plainText: Array.from({ length: 10 }, (_, k) => words[(i * 3 + k + round * 5) % words.length]).join(
        " ",
      ),
      updatedAt: new Date(Date.UTC(2025, 0, 1 + round)).toISOString(),
    });

  it("answers like a fresh index after thousands of rewrites and removals (dead postings reclaimed)", () => {
    const churned = new EntryIndex();
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 3_000; i++) churned.upsert(version(i, round));
      const removedAt = new Date(Date.UTC(2025, 0, 1 + round, 12)).toISOString();
      for (let i = round; i < 3_000; i += 7) churned.remove(`c${i}`, removedAt);
    }
    // Entries removed in an earlier round came back with the next round's newer version; those
    // removed in the last round stay removed.
    const expected = Array.from({ length: 3_000 }, (_, i) => i)
      .filter((i) => !(i >= 3 && (i - 3) % 7 === 0))
      .map((i) => version(i, 3));
    const fresh = indexOf(...expected);
    expect(churned.size).toBe(expected.length);
    for (const w of words) {
      for (const query of [{ text: `${w} ` }, { text: w.slice(0, 3) }, { text: `${w} notes ` }]) {
        const a = churned.search({ ...query, limit: 100 });
        const b = fresh.search({ ...query, limit: 100 });
        expect(a.total).toBe(b.total);
        expect(a.total).toBe(
          expected.filter((d) =>
            query.text
              .trim()
              .split(" ")
              .every((part) => `${d.title} ${d.plainText}`.includes(part)),
          ).length,
        );
      }
    }
  });
});

describe("toIndexedEntry", () => {
  const entry: Entry = {
    tenantId: "t1",
    communityId: "c1",
    id: "e1",
    type: "howto",
    title: "Rotate keys",
    body: "**Rotate** keys",
    summary: "How we rotate",
    tags: ["security"],
    author: alice,
    savedBy: bob,
    source: { kind: "direct" },
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-02T00:00:00.000Z",
    helpfulCount: 4,
    etag: "W/1",
  };

  it("keeps what search needs and derives verified and stale", () => {
    const now = new Date("2025-06-01T12:00:00Z");
    expect(toIndexedEntry(entry, "Rotate keys", now)).toEqual({
      id: "e1",
      type: "howto",
      title: "Rotate keys",
      summary: "How we rotate",
      tags: ["security"],
      author: alice,
      savedById: bob.id,
      createdAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-01-02T00:00:00.000Z",
      helpfulCount: 4,
      plainText: "Rotate keys",
      verified: false,
      stale: false,
    });
    const verified = {
      ...entry,
      verification: { by: bob, at: "2025-01-03T00:00:00Z", reviewBy: "2025-05-31" },
    };
    expect(toIndexedEntry(verified, "", now)).toMatchObject({ verified: true, stale: true });
    const fresh = {
      ...verified,
      verification: { by: bob, at: "2025-01-03T00:00:00Z", reviewBy: "2025-06-01" },
    };
    expect(toIndexedEntry(fresh, "", now)).toMatchObject({ verified: true, stale: false });
    expect(toIndexedEntry({ ...entry, answered: true }, "", now).answered).toBe(true);
  });
});
