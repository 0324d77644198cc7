/**
 * The longest entry body kept, in UTF-16 code units. An Azure Tables string property holds at most
 * 64 KiB, i.e. 32,768 UTF-16 characters ("Understanding the Table service data model", property
 * types); 20,000 leaves room for the row's other properties and for markdown that grows a little
 * when it is edited and sanitised again.
 */
export const MAX_BODY_CHARS = 20_000;

/**
 * How much message HTML is converted at most. Markup costs far more characters than the text it
 * carries, so five times the body limit keeps every realistic message whole, while a hostile or
 * pasted multi-megabyte body cannot make the conversion (which runs inside Teams' invoke time
 * limit) slow.
 */
export const MAX_SOURCE_CHARS = 5 * MAX_BODY_CHARS;

/** Titles are shown on one line of a card or a list; Teams truncates longer ones anyway. */
export const MAX_TITLE_CHARS = 80;
