import { ValidationError } from "../errors.js";
import type { Caller } from "../identity.js";
import type { EntryView } from "../library/entryView.js";
import type { LibraryService } from "../library/libraryService.js";
import { MAX_QUERY_TEXT } from "../library/search/searchLimits.js";
import type { Answerer, AskAnswer, RetrievedEntry } from "./answerer.js";
import { contentTerms } from "./askTerms.js";
import { ExtractiveAnswerer } from "./extractiveAnswerer.js";

/** What asking needs of the library: the caller's communities' search and reading an entry. */
export type AskLibrary = Pick<LibraryService, "searchMine" | "get">;

export const MAX_QUESTION_CHARS = 500;
/** Entries retrieved per question and read in full. */
const RETRIEVED = 5;

/** A question and what the library says to it. */
export interface AskResult {
  question: string;
  answer: AskAnswer;
}

/**
 * Asking the community: retrieves from the libraries of the communities the caller belongs to
 * (nothing else: no other community, no other tenant) and lets the answer composer quote them.
 */
export class AskService {
  constructor(
    private readonly library: AskLibrary,
    private readonly answerer: Answerer = new ExtractiveAnswerer(),
  ) {}

  async ask(caller: Caller, rawQuestion: string): Promise<AskResult> {
    const question = rawQuestion.replace(/\s+/g, " ").trim();
    if (question.length < 3) throw new ValidationError("Ask a question of a few words.");
    if (question.length > MAX_QUESTION_CHARS)
      throw new ValidationError(`Keep the question under ${MAX_QUESTION_CHARS} characters.`);
    const retrieved = await this.retrieve(caller, question);
    return { question, answer: await this.answerer.answer(question, retrieved) };
  }

  /** The best entries for the question; the search reads its meaningful words, any of them. */
  async retrieve(caller: Caller, question: string): Promise<RetrievedEntry[]> {
    const text = contentTerms(question).join(" ").slice(0, MAX_QUERY_TEXT);
    if (!text) return [];
    const hits = await this.library.searchMine(caller, { text, anyWord: true, limit: RETRIEVED });
    const read = await Promise.all(
      hits.map(async (hit) => {
        const entry = await this.library.get(caller, hit.communityId, hit.id).catch(() => undefined);
        return entry ? retrievedOf(entry, hit.communityName, hit.score) : undefined;
      }),
    );
    return read.filter((e): e is RetrievedEntry => e !== undefined);
  }
}

function retrievedOf(entry: EntryView, communityName: string, score: number): RetrievedEntry {
  return {
    communityId: entry.communityId,
    communityName,
    id: entry.id,
    type: entry.type,
    title: entry.title,
    summary: entry.summary,
    body: entry.body,
    tags: entry.tags,
    verified: entry.verification !== undefined,
    stale: entry.stale,
    ...(entry.answered !== undefined ? { answered: entry.answered } : {}),
    score,
  };
}
