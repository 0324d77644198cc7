import type { PersonRef } from "../../identity.js";
import type { EntryType } from "../entry.js";

/** The orders results come in. Without text, "relevance" means the default: most helpful, then newest. */
export const ENTRY_SEARCH_SORTS = ["relevance", "newest", "helpful"] as const;
export type EntrySearchSort = (typeof ENTRY_SEARCH_SORTS)[number];

/** A search of one community's library. Every field is optional; filters are exact. */
export interface EntrySearchQuery {
  /** Free text; the last word is matched as a prefix while the person is still typing it. */
  text?: string;
  /** Entries of any of these types. */
  types?: EntryType[];
  /** Entries carrying every one of these tags (case-insensitive). */
  tags?: string[];
  authorId?: string;
  /** Entries this person put in the library. */
  savedById?: string;
  /** Created at or after (ISO date or date-time). */
  from?: string;
  /** Created at or before; a date without a time includes that whole day (UTC). */
  to?: string;
  verified?: boolean;
  /** Only questions with (true) or without (false) an accepted answer. */
  answered?: boolean;
  /** Match entries with any of the words instead of all of them (related entries). */
  anyWord?: boolean;
  /** @default "relevance" with text; "helpful" (then newest) without. */
  sort?: EntrySearchSort;
  /** @default 0 */
  offset?: number;
  /** @default 20, at most 100. */
  limit?: number;
  /**
   * False when the caller reads only the items, not `total`: a text search by relevance then
   * finds only the best `offset + limit`, skipping (mostly unscored) the entries that cannot be
   * among them, and `total` counts only what it found. Asking does so. @default true
   */
  countTotal?: boolean;
  /**
   * False when the caller shows no snippets (asking quotes the entries itself): hits then carry an
   * empty snippet and no highlights, and the search spares cutting them. @default true
   */
  snippets?: boolean;
}

/** A stretch of matched text, as `[start, end)` UTF-16 offsets into the returned string. */
export type HighlightRange = [start: number, end: number];

/** Where the query matched in a returned string: renderers mark these ranges themselves. */
export interface EntryHighlight {
  field: "title" | "snippet";
  ranges: HighlightRange[];
}

/** One result card's worth of an entry. Strings are plain text: no HTML, no markdown markers. */
export interface EntrySearchHit {
  id: string;
  title: string;
  type: EntryType;
  tags: string[];
  author: PersonRef;
  /** Who put the entry in the library; someone other than the author means a "saved" learning interaction. */
  savedById: string;
  createdAt: string;
  /** The version the index holds: a reader keeping the entry can tell whether theirs is current. */
  updatedAt: string;
  helpfulCount: number;
  verified: boolean;
  stale: boolean;
  /** Relevance (higher is better); 0 when the query had no text. */
  score: number;
  /** About 160 characters of the entry's text around the first match (or its start). */
  snippet: string;
  /** Only fields with at least one range are listed. */
  highlights: EntryHighlight[];
}

/** One page of results. */
export interface EntrySearchPage {
  /** How many entries match in all (for paging). */
  total: number;
  items: EntrySearchHit[];
  /**
   * Set when no entry contained every word, so the results contain any of them instead
   * (the tab says "showing results for any of the words").
   */
  relaxed?: true;
  /**
   * Set when this server instance was still loading the library (the first search after a start
   * or after the library's index was let go): the results come from the `indexed` entries loaded
   * so far, and a search a few seconds later sees the whole library.
   */
  incomplete?: { indexed: number };
}
