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
  const html = sanitizeHtml(dirty, {
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
  return { html, attachmentIds };
}

/** A link without a safe target keeps its text and loses its `href`. */
function hrefAttribs(href: string | undefined): sanitizeHtml.Attributes {
  return href ? { href } : {};
}

function languageClass(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  return attribs.class ? { class: attribs.class } : {};
}
