import { htmlToMarkdown } from "./htmlToMarkdown.js";
import { markdownParser } from "./markdownText.js";
import { neutraliseUnsafeSchemes } from "./safeLinks.js";
import { sanitizeMessageHtml } from "./sanitizeMessageHtml.js";

/**
 * Makes markdown a person typed (an entry written in the tab, a draft edited in the dialog) as safe
 * as a converted message: it is rendered with a CommonMark parser, the HTML goes through the same
 * allowlist as message HTML, and the result is written back as markdown. So raw HTML is removed
 * (`<script>` with its content), links keep only http(s) targets (`[a](javascript:x)` and its
 * entity-encoded forms become text), pictures (`![p](https://…/pixel.gif)`) are dropped, keeping
 * their alt text, and `javascript:`-like URLs left in text are neutralised. The formatting survives;
 * its spelling is normalised (`*` bullets become `-`), and the result of running it again is the
 * same. It does not shorten: callers check the length against `MAX_BODY_CHARS` first.
 */
export function sanitizeMarkdown(markdown: string): string {
  if (isPlainProse(markdown)) return neutraliseUnsafeSchemes(markdown).trim();
  return sanitizeMarkup(markdown);
}

/** The full round trip: render, sanitise the HTML, write it back as markdown. */
export function sanitizeMarkup(markdown: string): string {
  const html = markdownParser.render(markdown);
  return neutraliseUnsafeSchemes(htmlToMarkdown(sanitizeMessageHtml(html).html)).trim();
}

/**
 * Characters that carry meaning in CommonMark or in markdown-it's default extensions (tables,
 * strikethrough) anywhere in a line: escapes, code, emphasis, links and pictures, raw HTML and
 * entities, headings, tables.
 */
const MARKUP_ANYWHERE = /[\\`*_[\]<>&#|~]/;
/** Lines that start a block: bullets, ordered lists, quotes, setext underlines, indented code. */
const MARKUP_AT_LINE_START = /^(?:[ \t]*(?:[-+=>]|\d{1,9}[.)])|(?: {4}|\t))/m;

/**
 * Text without any markup (most insights are plain sentences) is already what the round trip
 * would keep: nothing in it can form HTML, a link or a picture, so only unsafe URL schemes in its
 * words need neutralising. Skipping the parser, sanitiser and converter saves most of a save's CPU.
 */
function isPlainProse(markdown: string): boolean {
  return !MARKUP_ANYWHERE.test(markdown) && !MARKUP_AT_LINE_START.test(markdown);
}
