/**
 * Message content: how a Teams message becomes the safe content of a library entry ("Save as
 * insight", SPEC §3), and how markdown a person types is made equally safe.
 *
 * What an entry body keeps: paragraphs, headings, bold/italic/strikethrough, lists (nested too),
 * quotes, tables, inline code and fenced code blocks with their language, links to http(s) targets
 * and shared files. Mentions become the person's name, Teams emoji their character, a quoted reply
 * a plain quote without the quoted person's id. What it never holds: HTML of any kind, pictures
 * (no tracking pixel can load from an entry), `javascript:`/`vbscript:`/`data:` URLs (even as
 * text), text that turns into a link, picture or template expression (`${…}`, `{{…}}`) because it
 * looked like one. Bodies longer than `MAX_BODY_CHARS` are cut and flagged `truncated`.
 *
 * Pure domain code: sanitize-html, turndown and markdown-it only; nothing from Teams SDKs.
 */
export type { DraftRejection, DraftResult, EntryDraft } from "./entryDraft.js";
export { MAX_BODY_CHARS } from "./limits.js";
export { toPlainText } from "./markdownText.js";
export { type MessageOrigin, messageOrigin, messageToDraft } from "./messageToDraft.js";
export { sanitizeMarkdown } from "./sanitizeMarkdown.js";
