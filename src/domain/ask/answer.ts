import type { PersonRef } from "../identity.js";

/** An earlier text of an answer, kept when its author (or a steward) edits it. */
export interface AnswerRevision {
  at: string;
  by: PersonRef;
  body: string;
}

/** One answer under a question (a Q&A entry) of a community's library. */
export interface Answer {
  tenantId: string;
  communityId: string;
  questionId: string;
  id: string;
  author: PersonRef;
  /** Safe markdown (sanitised on the way in, like every entry). */
  body: string;
  createdAt: string;
  updatedAt: string;
  /** Who found it useful: one vote per person (the count is their number). */
  voterIds: string[];
  accepted: boolean;
  /** Who accepted it and when (absent while not accepted). */
  acceptedBy?: PersonRef;
  acceptedAt?: string;
  /** Earlier texts, oldest first (at most {@link MAX_ANSWER_REVISIONS}). */
  history: AnswerRevision[];
  etag: string;
}

/** Revisions kept per answer: the row stays far below Tables' 64 KiB property limit. */
export const MAX_ANSWER_REVISIONS = 5;
/** Votes kept per answer (one id each): well within one row. */
export const MAX_ANSWER_VOTES = 500;
export const MAX_ANSWER_CHARS = 8_000;

/** Storage port of answers: scoped by tenant, community and question; writes guarded by ETag. */
export interface AnswerRepository {
  /** A ConflictError when an answer with the id exists. */
  create(answer: Omit<Answer, "etag">): Promise<Answer>;
  get(
    tenantId: string,
    communityId: string,
    questionId: string,
    answerId: string,
  ): Promise<Answer | undefined>;
  /** The question's answers, oldest first. */
  list(tenantId: string, communityId: string, questionId: string): Promise<Answer[]>;
  /** Replaces the answer if `answer.etag` is current, else a ConcurrencyError. */
  update(answer: Answer): Promise<Answer>;
}
