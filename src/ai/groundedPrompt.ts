import type { AnswerPassage, AnswerSource, RetrievedEntry } from "../domain/ask/answerer.js";

/** What a source may add to the prompt: enough to answer from, not a whole long entry. */
const SOURCE_CHARS = 3000;

/**
 * The instructions and the user message that keep a model to the library: it answers only from
 * the numbered sources, cites each statement with `[n]`, and says NO_ANSWER when they do not hold it.
 */
export function groundedMessages(question: string, sources: readonly RetrievedEntry[]) {
  const system = [
    "You answer colleagues' questions using only the numbered sources from their team's library.",
    "Write two to four short sentences. End every sentence with the number of the source it comes from, like [1].",
    "Never add facts that are not in the sources. If the sources do not answer the question, reply exactly NO_ANSWER.",
    "Answer in the language of the question.",
  ].join(" ");
  const numbered = sources
    .map((s, i) => `[${i + 1}] ${s.title}\n${`${s.summary}\n${s.body}`.trim().slice(0, SOURCE_CHARS)}`)
    .join("\n\n");
  return [
    { role: "system" as const, content: system },
    { role: "user" as const, content: `Sources:\n\n${numbered}\n\nQuestion: ${question}` },
  ];
}

/**
 * The model's text as passages that each cite a source it was given: a sentence without a valid
 * `[n]` is dropped (nothing uncited reaches the asker), and sources are renumbered in the order
 * they are first cited. Undefined when nothing cited is left, or the model said NO_ANSWER.
 */
export function citedPassages(
  text: string,
  sources: readonly AnswerSource[],
): { passages: AnswerPassage[]; sources: AnswerSource[] } | undefined {
  if (/\bNO_ANSWER\b/.test(text)) return undefined;
  const cited: AnswerSource[] = [];
  const passages: AnswerPassage[] = [];
  for (const part of text.split(/(?<=\])\s+|\n+/)) {
    const markers = [...part.matchAll(/\[(\d{1,2})\]/g)].map((m) => Number(m[1]));
    const valid = markers.find((n) => n >= 1 && n <= sources.length);
    const sentence = part.replace(/\s*\[\d{1,2}\]/g, "").trim();
    if (valid === undefined || sentence.length < 3) continue;
    const source = sources[valid - 1];
    if (!source) continue;
    let at = cited.indexOf(source);
    if (at < 0) at = cited.push(source) - 1;
    passages.push({ text: sentence, citation: at + 1 });
  }
  return passages.length > 0 ? { passages, sources: cited } : undefined;
}
