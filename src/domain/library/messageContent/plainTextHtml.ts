/**
 * Plain text (a `contentType: "text"` body, the text of a card) as HTML paragraphs, so that it goes
 * through the same sanitiser and markdown conversion as HTML bodies — which is what escapes its
 * markdown-looking characters (`*`, `[x](y)`) so they stay text.
 */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => `<p>${escapeHtmlText(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** Encodes text for an HTML text node (entity encoding, not sanitising). */
function escapeHtmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
