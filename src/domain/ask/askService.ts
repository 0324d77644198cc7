import type { CommunityView } from "../communities/community.js";
import { ValidationError } from "../errors.js";
import type { Caller } from "../identity.js";
import type { LibraryService } from "../library/libraryService.js";
import type { QuotableEntry } from "../library/quotableEntry.js";
import { MAX_QUERY_TEXT } from "../library/search/searchLimits.js";
import type { Answerer, AskAnswer, RetrievedEntry } from "./answerer.js";
import { contentTerms } from "./askTerms.js";
import { ExtractiveAnswerer } from "./extractiveAnswerer.js";
import { ReadEntryCache } from "./readEntryCache.js";

/** What asking needs of the library: the caller's communities' search and the words of its hits. */
export type AskLibrary = Pick<LibraryService, "searchMine" | "quotable">;

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
    private readonly read = new ReadEntryCache(),
  ) {}

  /**
   * `communities`: the caller's communities as `CommunityService.listVisible(caller)` just gave
   * them, when the caller has them already (the bot's turn does), so they are not listed twice.
   */
  async ask(caller: Caller, rawQuestion: string, communities?: readonly CommunityView[]): Promise<AskResult> {
    const question = rawQuestion.replace(/\s+/g, " ").trim();
    if (question.length < 3) throw new ValidationError("Ask a question of a few words.");
    if (question.length > MAX_QUESTION_CHARS)
      throw new ValidationError(`Keep the question under ${MAX_QUESTION_CHARS} characters.`);
    const retrieved = await this.retrieve(caller, question, communities);
    return { question, answer: await this.answerer.answer(question, retrieved) };
  }

  /** The best entries for the question; the search reads its meaningful words, any of them. */
  async retrieve(
    caller: Caller,
    question: string,
    communities?: readonly CommunityView[],
  ): Promise<RetrievedEntry[]> {
    const words = contentTerms(question)
      .join(" ")
      .slice(0, MAX_QUERY_TEXT - 1);
    if (!words) return [];
    // A question is sent finished: its last word is a word, not the start of one being typed (the
    // trailing space tells the search so), which also spares scoring every word it begins. Only
    // the best few are read, never how many matched: the search skips what cannot be among them.
    // The answer quotes the entries' own words, so the hits need no snippets.
    const text = `${words} `;
    const hits = await this.library.searchMine(
      caller,
      { text, anyWord: true, limit: RETRIEVED, countTotal: false, snippets: false },
      communities,
    );
    // The hits are of the caller's own communities, so reading them is allowed. Their words come
    // from the search engine's own copy (no storage read); an engine without one has them read,
    // and kept at the version the search found.
    const read = new Map<string, QuotableEntry>();
    const byCommunity = new Map<string, string[]>();
    for (const hit of hits) {
      const kept = this.read.get(caller.tenantId, hit.communityId, hit.id, hit.updatedAt);
      if (kept) read.set(`${hit.communityId}/${hit.id}`, kept);
      else byCommunity.set(hit.communityId, [...(byCommunity.get(hit.communityId) ?? []), hit.id]);
    }
    await Promise.all(
      [...byCommunity].map(async ([communityId, ids]) => {
        for (const entry of await this.library.quotable(caller, communityId, ids)) {
          read.set(`${communityId}/${entry.id}`, entry);
          if (entry.format === "markdown") this.read.set(caller.tenantId, entry);
        }
      }),
    );
    return hits.flatMap((hit) => {
      const entry = read.get(`${hit.communityId}/${hit.id}`);
      return entry ? [retrievedOf(entry, hit)] : [];
    });
  }
}

function retrievedOf(
  entry: QuotableEntry,
  hit: {
    communityName: string;
    score: number;
    verified: boolean;
    stale: boolean;
  },
): RetrievedEntry {
  return {
    communityId: entry.communityId,
    communityName: hit.communityName,
    id: entry.id,
    version: entry.version,
    type: entry.type,
    title: entry.title,
    summary: entry.summary,
    body: entry.body,
    ...(entry.format === "plain" ? { bodyIsPlain: true } : {}),
    tags: entry.tags,
    // As the index saw them: staleness is the review date against the time it was indexed.
    verified: hit.verified,
    stale: hit.stale,
    ...(entry.answered !== undefined ? { answered: entry.answered } : {}),
    score: hit.score,
  };
}
