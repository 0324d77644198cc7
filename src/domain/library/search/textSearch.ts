import MiniSearch, { type SearchOptions, type SearchResult } from "minisearch";
import type { EntryFilter } from "./entryFilter.js";
import type { ScoredEntry } from "./entryOrder.js";
import { indexTerms, isCjkTerm, queryTerms } from "./searchTerms.js";
import type { StoredEntry } from "./storedEntry.js";

/** Field weights: a word in the title says more about an entry than one deep in its text. */
const FIELD_BOOST = { title: 3, tags: 2, summary: 1.5, text: 1 };
/** Typo tolerance: about one edit per five characters (MiniSearch rounds length × 0.2). */
const FUZZINESS = 0.2;
/** Shorter words get no typo tolerance: one edit in "api" matches "app", "apt", "ai"… */
const MIN_FUZZY_LENGTH = 4;
/** The narrow first pass of typo tolerance: one edit whatever the word's length. */
const ONE_EDIT = 1;
/**
 * The word being typed is matched as a prefix from its third character: a one- or two-letter
 * prefix expands to a large share of the vocabulary (every "co…" word), costs tens to hundreds of
 * milliseconds on a big library, and says little about what the person wants. Two-letter words
 * ("ai", "qa") are still found exactly.
 */
const MIN_PREFIX_LENGTH = 3;

/**
 * The document id given to MiniSearch: a holder of the entry's current version, so a result
 * leads to its entry without a lookup per match (a query can match most of a large library), and
 * a new version that leaves the words alone (a vote) only swaps what the holder holds. MiniSearch
 * keeps ids in Maps only, so an object works as one; nothing here serialises the index.
 */
interface Slot {
  entry: StoredEntry;
}

/** One match as MiniSearch reports it: score, matched index terms, and our slot as its id. */
export type TextMatch = SearchResult & { id: Slot };

/** Entries matching a text, best score first, and whether only some of its words had to match. */
export interface TextMatches {
  matches: readonly TextMatch[];
  relaxed: boolean;
}

/**
 * MiniSearch over the entries' title, tags, summary and (capped) text, with the library's
 * matching rules: AND across words, prefix on the word being typed, typo tolerance, any-word
 * fallback. It holds the postings; what is shown comes from the entries.
 */
export class TextSearch {
  private readonly slots = new Map<string, Slot>();
  private readonly miniSearch = new MiniSearch<Slot>({
    idField: "slot",
    fields: ["title", "tags", "summary", "text"],
    storeFields: [],
    extractField: (slot, field) => {
      if (field === "slot") return slot;
      return field === "tags" ? slot.entry.tags.join(" ") : slot.entry[field as "title" | "summary" | "text"];
    },
    tokenize: indexTerms,
    // Terms come out of the tokenizer already folded.
    processTerm: (term) => term,
  });

  /** Indexes a new entry, or a new version whose words changed. */
  index(entry: StoredEntry): void {
    this.discard(entry.id);
    const slot = { entry };
    this.slots.set(entry.id, slot);
    this.miniSearch.add(slot);
  }

  /** Points results at a new version whose indexed words are unchanged. */
  update(entry: StoredEntry): void {
    const slot = this.slots.get(entry.id);
    if (slot) slot.entry = entry;
    else this.index(entry);
  }

  /** Drops an entry's postings; MiniSearch marks them dead at once and vacuums them in the background. */
  discard(id: string): void {
    const slot = this.slots.get(id);
    if (!slot) return;
    this.slots.delete(id);
    this.miniSearch.discard(slot);
  }

  /**
   * `terms` are the query's terms (as `queryTerms` gives them). `anyWord` skips straight to
   * any-word matching ("more like this"), ranked by how many words and how well they match.
   */
  match(text: string, terms: string[], filter: EntryFilter | undefined, anyWord = false): TextMatches {
    if (anyWord)
      return { matches: this.search(text, this.options(text, filter, "OR", ONE_EDIT)), relaxed: false };
    // Cheapest first. Typo search over a large vocabulary is what a query spends most time on,
    // and most typos are one edit; wider typo search, and then any-word matching, run only when
    // the narrower search found nothing.
    let results = this.search(text, this.options(text, filter, "AND", ONE_EDIT));
    if (results.length === 0) results = this.search(text, this.options(text, filter, "AND"));
    let relaxed = false;
    if (results.length === 0 && new Set(terms).size > 1) {
      results = this.search(text, this.options(text, filter, "OR"));
      relaxed = results.length > 0;
    }
    return { matches: results, relaxed };
  }

  /** The entry and score of a match, as orders and pages need them. */
  static resolve(match: TextMatch): ScoredEntry {
    return { entry: match.id.entry, score: match.score, terms: match.terms };
  }

  private search(text: string, options: SearchOptions): TextMatch[] {
    return this.miniSearch.search(text, options) as TextMatch[];
  }

  private options(
    text: string,
    filter: EntryFilter | undefined,
    combineWith: "AND" | "OR",
    maxFuzzy?: number,
  ): SearchOptions {
    // A query ending in a space has its last word finished: no prefix search for it.
    const typing = !/\s$/.test(text);
    const options: SearchOptions = {
      combineWith,
      tokenize: queryTerms,
      processTerm: (term) => term,
      boost: FIELD_BOOST,
      prefix: (term, i, all) =>
        (isCjkTerm(term) && Array.from(term).length === 1) ||
        (typing && i === all.length - 1 && term.length >= MIN_PREFIX_LENGTH),
      fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH && !isCjkTerm(term) ? FUZZINESS : false),
    };
    if (maxFuzzy !== undefined) options.maxFuzzy = maxFuzzy;
    if (filter) {
      // A document boost of 0 drops the entry while MiniSearch scores it, before it builds a
      // result for it (its `filter` option runs only after every match has been built).
      options.boostDocument = (slot: Slot) => (filter(slot.entry) ? 1 : 0);
    }
    return options;
  }
}
