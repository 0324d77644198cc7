/**
 * How text becomes search terms, the same way for indexing, querying and highlighting, so a
 * highlight always lands on what the index matched.
 *
 * - A word is a run of letters, digits and combining marks (any script); everything else
 *   separates words, so "think-pair-share" is three words and "l'équipe" two.
 * - Terms are folded: lower case, compatibility forms (full-width letters, ligatures) unified,
 *   Latin/Greek/Cyrillic diacritics dropped ("café" → "cafe"), and a few letters that do not
 *   decompose spelled out ("straße" → "strasse", "ø" → "o").
 * - Chinese, Japanese and Korean are written without spaces between words, and word segmentation
 *   needs a dictionary. Instead each run of CJK characters becomes overlapping character pairs
 *   ("会議室" → "会議", "議室"), the bigram approach of Lucene's CJK analyser. A query of two or
 *   more characters then finds every text containing all its pairs, which is nearly always the
 *   text containing the string itself (a text holding the pairs apart is a rare false match); a
 *   single character is found by prefix. There is no typo tolerance for CJK.
 * - Function words ("the", "und", "les": see `stopWords.ts`) are no terms at all.
 * - Other scripts written without spaces (Thai, Lao, Khmer, Burmese) stay one term per run, so
 *   they are found by their leading characters only.
 */

import { STOP_WORDS } from "./stopWords.js";

/** Longer tokens are cut: they are hashes, base64 or unsegmented text, and bloat the term tree. */
export const MAX_TERM_LENGTH = 64;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII_ONLY = /^[\0-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;
/** Script_Extensions, not Script, so the katakana long-vowel mark "ー" (script Common) counts. */
const HAS_CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
const CJK_OR_OTHER_RUN =
  /([\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]+)|[^\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]+/gu;
/** Combining diacritical marks (basic, extended, supplement, for symbols, half marks). */
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const UNDECOMPOSABLE: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  ı: "i",
  þ: "th",
};
const UNDECOMPOSABLE_LETTER = /[ßæœøđðłıþ]/g;

/** Tokens are found in the text as written; `index` adds what single-character prefix search needs. */
export type TermMode = "index" | "query";

/** Receives each term with its `[start, end)` UTF-16 offsets in the original text; true stops the scan. */
export type TermVisitor = (term: string, start: number, end: number) => boolean | undefined;

/** Folds one token for matching: "Café" → "cafe", "Straße" → "strasse", "ＡＢＣ" → "abc". */
function foldTerm(token: string): string {
  const lower = token.toLowerCase();
  if (ASCII_ONLY.test(lower)) return lower;
  // NFKD splits letters from their accents (and unifies compatibility forms); NFC afterwards puts
  // back together what must stay whole, such as Hangul syllables and kana with voicing marks.
  return lower
    .normalize("NFKD")
    .replace(DIACRITICS, "")
    .replace(UNDECOMPOSABLE_LETTER, (c) => UNDECOMPOSABLE[c] ?? c)
    .normalize("NFC")
    .toLowerCase(); // compatibility forms can decompose to capitals ("ℌ" → "H")
}

/** Whether a (folded) term is CJK, where typo tolerance makes no sense and one character is a word. */
export function isCjkTerm(term: string): boolean {
  return HAS_CJK.test(term);
}

/**
 * Visits every term of `text` with its position in the original. In `index` mode the last
 * character of a CJK run is also a term, so a one-character query finds it by prefix.
 */
export function visitTerms(text: string, mode: TermMode, visit: TermVisitor): void {
  if (ASCII_ONLY.test(text)) {
    visitAsciiTerms(text, visit);
    return;
  }
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
    const stop = HAS_CJK.test(word) ? visitMixedWord(word, start, mode, visit) : emit(word, start, visit);
    if (stop) return;
  }
}

/** The terms of a text to index, with a fast path for plain ASCII (most of an English library). */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  if (ASCII_ONLY.test(text)) {
    for (const word of text.toLowerCase().match(ASCII_WORD) ?? []) {
      if (!STOP_WORDS.has(word))
        terms.push(word.length > MAX_TERM_LENGTH ? word.slice(0, MAX_TERM_LENGTH) : word);
    }
    return terms;
  }
  visitTerms(text, "index", (term) => {
    terms.push(term);
    return false;
  });
  return terms;
}

/** The terms of a query, in order (duplicates kept: the last one is the word being typed). */
export function queryTerms(text: string): string[] {
  const terms: string[] = [];
  visitTerms(text, "query", (term) => {
    terms.push(term);
    return false;
  });
  return terms;
}

/**
 * {@link visitTerms} for plain ASCII (most of an English library): no scripts to tell apart and
 * nothing to fold but case, so words are found by character codes rather than a regular
 * expression (this runs over every result's title and snippet to highlight them).
 */
function visitAsciiTerms(text: string, visit: TermVisitor): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isAsciiWordCode(text.charCodeAt(i))) i++;
    if (i === n) return;
    const start = i;
    let upper = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
      if (c >= 65 && c <= 90) upper = true;
      else break;
    }
    const token = text.slice(start, i);
    const term = upper ? token.toLowerCase() : token;
    if (STOP_WORDS.has(term)) continue;
    const cut = term.length > MAX_TERM_LENGTH ? term.slice(0, MAX_TERM_LENGTH) : term;
    if (visit(cut, start, i) === true) return;
  }
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function emit(token: string, start: number, visit: TermVisitor): boolean {
  const term = foldTerm(token);
  if (term.length === 0 || STOP_WORDS.has(term)) return false;
  const cut = term.length > MAX_TERM_LENGTH ? term.slice(0, MAX_TERM_LENGTH) : term;
  return visit(cut, start, start + token.length) === true;
}

function visitMixedWord(word: string, wordStart: number, mode: TermMode, visit: TermVisitor): boolean {
  for (const r of word.matchAll(CJK_OR_OTHER_RUN)) {
    const start = wordStart + r.index;
    const stop = r[1] === undefined ? emit(r[0], start, visit) : visitCjkRun(r[0], start, mode, visit);
    if (stop) return true;
  }
  return false;
}

function visitCjkRun(run: string, runStart: number, mode: TermMode, visit: TermVisitor): boolean {
  // Code points, not UTF-16 units: rarer Han characters are outside the BMP.
  const chars = Array.from(run);
  const offsets: number[] = [];
  let at = runStart;
  for (const c of chars) {
    offsets.push(at);
    at += c.length;
  }
  offsets.push(at);
  if (chars.length === 1) return emit(run, runStart, visit);
  for (let i = 0; i + 1 < chars.length; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 2] as number;
    if (emit(run.slice(start - runStart, end - runStart), start, visit)) return true;
  }
  if (mode === "index") {
    const last = chars.length - 1;
    return emit(chars[last] as string, offsets[last] as number, visit);
  }
  return false;
}
