import type { Entry } from "../../src/domain/library/entry.js";
import type { EntryRepository, LibraryChange } from "../../src/domain/library/entryRepository.js";
import type { Page, PageRequest } from "../../src/domain/paging.js";
import { generateLibrary } from "../../src/local/generatedLibrary.js";
import { realisticWords } from "./realisticWords.js";

/** Entries generated between two chances for other work. */
const CHUNK = 25;

/**
 * Storage holding `perCommunity` generated entries in every community, made when a page is read
 * (the same entries every time: the community's name seeds them), each page after `pageLatencyMs`
 * as a Tables query would take. It stands in for Tables where the library is too large for Azurite
 * (500 communities of 2,000 entries: a million rows, which Azurite's unindexed store cannot hold in
 * any reasonable time); only what search reads is here.
 */
export class GeneratedEntries implements Pick<EntryRepository, "list" | "get" | "changesSince"> {
  private readonly words = realisticWords();

  constructor(
    private readonly perCommunity: number,
    private readonly people: { id: string; displayName: string }[],
    private readonly pageLatencyMs: number,
  ) {}

  async list(tenantId: string, communityId: string, page: PageRequest = {}): Promise<Page<Entry>> {
    const pageSize = page.pageSize ?? 1000;
    const start = Number(page.continuationToken ?? 0);
    await new Promise((r) => setTimeout(r, this.pageLatencyMs));
    const count = Math.min(pageSize, this.perCommunity - start);
    const items: Entry[] = [];
    // Made in small chunks, giving way between them as a response arriving over the network does:
    // the stand-in must not hold the event loop longer than reading a page from Tables would.
    for (let at = start; at < start + count; at += CHUNK) {
      const seed = [...communityId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, at + 1);
      const chunk = generateLibrary(
        tenantId,
        communityId,
        Math.min(CHUNK, start + count - at),
        this.people,
        seed,
        this.words,
      );
      for (const [i, entry] of chunk.entries())
        items.push({ ...entry, id: `${communityId}-${at + i}`, etag: "generated" });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const next = start + count;
    return next < this.perCommunity ? { items, continuationToken: String(next) } : { items };
  }

  async get(): Promise<Entry | undefined> {
    return undefined;
  }

  /** Nothing changes in a generated library. */
  async changesSince(): Promise<LibraryChange[]> {
    return [];
  }
}
