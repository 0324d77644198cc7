import { ValidationError } from "../../domain/errors.js";
import { type PersonRef, personRef } from "../../domain/identity.js";
import type { IndexedEntry } from "./indexedEntry.js";

/**
 * How much of an entry's plain text is indexed and kept for snippets. Bodies may hold 20,000
 * characters (ENTRY_LIMITS.body), and a pasted log or transcript says little after its start;
 * the cap keeps one huge entry from growing the index and the heap.
 */
export const MAX_INDEXED_TEXT = 10_000;
/** Cut the text at a space if one is this close to the cap, so no half word is indexed. */
const CUT_SLACK = 200;

/**
 * What the index holds per entry, besides its postings. `text` is the one copy of the
 * (capped) plain text: it is what gets indexed and what snippets are cut from. Dates are kept as
 * numbers too, because filters and sorts compare them on every query.
 */
export interface StoredEntry {
  id: string;
  type: IndexedEntry["type"];
  title: string;
  summary: string;
  tags: string[];
  /** Tags folded for the exact, case-insensitive filter; the same array as `tags` when equal. */
  tagKeys: readonly string[];
  author: IndexedEntry["author"];
  savedById: string;
  createdAt: string;
  createdMs: number;
  updatedAt: string;
  updatedMs: number;
  helpfulCount: number;
  verified: boolean;
  stale: boolean;
  answered: boolean;
  text: string;
}

/**
 * One copy of each person and of each short repeated value (tag, type, saver) across an index's
 * entries: 50,000 entries by a few hundred people under a few hundred tags then hold a few hundred
 * such objects instead of several per entry, which keeps the heap small and garbage collection
 * short.
 */
export class SharedValues {
  private readonly people = new Map<string, PersonRef>();
  private readonly strings = new Map<string, string>();

  person(person: PersonRef): PersonRef {
    const key = `${person.id}\n${person.displayName}`;
    let kept = this.people.get(key);
    if (!kept) {
      kept = personRef(person);
      this.people.set(key, kept);
    }
    return kept;
  }

  string<T extends string>(value: T): T {
    const kept = this.strings.get(value);
    if (kept !== undefined) return kept as T;
    this.strings.set(value, value);
    return value;
  }
}

/**
 * Turns an indexed entry into what the index keeps (with `shared`, repeated values are one copy);
 * throws a ValidationError on unreadable dates.
 */
export function toStoredEntry(doc: IndexedEntry, shared = new SharedValues()): StoredEntry {
  const tags = doc.tags.map((t) => shared.string(t));
  const tagKeys = tags.map((t) => shared.string(tagKey(t)));
  return {
    id: doc.id,
    type: shared.string(doc.type),
    title: doc.title,
    summary: doc.summary,
    tags,
    tagKeys: tagKeys.every((k, i) => k === tags[i]) ? tags : tagKeys,
    author: shared.person(doc.author),
    savedById: shared.string(doc.savedById),
    createdAt: doc.createdAt,
    createdMs: parseTime(doc.createdAt, "createdAt"),
    updatedAt: doc.updatedAt,
    updatedMs: parseTime(doc.updatedAt, "updatedAt"),
    helpfulCount: doc.helpfulCount,
    verified: doc.verified,
    stale: doc.stale,
    answered: doc.answered === true,
    text: capText(doc.plainText),
  };
}

/** The form a tag is compared in: exact, but not sensitive to case or Unicode normalisation. */
export function tagKey(tag: string): string {
  return tag.normalize("NFC").toLowerCase();
}

/** Milliseconds since the epoch of an ISO date or date-time. */
export function parseTime(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new ValidationError(`"${value}" is not a date.`, [
      { field, message: "Give an ISO date or date-time." },
    ]);
  }
  return ms;
}

/** At most {@link MAX_INDEXED_TEXT} characters, cut between words, not holding on to the original. */
export function capText(text: string): string {
  if (text.length <= MAX_INDEXED_TEXT) return text;
  let cut = MAX_INDEXED_TEXT;
  const space = text.lastIndexOf(" ", cut);
  if (space > cut - CUT_SLACK) cut = space;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // never keep half a surrogate pair
  // V8 makes a slice a view that keeps the whole original alive; a concatenation flattened by the
  // slice is a fresh copy, so a 1 MB paste costs the index 10,000 characters, not 1 MB.
  return ` ${text.slice(0, cut)}`.slice(1);
}
