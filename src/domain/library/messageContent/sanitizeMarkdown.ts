import MarkdownIt from "markdown-it";
import { htmlToMarkdown } from "./htmlToMarkdown.js";
import { isPlainProse } from "./markdownText.js";
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

/**
 * The parser of the round trip takes every link as a link, whatever its target: the HTML allowlist
 * then keeps the link's text and drops a `javascript:` target. (markdown-it's own check would leave
 * `[Click me](javascript:x)` as literal text, shown to people as raw markdown.)
 */
const roundTripParser = new MarkdownIt("default", { html: true, linkify: false, typographer: false });
roundTripParser.validateLink = () => true;

/** The full round trip: render, sanitise the HTML, write it back as markdown. */
export function sanitizeMarkup(markdown: string): string {
  const html = roundTripParser.render(markdown);
  return neutraliseUnsafeSchemes(htmlToMarkdown(sanitizeMessageHtml(html).html)).trim();
}
