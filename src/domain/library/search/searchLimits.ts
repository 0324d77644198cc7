/**
 * What one library search may ask for. Each bound keeps a search's cost independent of what the
 * caller sends: the words of a query are each looked up with typo tolerance (and looked up again
 * when a narrower pass finds nothing), and a deep page is kept sorted as the matches are read.
 */

/** Characters of a query that are read; the API refuses longer ones, other callers are cut here. */
export const MAX_QUERY_TEXT = 200;
/** Query words that count; later ones are ignored (a sentence pasted into the box still searches). */
export const MAX_QUERY_TERMS = 16;
/** The deepest result a search pages to: narrow the search to see past it. */
export const MAX_SEARCH_OFFSET = 1_000;
/** Results on one page. */
export const MAX_SEARCH_LIMIT = 100;
