import sanitizeHtml from "sanitize-html";
import { safeWebUrl } from "./safeLinks.js";

/**
 * The allowlist that decides what of a message's HTML survives: the structure markdown can say
 * (paragraphs, headings, emphasis, lists, quotes, code, links, tables) and nothing else. Everything
 * not listed goes — tags are discarded, their text kept — and the elements below go with their
 * content, because their "text" is code, styling or a fake interface (a `<form>` asking to
 * "sign in again"), never part of the message.
 */
const DISCARDED_WITH_CONTENT = [
  "script",
  "style",
  "template",
  "noscript",
  "iframe",
  "frame",
  "frameset",
  "noframes",
  "noembed",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "canvas",
  "audio",
  "video",
  "form",
  "textarea",
  "select",
  "option",
  "button",
  "xmp",
  "head",
  "title",
];

const ALLOWED_TAGS = [
  "p",
  "div",
  "span",
  "br",
  "hr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "del",
  "strike",
  "blockquote",
  "ul",
  "ol",
  "li",
  "pre",
  "code",
  "a",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
];

/** Teams gives pasted pictures the alt text "image"; that, or no alt text, says nothing. */
const GENERIC_IMAGE_ALT = /^\s*(image|picture|graphic)?\s*$/i;

/**
 * Deeper nesting is flattened (text kept, tags dropped). Real messages nest a handful of levels;
 * tens of thousands of nested `<div>`s would otherwise exhaust the stack of the HTML-to-markdown
 * step, which walks the tree recursively.
 */
const NESTING_LIMIT = 40;

/** How an `<attachment>` placeholder is shown: its name, linked when the target is safe. */
export interface AttachmentLink {
  text: string;
  href?: string;
}

/** What the sanitiser found that the caller has to act on. */
export interface SanitizedHtml {
  html: string;
  /** Ids of `<attachment id>` placeholders met in the body, in order. */
  attachmentIds: string[];
}

/**
 * Sanitises message HTML (or HTML rendered from a person's markdown) down to the allowlist, and
 * resolves Teams' own markup on the way: emoji pictures become their character (other pictures
 * their alt text, if it says anything), `<at>` mentions their plain name (the tag is simply not
 * allowed, so its text stays), `<codeblock>` a `<pre>`, links keep only absolute http(s) targets,
 * and `<attachment>` placeholders are reported (and, when `attachmentLink` knows the id, replaced
 * by the file's name and link).
 */
export function sanitizeMessageHtml(
  dirty: string,
  attachmentLink?: (id: string) => AttachmentLink | undefined,
): SanitizedHtml {
  const attachmentIds: string[] = [];
  const once = sanitizeOnce(dirty, attachmentIds, attachmentLink);
  const withoutScripts = dropEncodedScripts(once);
  // Dropping a span of text can cut through tags: a second pass closes what it left open
  // (attachments are links by now).
  const html = withoutScripts === once ? once : sanitizeOnce(withoutScripts, []);
  return { html, attachmentIds };
}

/**
 * Script-like elements written as text: `&lt;ScRiPt&gt;` in the sanitiser's output, where every
 * `<` in text is `&lt;` and attribute quotes are entities too. Bounded, so one pass is linear.
 */
const ENCODED_SCRIPT_TAG =
  /&lt;\s*(\/?)\s*(script|style|iframe|frame|object|embed|applet|noscript|template|svg|math)\b(?:[^<>&]|&quot;|&amp;|&#39;){0,500}?&gt;/gi;
const CODE_TAG = /(<\/?(?:pre|code)\b[^>]*>)/i;

/**
 * Markup a message shows as text (`&lt;ScRiPt&gt;alert(1)&lt;/ScRiPt&gt;`, in any case) is a
 * script someone tried to slip through, not something a person means to read: decoded once, it
 * goes with its content like any script. A lone tag is a mention of it and stays. Code
 * (`<pre>`, `<code>`) is left as written, since code about HTML is text worth keeping.
 */
function dropEncodedScripts(html: string): string {
  if (!/&lt;\s*\/?\s*[a-z]/i.test(html)) return html;
  let inCode = 0;
  return html
    .split(CODE_TAG)
    .map((part, index) => {
      if (index % 2 === 1) {
        inCode = Math.max(0, inCode + (part.startsWith("</") ? -1 : 1));
        return part;
      }
      return inCode > 0 ? part : dropEncodedScriptsInText(part);
    })
    .join("");
}

function dropEncodedScriptsInText(text: string): string {
  const tags = [...text.matchAll(ENCODED_SCRIPT_TAG)].map((match) => ({
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
    closing: match[1] === "/",
    name: (match[2] ?? "").toLowerCase(),
  }));
  // A lone tag is a mention ("use <script> tags sparingly") and stays text; an opening tag with
  // its closing tag after it is a script, which goes with everything in between.
  const lastClose = new Map<string, number>();
  for (const tag of tags) if (tag.closing) lastClose.set(tag.name, tag.start);
  let out = "";
  let copiedTo = 0;
  let open: string | undefined;
  for (const tag of tags) {
    if (open) {
      // Inside a script: everything up to its closing tag goes.
      if (tag.closing && tag.name === open) {
        copiedTo = tag.end;
        open = undefined;
      }
      continue;
    }
    if (tag.closing || (lastClose.get(tag.name) ?? -1) < tag.start) continue;
    out += text.slice(copiedTo, tag.start);
    open = tag.name;
  }
  return out + text.slice(copiedTo);
}

function sanitizeOnce(
  dirty: string,
  attachmentIds: string[],
  attachmentLink?: (id: string) => AttachmentLink | undefined,
): string {
  return sanitizeHtml(dirty, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href"], ol: ["start"] },
    // Only the code language survives as a class; the fence info string is built from it.
    allowedClasses: { pre: ["language-*"], code: ["language-*"] },
    allowedSchemes: ["http", "https"],
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    nonTextTags: DISCARDED_WITH_CONTENT,
    nestingLimit: NESTING_LIMIT,
    // The messages are fragments; text after a stray `</html>` is still the message.
    enforceHtmlBoundary: false,
    parseStyleAttributes: false,
    transformTags: {
      // Pictures are dropped so no tracking pixel or external image ever loads from an entry; a
      // meaningful alt text stays as words. A Teams emoji (`itemtype=".../Emoji"`) is a picture
      // whose alt text is the emoji character, so it stays as that character.
      img: (_tag, attribs) => {
        const alt = attribs.alt ?? "";
        if (GENERIC_IMAGE_ALT.test(alt)) return { tagName: "img", attribs: {} };
        return { tagName: "span", attribs: {}, text: alt };
      },
      // The newer Teams client writes emoji as `<emoji id alt title>`.
      emoji: (_tag, attribs) => ({ tagName: "span", attribs: {}, text: attribs.alt ?? "" }),
      codeblock: (_tag, attribs) => ({ tagName: "pre", attribs: languageClass(attribs) }),
      a: (_tag, attribs) => {
        const href = safeWebUrl(attribs.href);
        return { tagName: "a", attribs: hrefAttribs(href) };
      },
      attachment: (_tag, attribs) => {
        const id = attribs.id ?? "";
        attachmentIds.push(id);
        const link = attachmentLink?.(id);
        // `attachment` is not an allowed tag, so an unresolved placeholder disappears.
        if (!link) return { tagName: "attachment", attribs: {} };
        return { tagName: "a", attribs: hrefAttribs(link.href), text: link.text };
      },
    },
  });
}

/** A link without a safe target keeps its text and loses its `href`. */
function hrefAttribs(href: string | undefined): sanitizeHtml.Attributes {
  return href ? { href } : {};
}

function languageClass(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  return attribs.class ? { class: attribs.class } : {};
}
