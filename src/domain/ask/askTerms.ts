import { queryTerms } from "../library/search/searchTerms.js";

/**
 * Words of a question that carry meaning, as the library's search folds them (case, accents,
 * function words), cut to a crude stem so "backfilling", "backfills" and "backfill" meet.
 * Question words that the search keeps but that say nothing about the topic go too.
 */
const QUESTION_NOISE: ReadonlySet<string> = new Set([
  "anyone",
  "best",
  "know",
  "way",
  "we",
  "our",
  "us",
  "one",
  "any",
  "there",
  "get",
  "make",
  "need",
  "use",
  "using",
  "used",
  "good",
  "tell",
  "please",
  "here",
  "something",
  "someone",
  "thing",
  "things",
  "not",
  "no",
  "it",
]);

/** A crude suffix stripper: enough to join a word's common English forms, never shorter than 4. */
export function stem(term: string): string {
  for (const suffix of ["ings", "ing", "ies", "ied", "es", "ed", "s", "ly"]) {
    if (term.length - suffix.length >= 4 && term.endsWith(suffix)) {
      const base = term.slice(0, -suffix.length);
      return suffix === "ies" || suffix === "ied" ? `${base}y` : base;
    }
  }
  return term;
}

/** The distinct meaningful words of a text, folded as the search folds them, in order. */
export function contentTerms(text: string): string[] {
  return [...new Set(queryTerms(text).filter((t) => t.length >= 2 && !QUESTION_NOISE.has(t)))];
}

/** The distinct stems of a text's meaningful words. */
export function contentStems(text: string): string[] {
  return [...new Set(contentTerms(text).map(stem))];
}
