/**
 * Makes untrusted text inert inside an Adaptive Card TextBlock, which Teams renders as markdown:
 * link syntax `[text](url)` is broken with a zero-width space (backslash escapes render
 * inconsistently across Teams clients — microsoft/AdaptiveCards#5590), emphasis markers are
 * escaped, and `{{...}}` (Teams' DATE/TIME functions) is broken up.
 */
export function cardText(text: string): string {
  return text
    .replace(/\]\s*\(/g, "]\u200B(")
    .replace(/([*_~`])/g, "\\$1")
    .replace(/\{\{/g, "{\u200B{")
    .replace(/\r?\n/g, "\n\n");
}

/** Bolds the highlighted ranges of a text (from the search index), keeping the rest inert. */
export function highlighted(text: string, ranges: [number, number][]): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at || end <= start) continue;
    out += cardText(text.slice(at, start));
    out += `**${cardText(text.slice(start, end))}**`;
    at = end;
  }
  return out + cardText(text.slice(at));
}

export { shorten } from "../../domain/textNormalisation.js";
