import type { AskLibrary } from "../../src/domain/ask/askService.js";
import type { Entry } from "../../src/domain/library/entry.js";
import { toPlainText } from "../../src/domain/library/messageContent/index.js";
import { quotableFromHeld } from "../../src/domain/library/quotableEntry.js";
import { EntryIndex, heldTextsOf, toIndexedEntry } from "../../src/search/memory/entryIndex.js";

/**
 * What asking reads of one community's library, as the server gives it: the hits of the real
 * in-memory index, quoted from the index's own copy of their words (`LibraryService.quotable` over
 * `SyncedLibrarySearch.heldTexts`), without the membership and storage around them.
 */
export function indexedAskLibrary(
  entries: readonly Entry[],
  now: Date,
  communityId = "c-demo",
): { index: EntryIndex; library: AskLibrary } {
  const index = new EntryIndex();
  for (const e of entries) index.upsert(toIndexedEntry(e, toPlainText(e.body), now));
  const library: AskLibrary = {
    async searchMine(_caller, query) {
      return index.search(query).items.map((hit) => ({ ...hit, communityId, communityName: "Data" }));
    },
    async quotable(_caller, _communityId, ids) {
      return heldTextsOf(index, ids).map((held) => quotableFromHeld(communityId, held));
    },
  };
  return { index, library };
}
