import type { Entry } from "../../domain/library/entry.js";

/**
 * What the index keeps of one entry: the fields search, filters, sorts and result cards need,
 * plus the entry's plain text (the body without markdown) for full text and snippets. Built with
 * `toIndexedEntry`; `updatedAt` orders versions so changes arriving twice or out of order converge.
 */
export type IndexedEntry = Pick<
  Entry,
  "id" | "type" | "title" | "summary" | "tags" | "author" | "createdAt" | "updatedAt" | "helpfulCount"
> & {
  /** Who put the entry in the library (for "saved by me"). */
  savedById: string;
  plainText: string;
  verified: boolean;
  /** The steward's review date has passed (computed when the entry was indexed). */
  stale: boolean;
  answered?: boolean;
};
