import type { EntryType } from "../library/entry.js";

/** One library entry the asker may read, retrieved for a question (best first). */
export interface RetrievedEntry {
  communityId: string;
  communityName: string;
  id: string;
  /** The entry's version (its `updatedAt`): what was worked out from its text holds while it stays. */
  version?: string;
  type: EntryType;
  title: string;
  summary: string;
  /** Safe markdown, as stored; or plain text when `bodyIsPlain` (the search engine's copy). */
  body: string;
  /** `body` is plain text (markers gone, one line per paragraph, list item or code line). */
  bodyIsPlain?: boolean;
  tags: string[];
  verified: boolean;
  stale: boolean;
  /** For questions: whether an answer was accepted. */
  answered?: boolean;
  /** The search's relevance (higher is better). */
  score: number;
}

/** A passage quoted from one entry; `citation` is its 1-based place in the answer's citations. */
export interface AnswerPassage {
  text: string;
  citation: number;
}

/** An entry the answer cites, in citation order. */
export interface AnswerSource {
  communityId: string;
  communityName: string;
  entryId: string;
  title: string;
  type: EntryType;
  verified: boolean;
  /** Verified once, but the steward's review date has passed: shown with a warning. */
  stale: boolean;
}

/**
 * What the library can say to a question. `answered`: passages quoted from the entries, never
 * words of our own; `alreadyAnswered`: a question with an accepted answer covers it and comes
 * first; `unknown`: nothing the library holds answers it well enough (the question is routed).
 */
export type AskAnswer =
  | {
      kind: "answered" | "alreadyAnswered";
      passages: AnswerPassage[];
      sources: AnswerSource[];
      /** 0..1: how much of the question the best entry covers. */
      confidence: number;
      /** A model wrote the passages from the cited entries (Teams then labels it AI-generated). */
      generated?: boolean;
    }
  | { kind: "unknown"; confidence: number; sources: AnswerSource[] };

/**
 * The answer composer port. The extractive one is the default and needs no model; a generated
 * one must stay grounded on the same retrieved entries and cite them.
 */
export interface Answerer {
  answer(question: string, retrieved: readonly RetrievedEntry[]): AskAnswer | Promise<AskAnswer>;
}
