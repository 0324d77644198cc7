import { setNewest } from "../boundedMap.js";
import type { Answerer, AnswerPassage, AnswerSource, AskAnswer, RetrievedEntry } from "./answerer.js";
import { contentStems } from "./askTerms.js";

/** Below this share of the question's words found in the best entry, the library does not know. */
export const ANSWER_THRESHOLD = 0.6;
/** An answered question whose own title covers this much of the question is offered first. */
export const ALREADY_ANSWERED_THRESHOLD = 0.6;
/** Entries read closely per question (the search's best few). */
const ENTRIES_READ = 5;
const PASSAGES_PER_ENTRY = 2;
const MAX_PASSAGES = 3;
const MAX_PASSAGE_CHARS = 320;
/** A verified, current entry wins over an unverified one this close in coverage. */
const VERIFIED_BONUS = 0.1;

interface Candidate {
  entry: RetrievedEntry;
  analysis: EntryAnalysis;
  coverage: number;
  titleCoverage: number;
}

/**
 * The default answer composer: no model, no network. It reads the retrieved entries, measures
 * how much of the question each covers (the share of the question's meaningful words it contains,
 * title and tags counting like the text), and quotes the sentences that carry the most of those
 * words. Everything it says is a verbatim passage of a cited entry, so it cannot invent; when the
 * best entry covers too little of the question it says it does not know.
 */
export class ExtractiveAnswerer implements Answerer {
  private readonly analysed = new Map<string, EntryAnalysis>();

  answer(question: string, retrieved: readonly RetrievedEntry[]): AskAnswer {
    const asked = contentStems(question);
    if (asked.length === 0) return { kind: "unknown", confidence: 0, sources: [] };
    const candidates = retrieved
      // An open question restates a problem: it is no answer (it is where the asker may add one).
      .filter((entry) => !(entry.type === "qa" && entry.answered !== true))
      .slice(0, ENTRIES_READ)
      .map((entry) => candidateOf(entry, this.analysisOf(entry), asked))
      .sort((a, b) => rank(b) - rank(a) || b.entry.score - a.entry.score);
    // A question already answered whose own wording covers this one is offered first.
    const previous = candidates.find(
      (c) =>
        c.entry.type === "qa" &&
        c.entry.answered === true &&
        c.coverage >= ANSWER_THRESHOLD &&
        c.titleCoverage >= ALREADY_ANSWERED_THRESHOLD,
    );
    const best = previous ?? candidates[0];
    if (!best || best.coverage < ANSWER_THRESHOLD) {
      return { kind: "unknown", confidence: round(best?.coverage ?? 0), sources: [] };
    }
    // The best entry answers; another adds to it only when it covers nearly as much.
    const cited = previous
      ? [previous]
      : candidates.filter(
          (c, i) => i === 0 || c.coverage >= Math.max(ANSWER_THRESHOLD, best.coverage - 0.15),
        );
    const passages: AnswerPassage[] = [];
    const sources: AnswerSource[] = [];
    for (const c of cited) {
      if (passages.length >= MAX_PASSAGES) break;
      const quoted = bestSentences(c.entry, c.analysis, asked).slice(
        0,
        Math.min(PASSAGES_PER_ENTRY, MAX_PASSAGES - passages.length),
      );
      if (quoted.length === 0) continue;
      sources.push(sourceOf(c.entry));
      for (const text of quoted) passages.push({ text, citation: sources.length });
    }
    return {
      kind: previous ? "alreadyAnswered" : "answered",
      passages,
      sources,
      confidence: round(best.coverage),
    };
  }

  /**
   * An entry's words and sentences, worked out once per version: the same popular entries answer
   * question after question, and splitting and stemming a long entry cost more than the rest of
   * the answer. Entries without a version are analysed afresh each time.
   */
  private analysisOf(entry: RetrievedEntry): EntryAnalysis {
    if (!entry.version) return analyse(entry);
    const key = `${entry.communityId}|${entry.id}|${entry.version}|${entry.bodyIsPlain === true}`;
    const found = this.analysed.get(key) ?? analyse(entry);
    // Least recently used first: the Map's order.
    setNewest(this.analysed, key, found, ANALYSES_KEPT);
    return found;
  }
}

/** Analyses kept (least recently used dropped first). */
const ANALYSES_KEPT = 2000;

/** What the answerer reads of an entry, independent of the question. */
interface EntryAnalysis {
  stems: ReadonlySet<string>;
  titleStems: ReadonlySet<string>;
  /** The quotable sentences (a Q&A entry's answer part's), each with its stems. */
  sentences: { text: string; stems: ReadonlySet<string> }[];
}

function analyse(entry: RetrievedEntry): EntryAnalysis {
  return {
    stems: new Set(contentStems(`${entry.title} ${entry.tags.join(" ")} ${entry.summary} ${entry.body}`)),
    titleStems: new Set(contentStems(entry.title)),
    sentences: (entry.bodyIsPlain ? plainSentencesOf : sentencesOf)(answerPart(entry)).map((text) => ({
      text,
      stems: new Set(contentStems(text)),
    })),
  };
}

function candidateOf(entry: RetrievedEntry, analysis: EntryAnalysis, asked: string[]): Candidate {
  return {
    entry,
    analysis,
    coverage: share(asked, analysis.stems),
    titleCoverage: share(asked, analysis.titleStems),
  };
}

function rank(c: Candidate): number {
  return c.coverage + (c.entry.verified && !c.entry.stale ? VERIFIED_BONUS : 0);
}

function share(asked: string[], found: ReadonlySet<string>): number {
  return asked.filter((s) => found.has(s)).length / asked.length;
}

/**
 * The entry's sentences that carry most of the question's words, in the entry's own order. A
 * question-and-answer entry is quoted from its answer only: its question restates the asker's.
 */
function bestSentences(entry: RetrievedEntry, analysis: EntryAnalysis, asked: string[]): string[] {
  const sentences = analysis.sentences;
  const scored = sentences
    .map(({ text, stems }, i) => ({ text, i, hits: asked.filter((s) => stems.has(s)).length }))
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.i - b.i)
    .slice(0, PASSAGES_PER_ENTRY)
    .sort((a, b) => a.i - b.i)
    .map((s) => s.text);
  if (scored.length > 0) return scored;
  // The match was in the title or tags: the entry's own summary (or opening) says what it holds.
  const opening = entry.summary.trim() || sentences[0]?.text;
  return opening ? [clip(opening)] : [];
}

const ANSWER_HEADING = /^\s*\*\*Answer\*\*.*$/im;
/** The same heading in plain text: its line starts with the word. */
const PLAIN_ANSWER_HEADING = /^Answer\b.*$/im;

function answerPart(entry: RetrievedEntry): string {
  if (entry.type !== "qa") return entry.body;
  const heading = (entry.bodyIsPlain ? PLAIN_ANSWER_HEADING : ANSWER_HEADING).exec(entry.body);
  return heading ? entry.body.slice(heading.index + heading[0].length) : entry.body;
}

/** Plain sentences of safe markdown: list items and lines are sentences too; code fences are left out. */
export function sentencesOf(markdown: string): string[] {
  const text = markdown
    .replace(/```[\s\S]*?```/g, "\n")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
  return sentencesOfLines(text.split(/\n+/).map((line) => line.replace(/^\s*(?:[-*+]|\d+\.|#+|>)\s*/, "")));
}

/**
 * Plain sentences of plain text as the search engine keeps it (markdown's markers already gone,
 * one line per paragraph, list item, table row or code line): each line, split at sentence ends.
 */
export function plainSentencesOf(text: string): string[] {
  return sentencesOfLines(text.split("\n"));
}

function sentencesOfLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const clean = line.trim();
    if (!clean) continue;
    for (const sentence of clean.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/)) {
      const s = sentence.trim();
      if (s.length >= 3) out.push(clip(s));
    }
  }
  return out;
}

function clip(text: string): string {
  return text.length <= MAX_PASSAGE_CHARS ? text : `${text.slice(0, MAX_PASSAGE_CHARS - 1).trimEnd()}…`;
}

function sourceOf(entry: RetrievedEntry): AnswerSource {
  return {
    communityId: entry.communityId,
    communityName: entry.communityName,
    entryId: entry.id,
    title: entry.title,
    type: entry.type,
    verified: entry.verified,
    stale: entry.stale,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
