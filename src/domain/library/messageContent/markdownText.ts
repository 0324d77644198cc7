import MarkdownIt, { type Token } from "markdown-it";
import { safeWebUrl } from "./safeLinks.js";

/**
 * Reading markdown is left to markdown-it, a CommonMark parser, so that what counts as a link, a
 * heading or plain text here is what a CommonMark renderer will show, escapes included.
 * `html: true` lets raw HTML through to the sanitiser (which removes it) instead of turning it
 * into visible tags; `linkify` stays off, so only real links are links.
 */
export const markdownParser = new MarkdownIt("default", { html: true, linkify: false, typographer: false });

/**
 * The words of a markdown text without any markup: one line per paragraph, heading, list item or
 * table row (cells joined with " | "), code kept as written, link text without its target,
 * pictures as their alt text. For search and previews of safe markdown (an entry body); raw HTML,
 * which safe markdown never holds, is left out rather than shown as tags.
 */
export function toPlainText(markdown: string): string {
  if (isPlainProse(markdown)) return proseToPlainText(markdown);
  const lines: string[] = [];
  let row: string[] | undefined;
  for (const token of markdownParser.parse(markdown, {})) {
    switch (token.type) {
      case "inline": {
        const text = inlineText(token.children);
        if (row) row.push(text.trim());
        else lines.push(text);
        break;
      }
      case "fence":
      case "code_block":
        lines.push(token.content.replace(/\n$/, ""));
        break;
      case "tr_open":
        row = [];
        break;
      case "tr_close":
        if (row) lines.push(row.join(" | "));
        row = undefined;
        break;
    }
  }
  return lines
    .map((line) => line.trimEnd())
    .filter((line) => line.trim().length > 0)
    .join("\n");
}

/**
 * Characters that carry meaning in CommonMark or in markdown-it's default extensions (tables,
 * strikethrough) anywhere in a line: escapes, code, emphasis, links and pictures, raw HTML and
 * entities, headings, tables.
 */
const MARKUP_ANYWHERE = /[\\`*_[\]<>&#|~]/;
/** Whitespace other than spaces, tabs and line feeds, which trimming and the parser treat apart. */
const OTHER_SPACE = /[\r\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/**
 * Lines that start a block (bullets, ordered lists, quotes, setext underlines, indented code) and
 * line ends that make a hard break (two spaces).
 */
const MARKUP_AT_LINE_EDGE = /^(?:[ \t]*(?:[-+=>]|\d{1,9}[.)])|(?: {4}|\t))| {2}$/m;

/**
 * Whether a text has no markup at all (most insights are plain sentences): then nothing in it can
 * form HTML, a link, a picture or a block, and its rendering is its paragraphs. Lets the hot paths
 * (saving, indexing) skip the parser; the results are the same (tested against the parser).
 */
export function isPlainProse(markdown: string): boolean {
  return (
    !MARKUP_ANYWHERE.test(markdown) && !MARKUP_AT_LINE_EDGE.test(markdown) && !OTHER_SPACE.test(markdown)
  );
}

/** {@link toPlainText} of plain prose: one line per paragraph, its lines joined by a space. */
function proseToPlainText(markdown: string): string {
  return markdown
    .split(/\n[ \t]*(?:\n|$)/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.trim())
        .join(" ")
        .trim(),
    )
    .filter((paragraph) => paragraph.length > 0)
    .join("\n");
}

/** Every http(s) link target in the markdown, in order of first appearance, without duplicates. */
export function linksIn(markdown: string): string[] {
  const links = new Set<string>();
  const visit = (tokens: Token[] | null) => {
    for (const token of tokens ?? []) {
      if (token.type === "link_open") {
        const href = token.attrGet("href");
        const safe = typeof href === "string" ? safeWebUrl(href) : undefined;
        if (safe) links.add(safe);
      }
      visit(token.children);
    }
  };
  visit(markdownParser.parse(markdown, {}));
  return [...links];
}

/** The first text a reader meets outside quotes: a heading, or the paragraph it opens with. */
export function leadingText(markdown: string): { kind: "heading" | "paragraph"; text: string } | undefined {
  let quoteDepth = 0;
  let block: "heading" | "paragraph" | undefined;
  for (const token of markdownParser.parse(markdown, {})) {
    if (token.type === "blockquote_open") quoteDepth++;
    else if (token.type === "blockquote_close") quoteDepth--;
    else if (token.type === "heading_open") block = "heading";
    else if (token.type === "paragraph_open") block = "paragraph";
    else if (token.type === "inline" && quoteDepth === 0 && block) {
      const text = inlineText(token.children).replace(/\s+/g, " ").trim();
      if (text) return { kind: block, text };
    }
  }
  return undefined;
}

function inlineText(tokens: Token[] | null): string {
  let text = "";
  for (const token of tokens ?? []) {
    switch (token.type) {
      case "text":
      case "code_inline":
        text += token.content;
        break;
      case "softbreak":
        text += " ";
        break;
      case "hardbreak":
        text += "\n";
        break;
      case "image":
        text += inlineText(token.children);
        break;
    }
  }
  return text;
}
