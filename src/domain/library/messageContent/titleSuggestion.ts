import { MAX_TITLE_CHARS } from "./limits.js";
import { leadingText, toPlainText } from "./markdownText.js";
import { neutraliseUnsafeSchemes } from "./safeLinks.js";

const sentences = new Intl.Segmenter(undefined, { granularity: "sentence" });

/** A full stop, question or exclamation mark (Latin or CJK) that ends a sentence before a space. */
const SENTENCE_END = /[.!?。！？](?=\s)/g;

/**
 * A title to offer for an entry: the message's subject when it has one, else its first heading,
 * else the first sentence of its first paragraph (quoted replies skipped: they are someone else's
 * words), else its first line (a message that is only code or a quote). Plain text of at most
 * `MAX_TITLE_CHARS`; a longer one is cut at a word and ends in "…".
 */
export function suggestTitle(subject: string | undefined, markdown: string): string {
  const fromSubject = subject?.replace(/\s+/g, " ").trim();
  if (fromSubject) return fitTitle(fromSubject);
  const lead = leadingText(markdown);
  if (!lead) return fitTitle(tableRowAsWords(toPlainText(markdown).split("\n", 1)[0] ?? ""));
  if (lead.kind === "heading") return fitTitle(lead.text);
  return fitTitle(firstSentence(lead.text));
}

/**
 * Intl.Segmenter finds sentence ends in every script, and does not end a sentence at "e.g. the".
 * It is as careful with "first. 9 times", though; when its sentence is too long for a title, the
 * last sentence-like end that fits is taken instead.
 */
function firstSentence(text: string): string {
  const segment = sentences.segment(text)[Symbol.iterator]().next().value?.segment ?? text;
  if (segment.length <= MAX_TITLE_CHARS) return segment;
  let end = 0;
  for (const match of segment.matchAll(SENTENCE_END)) {
    if (match.index >= MAX_TITLE_CHARS) break;
    end = match.index + 1;
  }
  return end > MAX_TITLE_CHARS / 3 ? segment.slice(0, end) : segment;
}

/** A table's header row ("Metric | Before | After") reads as a title once its cells are listed. */
function tableRowAsWords(line: string): string {
  if (!line.includes("|")) return line;
  const cells = line
    .split("|")
    .map((cell) => cell.trim())
    .filter(Boolean);
  return cells.length > 1 ? `${cells.slice(0, -1).join(", ")} and ${cells.at(-1)}` : (cells[0] ?? line);
}

function fitTitle(text: string): string {
  // A title reads better without the full stop or colon that ended its sentence.
  let title = neutraliseUnsafeSchemes(text.trim()).replace(/[\s.:;,。]+$/u, "");
  if (title.length <= MAX_TITLE_CHARS) return title;
  const room = MAX_TITLE_CHARS - 1;
  const space = title.lastIndexOf(" ", room);
  // Text without spaces (Chinese, Japanese, a long URL) is cut between characters instead.
  let cut = space > room / 2 ? space : room;
  const code = title.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  title = title.slice(0, cut).replace(/[\s.:;,]+$/u, "");
  return `${title}…`;
}
