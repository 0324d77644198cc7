import { ValidationError } from "../errors.js";
import type { Caller } from "../identity.js";
import type { Entry } from "../library/entry.js";
import type { LibraryService } from "../library/libraryService.js";
import { MAX_QUERY_TEXT } from "../library/search/searchLimits.js";
import type { Answerer, AskAnswer, RetrievedEntry } from "./answerer.js";
import { contentTerms } from "./askTerms.js";
import { ExtractiveAnswerer } from "./extractiveAnswerer.js";

/** What asking needs of the library: the caller's communities' search and reading an entry. */
export type AskLibrary = Pick<LibraryService, "searchMine" | "readMany">;

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
    // One read per community the hits come from, its entries side by side.
    const byCommunity = new Map<string, string[]>();
    for (const hit of hits)
      byCommunity.set(hit.communityId, [...(byCommunity.get(hit.communityId) ?? []), hit.id]);
    const read = new Map<string, Entry>();
    await Promise.all(
      [...byCommunity].map(async ([communityId, ids]) => {
        for (const entry of await this.library.readMany(caller, communityId, ids))
          read.set(`${communityId}/${entry.id}`, entry);
      }),
    );
    return hits.flatMap((hit) => {
      const entry = read.get(`${hit.communityId}/${hit.id}`);
      return entry ? [retrievedOf(entry, hit)] : [];
    });
  }
}

function retrievedOf(
  entry: Entry,
  hit: { communityName: string; score: number; verified: boolean; stale: boolean },
): RetrievedEntry {
  return {
    communityId: entry.communityId,
    communityName: hit.communityName,
    id: entry.id,
    type: entry.type,
    title: entry.title,
    summary: entry.summary,
    body: entry.body,
    tags: entry.tags,
    // As the index saw them: staleness is the review date against the time it was indexed.
    verified: hit.verified,
    stale: hit.stale,
    ...(entry.answered !== undefined ? { answered: entry.answered } : {}),
    score: hit.score,
  };
}
