import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  highlightSegments,
  renderHighlights,
  type TextRange,
} from "../../../src/tab/components/HighlightedText/highlightText.js";

/** The markup the tab renders for a title or snippet with these ranges. */
function markup(text: string, ranges: readonly TextRange[] | undefined): string {
  return renderToStaticMarkup(createElement(Fragment, null, ...renderHighlights(text, ranges, "hit")));
}

describe("search highlights", () => {
  it("marks exactly the ranges the search returned", () => {
    expect(
      markup("Data pipelines need data contracts", [
        [5, 14],
        [25, 34],
      ]),
    ).toBe('Data <mark class="hit">pipelines</mark> need data <mark class="hit">contracts</mark>');
  });

  it("shows markup in a title as text, never as HTML, with or without highlights", () => {
    const title = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>';
    const html = markup(title, [[0, 4]]);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toBe(
      '<mark class="hit">&lt;img</mark> src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt;',
    );
  });

  it("merges overlapping and touching ranges and accepts them in any order", () => {
    expect(
      highlightSegments("abcdefghij", [
        [6, 8],
        [1, 3],
        [2, 5],
        [5, 6],
      ]),
    ).toEqual([
      { text: "a", highlighted: false },
      { text: "bcdefgh", highlighted: true },
      { text: "ij", highlighted: false },
    ]);
  });

  it("clamps ranges past the end and drops empty, reversed and malformed ones", () => {
    const ranges = [
      [8, 99],
      [3, 3],
      [5, 2],
      [1.5, 2],
      [-4, 1],
    ] as unknown as TextRange[];
    expect(highlightSegments("snippet…x", ranges)).toEqual([
      { text: "s", highlighted: true },
      { text: "nippet…", highlighted: false },
      { text: "x", highlighted: true },
    ]);
    expect(highlightSegments("plain", undefined)).toEqual([{ text: "plain", highlighted: false }]);
    expect(highlightSegments("", [[0, 3]])).toEqual([{ text: "", highlighted: false }]);
  });

  it("never cuts an emoji (a surrogate pair) in half", () => {
    const text = "Tip 👍 ok";
    // 4..5 is the first half of 👍 only.
    expect(highlightSegments(text, [[4, 5]])).toEqual([
      { text: "Tip ", highlighted: false },
      { text: "👍", highlighted: true },
      { text: " ok", highlighted: false },
    ]);
    expect(highlightSegments(text, [[5, 7]])[1]).toEqual({ text: "👍 ", highlighted: true });
  });
});
