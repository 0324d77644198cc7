/**
 * Text people submit, normalised before it is checked and stored, so that what is stored is what
 * people see and what search finds: a title with a NUL or ESC, a bidi override that shows
 * "every 90 days" as "syad 09 yreve", or "Pass\u200Bword" that a search for "password" misses,
 * are not kept as such.
 *
 * - Unicode NFC, so the same word is stored the same way whichever keyboard typed it.
 * - Line breaks become `\n` (CR LF, CR, U+2028, U+2029).
 * - C0 and C1 control characters go, except `\n` and `\t`.
 * - Bidi controls go: embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks
 *   U+200E, U+200F, U+061C. Text direction comes from the script itself.
 * - Zero-width space U+200B, word joiner U+2060 and BOM U+FEFF go. The joiners U+200C/U+200D go
 *   too, except after an emoji or a letter of a script that needs them (Persian, Indic…), where
 *   they shape what is shown (family emoji, half forms).
 */
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const INVISIBLE = /[\u200B\u2060\uFEFF]/g;
const JOINERS = /[\u200C\u200D]/g;
/** What a joiner may follow and still mean something. */
const JOINER_CONTEXT =
  /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\p{M}|(?!\p{Script=Latin})\p{L})$/u;

function keepsJoiner(text: string, offset: number): boolean {
  if (offset === 0) return false;
  const before = text.codePointAt(offset - 1) ?? 0;
  // The character before may be the low half of a surrogate pair (most emoji).
  const code =
    before >= 0xdc00 && before <= 0xdfff && offset >= 2 ? (text.codePointAt(offset - 2) ?? before) : before;
  return JOINER_CONTEXT.test(String.fromCodePoint(code));
}

/** The text with the characters above normalised away; see the module comment. */
export function normaliseText(text: string): string {
  const cleaned = text
    .normalize("NFC")
    .replace(LINE_BREAKS, "\n")
    .replace(CONTROLS, "")
    .replace(BIDI_CONTROLS, "")
    .replace(INVISIBLE, "");
  return cleaned.replace(JOINERS, (joiner, offset: number) => (keepsJoiner(cleaned, offset) ? joiner : ""));
}

/** Cuts a text to `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
