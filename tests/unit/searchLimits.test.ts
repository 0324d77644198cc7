import { describe, expect, it } from "vitest";
import {
  MAX_QUERY_TERMS,
  MAX_QUERY_TEXT,
  MAX_SEARCH_OFFSET,
} from "../../src/domain/library/search/searchLimits.js";
import { EntryIndex, type IndexedEntry } from "../../src/search/memory/entryIndex.js";

const alice = { id: "u-alice", displayName: "Alice" };
const WORDS = [
  "pipeline",
  "kubernetes",
  "retrospective",
  "latency",
  "terraform",
  "grafana",
  "postgres",
  "replica",
  "failover",
  "backlog",
  "roadmap",
  "onboarding",
  "mentoring",
  "dashboard",
  "incident",
  "runbook",
];

function doc(id: string, plainText: string, createdAt = "2025-01-01T10:00:00.000Z"): IndexedEntry {
  return {
    id,
    type: "insight",
    title: "Note",
    summary: "",
    tags: [],
    author: alice,
    savedById: alice.id,
    createdAt,
    updatedAt: createdAt,
    helpfulCount: 0,
    plainText,
    verified: false,
    stale: false,
  };
}

describe("library search reads a bounded query, whoever sends it", () => {
  it(`counts the first ${MAX_QUERY_TERMS} words of a query and ignores the rest`, () => {
    expect(WORDS).toHaveLength(MAX_QUERY_TERMS);
    const index = new EntryIndex();
    index.upsert(doc("all", WORDS.join(" ")));
    index.upsert(doc("other", "something else entirely"));
    // Words past the limit are not in the entry: read, they would turn the match into any-word.
    const page = index.search({ text: `${WORDS.join(" ")} zebra quokka narwhal` });
    expect(page.items.map((i) => i.id)).toEqual(["all"]);
    expect(page.relaxed).toBeUndefined();
  });

  it(`reads the first ${MAX_QUERY_TEXT} characters of a text (the message extension's query is not checked by the API)`, () => {
    const index = new EntryIndex();
    index.upsert(doc("pipeline", "pipeline notes"));
    index.upsert(doc("zebra", "zebra notes"));
    const long = `pipeline ${" ".repeat(MAX_QUERY_TEXT)}zebra`;
    const page = index.search({ text: long });
    expect(page.items.map((i) => i.id)).toEqual(["pipeline"]);
    expect(page.relaxed).toBeUndefined();
  });

  it(`pages no deeper than ${MAX_SEARCH_OFFSET.toLocaleString("en")} results`, () => {
    const index = new EntryIndex();
    for (let i = 0; i < MAX_SEARCH_OFFSET + 30; i++)
      index.upsert(doc(`e${i}`, "pipeline", new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString()));
    const deep = index.search({ text: "pipeline", sort: "newest", offset: 50_000, limit: 10 });
    const atLimit = index.search({ text: "pipeline", sort: "newest", offset: MAX_SEARCH_OFFSET, limit: 10 });
    expect(deep.items.map((i) => i.id)).toEqual(atLimit.items.map((i) => i.id));
    expect(deep.items).toHaveLength(10);
  });
});
