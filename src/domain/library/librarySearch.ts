import type { Entry } from "./entry.js";
import type { EntrySearchPage, EntrySearchQuery } from "./search/entryIndex.js";

/**
 * The library's search port. Implementations keep an index per community that every server
 * instance brings up to date from the shared change log, so all instances answer alike.
 */
export interface LibrarySearch {
  search(tenantId: string, communityId: string, query: EntrySearchQuery): Promise<EntrySearchPage>;
  /**
   * Applies a write made by this instance at once (others learn it from the change log).
   * `current` is the entry as now stored, or undefined when it was removed.
   */
  noteChange(tenantId: string, communityId: string, entryId: string, current: Entry | undefined): void;
}
