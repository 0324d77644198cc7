import { indexTerms, isCjkTerm } from "../../domain/library/search/searchTerms.js";
import type { EntryFilter } from "./entryFilter.js";
import type { ScoredEntries } from "./entryOrder.js";
import { FIELDS, type FieldTerms, Postings } from "./postings.js";
import type { StoredEntry } from "./storedEntry.js";
import { saturated, TermBounds } from "./termBounds.js";
import { type TermCursor, topMatches } from "./topMatches.js";

/** Field weights, in {@link FIELDS} order: a word in the title says more than one deep in the text. */
const TITLE_BOOST = 3;
const TAGS_BOOST = 2;
const SUMMARY_BOOST = 1.5;
const TEXT_BOOST = 1;
/** The boosts in the order the fields' counts are packed in a posting (a byte each, title lowest). */
const FIELD_BOOSTS = [TITLE_BOOST, TAGS_BOOST, SUMMARY_BOOST, TEXT_BOOST];
/** BM25's length normalisation (the usual value; its saturation is in termBounds.ts). */
const B = 0.7;
/** A prefix or typo match counts less than the word itself, and less the further it is from it. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Typo tolerance: about one edit per five characters (length × 0.2, rounded). */
const FUZZINESS = 0.2;
/** Shorter words get no typo tolerance: one edit in "api" matches "app", "apt", "ai"… */
const MIN_FUZZY_LENGTH = 4;
/** The narrow first pass of typo tolerance: one edit whatever the word's length. */
const ONE_EDIT = 1;
/**
 * The word being typed is matched as a prefix from its third character: a one- or two-letter
 * prefix expands to a large share of the vocabulary (every "co…" word) and says little about what
 * the person wants. Two-letter words ("ai", "qa") are still found exactly.
 */
const MIN_PREFIX_LENGTH = 3;

/**
 * Entries matching a text with their scores (in no order), the index terms the query matched
 * (after prefix and typo expansion, for highlighting), and whether only some of its words had to
 * match.
 */
export interface TextMatches extends ScoredEntries {
  terms: ReadonlySet<string>;
  relaxed: boolean;
}

const NO_MATCHES: TextMatches = {
  entries: [],
  scores: new Float64Array(0),
  terms: new Set(),
  relaxed: false,
};

/**
 * What BM25 scores against: how many documents, their summed field lengths (in FIELDS order) and
 * how many documents hold a term. One library's own, or several libraries' summed.
 */
export interface CorpusStats {
  size: number;
  lengthSums: readonly number[];
  documentFrequency(term: string): number;
}

/** One pass of matching: which words must match, with how many typos. */
export interface MatchStage {
  typing: boolean;
  combineWith: "AND" | "OR";
  maxFuzzy: number;
  /** Only some of the words had to match (the answer says so). */
  relaxed: boolean;
}

/**
 * The passes of a text search, cheapest first; the first that finds anything answers. Most typos
 * are one edit, and wider typo search (words of eight letters or more), then any-word matching,
 * run only when the narrower search found nothing. `anyWord` goes straight to any-word matching.
 */
export function matchStages(text: string, terms: string[], anyWord: boolean): MatchStage[] {
  // A query ending in a space has its last word finished: no prefix search for it.
  const typing = !/\s$/.test(text);
  if (anyWord) return [{ typing, combineWith: "OR", maxFuzzy: ONE_EDIT, relaxed: false }];
  const stages: MatchStage[] = [{ typing, combineWith: "AND", maxFuzzy: ONE_EDIT, relaxed: false }];
  if (terms.some((t) => fuzzyDistance(t) > ONE_EDIT))
    stages.push({ typing, combineWith: "AND", maxFuzzy: Number.POSITIVE_INFINITY, relaxed: false });
  if (new Set(terms).size > 1)
    stages.push({ typing, combineWith: "OR", maxFuzzy: Number.POSITIVE_INFINITY, relaxed: true });
  return stages;
}

/** Query words whose expansions are kept at most (a few hundred bytes each). */
const MAX_KEPT_EXPANSIONS = 4_096;

/** The index terms one query word stands for, with the weight of each (never changed once made). */
type Expansion = Map<number, number>;

/**
 * Full-text search over the entries' title, tags, summary and (capped) text, with the library's
 * matching rules: AND across words, prefix on the word being typed, typo tolerance, any-word
 * fallback, BM25F ranking with field weights. Postings live in the compact {@link Postings};
 * what is shown comes from the entries.
 */
export class TextSearch {
  private readonly postings = new Postings<StoredEntry>();
  /** Entry id → document number in {@link postings}. */
  private readonly numbers = new Map<string, number>();
  /** Scratch per document number, reused by every query (a query runs to the end synchronously). */
  private scores = new Float64Array(0);
  private matchedWords = new Uint8Array(0);
  private touched = new Int32Array(0);
  /** Per term, the most it can add to a score: what lets a search for the best few skip the rest. */
  private readonly bounds = new TermBounds();
  /**
   * Query words' expansions (prefixes, typos: a walk of the dictionary each), kept until the
   * dictionary changes: questions and searches repeat their words.
   */
  private readonly expansions = new Map<string, Expansion>();

  /** Indexes a new entry, or a new version whose words changed. */
  index(entry: StoredEntry): void {
    this.discard(entry.id);
    // Its words may be new to the dictionary, and so expand a query word differently.
    this.expansions.clear();
    this.numbers.set(entry.id, this.postings.add(entry, fieldTerms(entry)));
  }

  /** Points results at a new version whose indexed words are unchanged. */
  update(entry: StoredEntry): void {
    const no = this.numbers.get(entry.id);
    if (no === undefined) this.index(entry);
    else this.postings.replace(no, entry);
  }

  /** Drops an entry; its postings are reclaimed when dead ones have piled up. */
  discard(id: string): void {
    const no = this.numbers.get(id);
    if (no === undefined) return;
    this.numbers.delete(id);
    this.postings.remove(no);
    const renumber = this.postings.compactIfWorthIt();
    if (renumber) {
      for (const [entryId, old] of this.numbers) this.numbers.set(entryId, renumber[old] ?? -1);
      this.bounds.clear();
      this.expansions.clear();
    }
  }

  /**
   * `terms` are the query's terms (as `queryTerms` gives them). `anyWord` skips straight to
   * any-word matching ("more like this"), ranked by how many words and how well they match.
   */
  match(
    text: string,
    terms: string[],
    filter: EntryFilter | undefined,
    anyWord = false,
    top?: number,
  ): TextMatches {
    for (const stage of matchStages(text, terms, anyWord)) {
      const found = this.matchStage(stage, terms, filter, this.corpus(), top);
      if (found.entries.length > 0) return found;
    }
    return NO_MATCHES;
  }

  /**
   * One stage of {@link match}. `corpus` scores against other statistics than this index's own:
   * those of several libraries searched as one, so that their scores compare as if one index
   * held them all. With `top`, only the best `top` by relevance (score, then the relevance order's
   * tie-breaks) are found, with the scores finding all would give them; the others are skipped,
   * mostly unscored.
   */
  matchStage(
    stage: MatchStage,
    terms: string[],
    filter: EntryFilter | undefined,
    corpus: CorpusStats = this.corpus(),
    top?: number,
  ): TextMatches {
    const found = this.search(terms, stage.typing, stage.combineWith, filter, corpus, stage.maxFuzzy, top);
    if (stage.relaxed && found.entries.length > 0) found.relaxed = true;
    return found;
  }

  /** This index's own statistics, which BM25 scores against. */
  corpus(): CorpusStats {
    const postings = this.postings;
    return {
      size: postings.size,
      lengthSums: FIELDS.map((_, field) => postings.averageLength(field) * postings.size),
      documentFrequency: (term) => {
        const id = postings.idOf(term);
        return id === undefined ? 0 : postings.postingCount(id);
      },
    };
  }

  /** How many postings are held (live and dead), for estimating the index's memory. */
  get postingCount(): number {
    return this.postings.postingTotal;
  }

  /** How many distinct terms the dictionary holds. */
  get termCount(): number {
    return this.postings.termTotal;
  }

  private search(
    terms: string[],
    typing: boolean,
    combineWith: "AND" | "OR",
    filter: EntryFilter | undefined,
    corpus: CorpusStats,
    maxFuzzy = Number.POSITIVE_INFINITY,
    top?: number,
  ): TextMatches {
    const words = this.expandAll(terms, typing, maxFuzzy);
    if (words.length === 0) return NO_MATCHES;
    if (combineWith === "AND") {
      if (words.some((w) => w.size === 0)) return NO_MATCHES;
      // The rarest word first: every later word only scores what all earlier ones matched.
      words.sort((a, b) => this.cost(a) - this.cost(b));
    }
    if (top !== undefined && top > 0) return this.searchTop(words, combineWith, filter, corpus, top);
    const bound = this.postings.numberBound;
    if (this.scores.length < bound) {
      this.scores = new Float64Array(Math.ceil(bound * 1.25));
      this.matchedWords = new Uint8Array(Math.ceil(bound * 1.25));
      this.touched = new Int32Array(Math.ceil(bound * 1.25));
    }
    const scores = this.scores;
    const matchedWords = this.matchedWords;
    // Document numbers in the order first matched; scratch too (a broad query touches most of them).
    const touched = this.touched;
    let touchedCount = 0;
    const size = corpus.size;
    const average = corpus.lengthSums.map((sum) => (size > 0 ? sum / size : 0));
    const matched = new Set<string>();
    words.forEach((word, k) => {
      const and = combineWith === "AND";
      for (const [id, weight] of word) {
        const term = this.postings.term(id);
        matched.add(term);
        const factor = weight * idfOf(size, corpus.documentFrequency(term));
        const { docs, counts, length } = this.postings.postingsOf(id);
        for (let i = 0; i < length; i++) {
          const no = docs[i] as number;
          const seen = matchedWords[no] as number;
          if (and) {
            // Matched every earlier word (seen === k), or this word already (k + 1) through another term.
            if (seen < k) continue;
            if (seen === k) {
              matchedWords[no] = k + 1;
              if (k === 0) touched[touchedCount++] = no;
            }
          } else if (seen === 0) {
            matchedWords[no] = 1;
            touched[touchedCount++] = no;
          }
          scores[no] = (scores[no] as number) + factor * this.termScore(counts[i] as number, no, average);
        }
      }
    });
    const needed = combineWith === "AND" ? words.length : 1;
    let kept = 0;
    for (let i = 0; i < touchedCount; i++) {
      const no = touched[i] as number;
      if ((matchedWords[no] as number) >= needed) touched[kept++] = no;
      else {
        scores[no] = 0;
        matchedWords[no] = 0;
      }
    }
    // Sized once: these are what the result cache keeps.
    const entries: StoredEntry[] = new Array(kept);
    const found = new Float64Array(kept);
    const documents = this.postings.documents;
    let count = 0;
    for (let i = 0; i < kept; i++) {
      const no = touched[i] as number;
      const entry = documents[no];
      if (entry !== undefined && (filter === undefined || filter(entry))) {
        found[count] = scores[no] as number;
        entries[count++] = entry;
      }
      scores[no] = 0;
      matchedWords[no] = 0;
    }
    entries.length = count;
    return {
      entries,
      scores: count === kept ? found : found.slice(0, count),
      terms: matched,
      relaxed: false,
    };
  }

  /**
   * The best `top` matches of `words` (expanded and ordered as {@link search} orders them, so that
   * every score is summed in the same order and comes out the same to the last bit).
   */
  private searchTop(
    words: Expansion[],
    combineWith: "AND" | "OR",
    filter: EntryFilter | undefined,
    corpus: CorpusStats,
    top: number,
  ): TextMatches {
    const size = corpus.size;
    const average = corpus.lengthSums.map((sum) => (size > 0 ? sum / size : 0));
    const matched = new Set<string>();
    const cursors: TermCursor[] = [];
    words.forEach((word, w) => {
      for (const [id, weight] of word) {
        const term = this.postings.term(id);
        matched.add(term);
        const factor = weight * idfOf(size, corpus.documentFrequency(term));
        const { docs, counts, length } = this.postings.postingsOf(id);
        const bounds = this.bounds.bound(id, length, average, (i) =>
          this.weightedCount(counts[i] as number, docs[i] as number, average),
        );
        // A term's idf goes below zero when dead postings (of reworded or removed entries, until
        // they are compacted) make it look commoner than the library holds: it never adds then.
        const bound = Math.max(0, factor * saturated(bounds.max));
        cursors.push({
          docs,
          counts,
          length,
          factor,
          bound,
          word: w,
          blocks: bounds.blocks,
          scale: bounds.scale,
        });
      }
    });
    const found = topMatches(
      cursors,
      words.length,
      combineWith === "AND",
      this.postings.documents,
      filter,
      top,
      (packed, no) => this.termScore(packed, no, average),
    );
    return { ...found, terms: matched, relaxed: false };
  }

  /** BM25F: field counts weighted and length-normalised, then saturated once for the document. */
  private termScore(packed: number, no: number, average: number[]): number {
    return saturated(this.weightedCount(packed, no, average));
  }

  /** A posting's field counts, weighted by field and normalised by the fields' lengths. */
  private weightedCount(packed: number, no: number, average: number[]): number {
    const postings = this.postings;
    let weighted = 0;
    for (let field = 0; field < FIELD_BOOSTS.length; field++) {
      const count = (packed >>> (8 * field)) & 0xff;
      if (count)
        weighted +=
          ((FIELD_BOOSTS[field] as number) * count) /
          (1 - B + (B * postings.fieldLength(no, field)) / (average[field] as number));
    }
    return weighted;
  }

  /** Each distinct query word with the index terms it stands for (itself, prefixes, typos). */
  private expandAll(terms: string[], typing: boolean, maxFuzzy: number): Expansion[] {
    const byWord = new Map<string, Expansion>();
    terms.forEach((term, i) => {
      const prefix =
        (isCjkTerm(term) && Array.from(term).length === 1) ||
        (typing && i === terms.length - 1 && term.length >= MIN_PREFIX_LENGTH);
      const key = prefix ? `${term}*` : term;
      if (byWord.has(key)) return;
      const distance = Math.min(maxFuzzy, fuzzyDistance(term));
      const kept = `${key}|${distance}`;
      let expansion = this.expansions.get(kept);
      if (expansion === undefined) {
        expansion = this.expand(term, prefix, distance);
        if (this.expansions.size >= MAX_KEPT_EXPANSIONS) this.expansions.clear();
        this.expansions.set(kept, expansion);
      }
      byWord.set(key, expansion);
    });
    return [...byWord.values()];
  }

  private expand(term: string, prefix: boolean, distance: number): Expansion {
    const expansion: Expansion = new Map();
    const exact = this.postings.idOf(term);
    if (exact !== undefined) expansion.set(exact, 1);
    const offer = (id: number, weight: number) => {
      if (weight > (expansion.get(id) ?? 0)) expansion.set(id, weight);
    };
    const dictionary = this.postings.dictionary;
    if (prefix) {
      for (const [longer, id] of dictionary.atPrefix(term))
        offer(id, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (longer.length - term.length)));
    }
    // The word being typed gets typo tolerance only when no word starts with it: "bound" means
    // "bound…" (boundary), not also "found" and "round"; "pieline" still finds "pipeline". This
    // also keeps what a keystroke costs small on a large library.
    if (distance > 0 && !(prefix && expansion.size > 0)) {
      // Typos are looked for among words with the same first letter (Lucene's fuzzy "prefix
      // length" 1): people rarely mistype the first letter, and walking one letter's branch of
      // the dictionary instead of all of it makes a typo search many times cheaper.
      const first = String.fromCodePoint(term.codePointAt(0) ?? 0);
      const branch = dictionary.atPrefix(first);
      for (const [id, edits] of branch.fuzzyGet(term.slice(first.length), distance).values())
        if (edits > 0) offer(id, (FUZZY_WEIGHT * term.length) / (term.length + edits));
    }
    return expansion;
  }

  /** What reading a word's postings costs. */
  private cost(word: Expansion): number {
    let postings = 0;
    for (const id of word.keys()) postings += this.postings.postingCount(id);
    return postings;
  }
}

/** How many edits a word may differ by and still match (0: none). */
function fuzzyDistance(term: string): number {
  return term.length >= MIN_FUZZY_LENGTH && !isCjkTerm(term) ? Math.round(term.length * FUZZINESS) : 0;
}

function fieldTerms(entry: StoredEntry): FieldTerms {
  return [
    indexTerms(entry.title),
    indexTerms(entry.tags.join(" ")),
    indexTerms(entry.summary),
    indexTerms(entry.text),
  ];
}

/**
 * BM25's inverse document frequency of a word held by `df` of `size` entries: one formula for the
 * full scoring and the pruned best-few search, which must give the same scores.
 */
function idfOf(size: number, df: number): number {
  return Math.log(1 + (size - df + 0.5) / (df + 0.5));
}
