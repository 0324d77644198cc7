import TurndownService from "turndown";

/**
 * Converts sanitised HTML to markdown with turndown. Text that merely looks like markdown
 * (`**bold**`, `[Click me](…)`, `![x](…)`) stays text, with as few escapes as that takes (below).
 */

/**
 * The few DOM members the rules read. The domain compiles without the DOM library, and turndown
 * hands rules nodes of its bundled DOM implementation.
 */
interface DomNode {
  nodeName: string;
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  getAttribute?(name: string): string | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A code language as a fence info string may carry it (no spaces, no backticks). */
const CODE_LANGUAGE = /(?:^|\s)language-([A-Za-z0-9_+#.-]{1,32})(?:\s|$)/;

const turndown = new TurndownService({
  headingStyle: "atx",
  hr: "---",
  bulletListMarker: "-",
  codeBlockStyle: "fenced",
  fence: "```",
  emDelimiter: "_",
  strongDelimiter: "**",
  linkStyle: "inlined",
});

/**
 * Escapes only what would change how the text reads once rendered, so the text a person edits in
 * the Save-as-insight dialog looks as it was typed (no `\[Click me\]`, `1\. Step 1`,
 * `snake\_case`): emphasis stars and word-edge underscores, a line start that would make a heading,
 * quote, fence or rule, code spans, link brackets (only where `]` is followed by `(`, `[` or `:`),
 * `<` (raw HTML, autolinks), entity references, and template braces (`${…}` is Adaptive Card
 * templating, `{{…}}` its date/time functions). A number and a full stop at the start stay as
 * typed: they read as the numbered step the person meant.
 */
turndown.escape = (text: string): string =>
  text
    .replace(/\\/g, "\\\\")
    .replace(/\*/g, "\\*")
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match) => match.replace("_", "\\_"))
    .replace(/^(#{1,6} |>|~~~|=+|-(?=[-\s]|$)|\+ )/, "\\$1")
    .replace(/`/g, "\\`")
    // CommonMark also starts an ordered list with `1)`: kept as typed like `1.`, it would not
    // come back the same (the list is written with a full stop).
    .replace(/^(\d+)\) /, "$1\\) ")
    .replace(/\[([^\]]*)\](?=[([:])/g, "\\[$1\\]")
    // `<` would start raw HTML or an autolink in CommonMark.
    .replace(/</g, "\\<")
    // Entity references are decoded by markdown renderers; text that shows one must stay literal.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")
    // Braces: Adaptive Card templating (`${…}`) and date functions (`{{DATE(…)}}`).
    .replace(/[{}]/g, "\\$&");

/**
 * List items as people type them: `- item` and `1. item` (turndown pads markers to four columns).
 * A paragraph that reads "1. Step 1" is left unescaped above, so it must come back the same after
 * the editor renders and re-reads it: an ordered list keeps its number (`start`) and one space.
 */
turndown.addRule("listItem", {
  filter: "li",
  replacement: (content, node) => {
    const item = node as unknown as DomNode & { parentNode: DomNode & { children: ArrayLike<DomNode> } };
    const parent = item.parentNode;
    let prefix = "- ";
    if (parent?.nodeName === "OL") {
      const start = Number(parent.getAttribute?.("start") ?? "1") || 1;
      prefix = `${start + Array.prototype.indexOf.call(parent.children, item)}. `;
    }
    const indent = " ".repeat(prefix.length);
    const text = content
      .replace(/^\n+/, "")
      .replace(/\n+$/, "\n")
      .replace(/\n(?=.)/g, `\n${indent}`);
    const next = (item as unknown as { nextSibling: unknown }).nextSibling;
    return prefix + text + (next && !/\n$/.test(text) ? "\n" : "");
  },
});

turndown.addRule("fencedCodeBlock", {
  // Every <pre>, not only <pre><code>: Teams' <codeblock> arrives here as <pre> (see the
  // sanitiser) and may hold its lines as <br> rather than newlines.
  filter: "pre",
  replacement: (_content, node) => {
    const pre = node as unknown as DomNode;
    const code = codeText(pre).replace(/\n+$/, "");
    const language = codeLanguage(pre);
    // A fence longer than any backtick run inside, so the code cannot close it early.
    const longestRun = (code.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
    const fence = "`".repeat(Math.max(3, longestRun + 1));
    return `\n\n${fence}${language}\n${code}\n${fence}\n\n`;
  },
});

turndown.addRule("strikethrough", {
  // A function, not a tag list: `strike` is not in every DOM typing's tag map.
  filter: (node) => ["DEL", "S", "STRIKE"].includes(node.nodeName),
  replacement: (content) => (content.trim() ? `~~${content}~~` : content),
});

// Tables become GFM pipe tables; the first row is the header (Teams tables have no <th>).
turndown.addRule("tableCell", {
  filter: ["th", "td"],
  replacement: (content) =>
    ` ${content
      .replace(/\s*\n+\s*/g, " ")
      .replace(/\|/g, "\\|")
      .trim()} |`,
});

turndown.addRule("tableRow", {
  filter: "tr",
  replacement: (content, node) => {
    const row = node as unknown as DomNode;
    const cells = Array.from(row.childNodes).filter(
      (child) => child.nodeName === "TH" || child.nodeName === "TD",
    );
    const header = isFirstRow(row) ? `\n|${" --- |".repeat(Math.max(1, cells.length))}` : "";
    return `\n|${content}${header}`;
  },
});

turndown.addRule("tableSection", {
  filter: ["thead", "tbody", "tfoot"],
  replacement: (content) => content,
});

turndown.addRule("table", {
  filter: "table",
  replacement: (content) => `\n\n${content.trim()}\n\n`,
});

/** Converts sanitised HTML to markdown. Never given unsanitised HTML. */
export function htmlToMarkdown(sanitizedHtml: string): string {
  return turndown.turndown(sanitizedHtml);
}

function codeText(node: DomNode): string {
  let text = "";
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT_NODE) text += child.nodeValue ?? "";
    else if (child.nodeName === "BR") text += "\n";
    else if (child.nodeType === ELEMENT_NODE) text += codeText(child);
  }
  return text;
}

function codeLanguage(pre: DomNode): string {
  const code = Array.from(pre.childNodes).find((child) => child.nodeName === "CODE");
  for (const element of [code, pre]) {
    const match = CODE_LANGUAGE.exec(element?.getAttribute?.("class") ?? "");
    if (match?.[1]) return match[1];
  }
  return "";
}

function isFirstRow(row: DomNode): boolean {
  let table = row.parentNode;
  while (table && table.nodeName !== "TABLE") table = table.parentNode;
  return table ? firstRowOf(table) === row : true;
}

function firstRowOf(node: DomNode): DomNode | undefined {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeName === "TR") return child;
    if (child.nodeName === "THEAD" || child.nodeName === "TBODY" || child.nodeName === "TFOOT") {
      const row = firstRowOf(child);
      if (row) return row;
    }
  }
  return undefined;
}
