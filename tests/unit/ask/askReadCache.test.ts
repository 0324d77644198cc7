import { describe, expect, it } from "vitest";
import { type AskLibrary, AskService } from "../../../src/domain/ask/askService.js";
import type { Caller } from "../../../src/domain/identity.js";
import type { Entry } from "../../../src/domain/library/entry.js";
import { toPlainText } from "../../../src/domain/library/messageContent/index.js";
import { quotableOf } from "../../../src/domain/library/quotableEntry.js";
import { demoLibrary } from "../../../src/local/demoLibrary.js";
import { EntryIndex, toIndexedEntry } from "../../../src/search/memory/entryIndex.js";

/**
 * Over a search engine that holds no text, asking keeps the entries it read at the version the index holds: the same question asked again
 * reads nothing from storage, and an edited entry is read again and quoted as it is now.
 */
const NOW = new Date("2026-12-01T09:00:00Z");
const caller: Caller = { tenantId: "t-cache", userId: "u-asker", displayName: "Asker" };
const people = Array.from({ length: 4 }, (_, i) => ({ id: `u-${i}`, displayName: `Person ${i}` }));
const QUESTION = "How can I backfill 18 months of a partitioned table while the nightly load keeps running?";

function libraryOf(entries: Map<string, Entry>) {
  const index = new EntryIndex();
  for (const e of entries.values()) index.upsert(toIndexedEntry(e, toPlainText(e.body), NOW));
  const reads: string[] = [];
  const library: AskLibrary = {
    async searchMine(_caller, query) {
      return index
        .search(query)
        .items.map((hit) => ({ ...hit, communityId: "c-demo", communityName: "Data" }));
    },
    // A search engine that keeps no text: every quoted entry is read from storage.
    async quotable(_caller, _communityId, ids) {
      reads.push(...ids);
      return ids.flatMap((id) => {
        const entry = entries.get(id);
        return entry ? [quotableOf(entry)] : [];
      });
    },
  };
  return { index, reads, library };
}

describe("asking reads an entry once per version", () => {
  it("answers the same question again without reading storage, and reads an edited entry anew", async () => {
    const entries = new Map<string, Entry>(
      demoLibrary("t-cache", "c-demo", people, NOW).map((e) => [e.id, { ...e, etag: "1" }] as const),
    );
    const { index, reads, library } = libraryOf(entries);
    const asking = new AskService(library);

    const first = await asking.ask(caller, QUESTION);
    expect(first.answer.kind).toBe("answered");
    if (first.answer.kind === "unknown") return;
    const cited = first.answer.sources[0]?.entryId ?? "";
    expect(reads).toContain(cited);

    reads.length = 0;
    const again = await asking.ask(caller, QUESTION);
    expect(reads).toEqual([]);
    expect(again.answer).toEqual(first.answer);

    // The cited entry is edited: storage and the index hold the new version.
    const old = entries.get(cited);
    if (!old) throw new Error("cited entry missing");
    const edited: Entry = {
      ...old,
      body: `${old.body}\n\nBackfill the partitioned table one month at a time while the nightly load keeps running, newest first.`,
      updatedAt: "2026-12-02T10:00:00.000Z",
      etag: "2",
    };
    entries.set(cited, edited);
    index.upsert(toIndexedEntry(edited, toPlainText(edited.body), NOW));
    const afterEdit = await asking.ask(caller, QUESTION);
    expect(reads).toEqual([cited]);
    expect(afterEdit.answer.kind).not.toBe("unknown");
    if (afterEdit.answer.kind === "unknown") return;
    expect(afterEdit.answer.passages.map((p) => p.text).join(" ")).toContain("one month at a time");
  });
});
