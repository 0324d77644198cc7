import MiniSearch, { type SearchOptions } from "minisearch";
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

/** Entries matching a text, best first, and whether only some of its words had to match. */
export interface TextMatches {
  matches: ScoredEntry[];
  relaxed: boolean;
}

/**
 * MiniSearch over the entries' title, tags, summary and (capped) text, with the library's
 * matching rules: AND across words, prefix on the word being typed, typo tolerance, any-word
 * fallback. Holds postings only; entries themselves are looked up through `lookup`.
 */
export class TextSearch {
  private readonly miniSearch = new MiniSearch<StoredEntry>({
    fields: ["title", "tags", "summary", "text"],
    storeFields: [],
    extractField: (entry, field) =>
      field === "tags" ? entry.tags.join(" ") : entry[field as keyof StoredEntry],
    tokenize: indexTerms,
    // Terms come out of the tokenizer already folded.
    processTerm: (term) => term,
  });

  constructor(private readonly lookup: (id: string) => StoredEntry | undefined) {}

  add(entry: StoredEntry): void {
    this.miniSearch.add(entry);
  }

  /** Drops an entry's postings; MiniSearch marks them dead at once and vacuums them in the background. */
  discard(id: string): void {
    this.miniSearch.discard(id);
  }

  /** `terms` are the query's terms (as `queryTerms` gives them); none means nothing matches. */
  match(text: string, terms: string[], filter: EntryFilter | undefined): TextMatches {
    // Cheapest first. Typo search over a large vocabulary is what a query spends most time on,
    // and most typos are one edit; wider typo search, and then any-word matching, run only when
    // the narrower search found nothing.
    let results = this.miniSearch.search(text, this.options(text, filter, "AND", ONE_EDIT));
    if (results.length === 0) results = this.miniSearch.search(text, this.options(text, filter, "AND"));
    let relaxed = false;
    if (results.length === 0 && new Set(terms).size > 1) {
      results = this.miniSearch.search(text, this.options(text, filter, "OR"));
      relaxed = results.length > 0;
    }
    const matches: ScoredEntry[] = [];
    for (const r of results) {
      const entry = this.lookup(r.id as string);
      if (entry) matches.push({ entry, score: r.score, terms: r.terms });
    }
    return { matches, relaxed };
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
      options.boostDocument = (id) => {
        const entry = this.lookup(id as string);
        return entry !== undefined && filter(entry) ? 1 : 0;
      };
    }
    return options;
  }
}
