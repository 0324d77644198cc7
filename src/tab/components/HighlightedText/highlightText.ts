import { createElement, type ReactNode } from "react";

/** `[start, end)` UTF-16 offsets of a match, as the search API returns them. */
export type TextRange = readonly [start: number, end: number];

/** A stretch of text, marked or not. */
export interface TextSegment {
  text: string;
  highlighted: boolean;
}

/**
 * Cuts `text` into plain and highlighted segments. The ranges come from the server, so they are
 * treated as untrusted: non-integer, empty, reversed and out-of-bounds ranges are dropped or
 * clamped, overlapping and touching ranges are merged, order does not matter, and a range edge
 * that would split a surrogate pair (an emoji) is moved outward so no character is cut in half.
 */
export function highlightSegments(text: string, ranges: readonly TextRange[] | undefined): TextSegment[] {
  const clean = normalizeRanges(text, ranges ?? []);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of clean) {
    if (start > at) segments.push({ text: text.slice(at, start), highlighted: false });
    segments.push({ text: text.slice(start, end), highlighted: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), highlighted: false });
  return segments;
}

/**
 * The text as React children with each match in a `<mark>`. Text is only ever a React text child,
 * so markup in a title or snippet shows as the characters it is and never becomes HTML.
 */
export function renderHighlights(
  text: string,
  ranges: readonly TextRange[] | undefined,
  markClassName?: string,
): ReactNode[] {
  return highlightSegments(text, ranges).map((segment, index) =>
    segment.highlighted
      ? createElement("mark", { key: index, className: markClassName }, segment.text)
      : segment.text,
  );
}

function normalizeRanges(text: string, ranges: readonly TextRange[]): [number, number][] {
  const valid: [number, number][] = [];
  for (const range of ranges) {
    if (!Array.isArray(range) || range.length !== 2) continue;
    const [rawStart, rawEnd] = range;
    if (!Number.isInteger(rawStart) || !Number.isInteger(rawEnd)) continue;
    const start = widenStart(text, Math.max(0, Math.min(rawStart, text.length)));
    const end = widenEnd(text, Math.max(0, Math.min(rawEnd, text.length)));
    if (end > start) valid.push([start, end]);
  }
  valid.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of valid) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** A start inside a surrogate pair moves back to the pair's first half. */
function widenStart(text: string, at: number): number {
  return at > 0 && isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;
}

/** An end inside a surrogate pair moves forward past its second half. */
function widenEnd(text: string, at: number): number {
  return at < text.length && isLowSurrogate(text.charCodeAt(at)) ? at + 1 : at;
}
