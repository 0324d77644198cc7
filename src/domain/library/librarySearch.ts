import type { Entry } from "./entry.js";
import type { EntrySearchHit, EntrySearchPage, EntrySearchQuery } from "./search/searchTypes.js";

/** A result with the community whose library holds it. */
export interface LibrarySearchHit extends EntrySearchHit {
  communityId: string;
}

/** One page of results across the communities searched. */
export interface LibrarySearchPage extends Omit<EntrySearchPage, "items"> {
  items: LibrarySearchHit[];
}

/**
 * The library's search port: what any search engine behind the library must do (the in-memory
 * BM25F engine in `src/search/memory` by default; an external engine such as Azure AI Search fed
 * from the same change log could fill it). `tests/support/librarySearchContract.ts` is the
 * contract every implementation passes.
 *
 * - One search covers a set of one tenant's communities as one library: scores compare across
 *   them (never per-community scores merged), and `total` counts matches in all of them.
 * - Text matches whole words, the word being typed as a prefix, and words with a typo; when no
 *   entry holds every word, any of them (`relaxed`). Filters are exact; highlights are ranges.
 * - Every server instance answers alike: a write through any instance is found through every
 *   other within about a second (implementations read the change log the repository keeps).
 * - A search may answer before the engine has the whole library (the first search after a
 *   start): then `incomplete` says so.
 */
export interface LibrarySearch {
  search(
    tenantId: string,
    communityIds: readonly string[],
    query: EntrySearchQuery,
  ): Promise<LibrarySearchPage>;
  /**
   * Applies a write made by this instance at once (others learn it from the change log).
   * `current` is the entry as now stored, or undefined when it was removed.
   */
  noteChange(tenantId: string, communityId: string, entryId: string, current: Entry | undefined): void;
  /**
   * The words this instance's engine holds of these entries of one community (entries it does not
   * hold are left out), so asking can quote them without reading storage. Optional: an engine that
   * keeps no text leaves it out, and the entries are read from storage instead.
   */
  heldTexts?(tenantId: string, communityId: string, entryIds: readonly string[]): HeldEntryText[];
}

/**
 * An entry's words as a search engine holds them: the body as plain text (markdown's markers gone,
 * one line per paragraph, list item, table row or code line), capped like what is indexed.
 */
export interface HeldEntryText {
  id: string;
  type: Entry["type"];
  title: string;
  summary: string;
  tags: string[];
  plainText: string;
  answered: boolean;
  /** The version held (`updatedAt`): each change moves it. */
  updatedAt: string;
}
