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
