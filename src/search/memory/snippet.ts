import { MAX_TERM_LENGTH, visitTerms } from "../../domain/library/search/searchTerms.js";
import type { HighlightRange } from "../../domain/library/search/searchTypes.js";

/** Snippet length: about two lines of a result card, and what fits a message-extension preview. */
export const SNIPPET_LENGTH = 160;
/** How far a window edge may move to land between words instead of inside one. */
const WORD_BOUNDARY_SLACK = 24;
const ELLIPSIS = "…";

/** A window of text and the matched terms inside it. */
export interface Snippet {
  text: string;
  ranges: HighlightRange[];
}

/**
 * The ranges of `text` whose terms are among `matched` (folded index terms, as text search reports
 * them, so prefix and typo matches are included). Overlapping ranges (CJK pairs) are merged.
 */
export function highlightRanges(text: string, matched: ReadonlySet<string>): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  if (matched.size === 0) return ranges;
  visitTerms(text, "index", (term, start, end) => {
    if (!matched.has(term)) return false;
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
    return false;
  });
  return ranges;
}

/**
 * About {@link SNIPPET_LENGTH} characters of `text` centred on the first matched term (or its
 * start when nothing in it matched), cut between words, whitespace collapsed, with "…" where it
 * was cut, and the highlight ranges inside the returned string.
 */
export function snippetAround(text: string, matched: ReadonlySet<string>): Snippet {
  const hit = firstMatch(text, matched);
  let start = 0;
  if (hit) {
    const centre = Math.floor((hit[0] + hit[1]) / 2);
    start = Math.max(0, Math.min(centre - SNIPPET_LENGTH / 2, text.length - SNIPPET_LENGTH, hit[0]));
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  start = wordStartAtOrAfter(text, start, hit ? hit[0] : end);
  end = wordEndAtOrBefore(text, end, hit ? hit[1] : start);
  const body = text.slice(start, end).replace(/\s+/g, " ").trim();
  const lead = start > 0 ? ELLIPSIS : "";
  // Highlighted in the body (plain ASCII stays on the fast path), then shifted past the "…".
  const ranges = highlightRanges(body, matched);
  if (lead)
    for (const range of ranges) {
      range[0] += lead.length;
      range[1] += lead.length;
    }
  return { text: lead + body + (end < text.length ? ELLIPSIS : ""), ranges };
}

function firstMatch(text: string, matched: ReadonlySet<string>): HighlightRange | undefined {
  let found: HighlightRange | undefined;
  if (matched.size === 0) return found;
  if (ASCII_ONLY.test(text)) return firstAsciiMatch(text, matched);
  visitTerms(text, "index", (term, start, end) => {
    if (!matched.has(term)) return false;
    found = [start, end];
    return true;
  });
  return found;
}

/** Moves a window start forward past a partly cut word, never beyond `limit` (the match). */
function wordStartAtOrAfter(text: string, at: number, limit: number): number {
  if (at <= 0) return 0;
  if (/\s/.test(text.charAt(at - 1))) return at;
  const stop = Math.min(limit, at + WORD_BOUNDARY_SLACK);
  for (let i = at; i < stop; i++) if (/\s/.test(text.charAt(i))) return i + 1;
  return avoidSplitPair(text, at);
}

/** Moves a window end back before a partly cut word, never before `limit` (the match's end). */
function wordEndAtOrBefore(text: string, at: number, limit: number): number {
  if (at >= text.length) return text.length;
  if (/\s/.test(text.charAt(at))) return at;
  const stop = Math.max(limit, at - WORD_BOUNDARY_SLACK);
  for (let i = at - 1; i >= stop; i--) if (/\s/.test(text.charAt(i))) return i;
  return avoidSplitPair(text, at);
}

/** Never cut a surrogate pair in half (emoji, rare Han characters). */
function avoidSplitPair(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

const ASCII_ONLY = /^[\0-\x7f]*$/;
const ASCII_ALNUM = /[A-Za-z0-9]/;

/**
 * {@link firstMatch} for ASCII text (most of an English library), by looking each matched term up
 * with `indexOf` instead of tokenising the text word by word: an occurrence counts when it is a
 * whole word (the same words `visitTerms` yields; a term cut at the maximum term length may be
 * followed by more of its word).
 */
function firstAsciiMatch(text: string, matched: ReadonlySet<string>): HighlightRange | undefined {
  const lower = text.toLowerCase();
  let best: HighlightRange | undefined;
  for (const term of matched) {
    if (!ASCII_ONLY.test(term)) continue;
    const limit = best ? best[0] : lower.length;
    for (let at = lower.indexOf(term); at !== -1 && at < limit; at = lower.indexOf(term, at + 1)) {
      const end = at + term.length;
      const wordStart = at === 0 || !ASCII_ALNUM.test(lower.charAt(at - 1));
      const wordEnd =
        term.length >= MAX_TERM_LENGTH || end === lower.length || !ASCII_ALNUM.test(lower.charAt(end));
      if (wordStart && wordEnd) {
        let wordEndAt = end;
        while (wordEndAt < lower.length && ASCII_ALNUM.test(lower.charAt(wordEndAt))) wordEndAt++;
        best = [at, wordEndAt];
        break;
      }
    }
  }
  return best;
}
