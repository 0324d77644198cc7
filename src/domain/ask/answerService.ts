import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { CommunityService } from "../communities/communityService.js";
import { retryOnConflict } from "../concurrency.js";
import { ConflictError, ForbiddenError, orNotFound, ValidationError } from "../errors.js";
import { type Caller, callerAsPerson } from "../identity.js";
import type { EntryRepository } from "../library/entryRepository.js";
import type { EntryView } from "../library/entryView.js";
import type { LibraryService } from "../library/libraryService.js";
import { sanitizeMarkdown } from "../library/messageContent/index.js";
import { parseInput, personText } from "../validation.js";
import {
  type Answer,
  type AnswerRepository,
  MAX_ANSWER_CHARS,
  MAX_ANSWER_REVISIONS,
  MAX_ANSWER_VOTES,
} from "./answer.js";

/** What a person writes: the answer's text (markdown, sanitised like every entry). */
export const answerInputSchema = z.object({
  body: personText(
    z
      .string()
      .trim()
      .min(1, "Write your answer first.")
      .max(MAX_ANSWER_CHARS, `Keep the answer under ${MAX_ANSWER_CHARS.toLocaleString("en")} characters.`),
  ),
});
export type AnswerInput = z.input<typeof answerInputSchema>;

/** An answer as the caller sees it: its votes counted, and what they may do with it. */
export interface AnswerView extends Omit<Answer, "voterIds"> {
  votes: number;
  hasVoted: boolean;
  canEdit: boolean;
  canAccept: boolean;
  /** A steward may thank its author with a recognition card in the channel. */
  canRecognise: boolean;
  /** A steward may take an accepted answer back (the question is open again). */
  canUnaccept: boolean;
}

/**
 * Answers under a question and their acceptance. Members of the question's community answer,
 * vote and edit their own answers; the asker (the question's author) or a steward accepts one,
 * which marks the question answered (the home's open questions shrink) and credits the answerer
 * with a learning interaction; a steward may take an acceptance back.
 */
export class AnswerService {
  private answeredListeners: ((
    tenantId: string,
    communityId: string,
    questionId: string,
  ) => Promise<void>)[] = [];

  constructor(
    private readonly answers: AnswerRepository,
    private readonly library: Pick<LibraryService, "get" | "update">,
    private readonly communities: Pick<CommunityService, "requireMember" | "get">,
    private readonly interactions: Pick<EntryRepository, "recordInteraction">,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Told of every new answer (routing stops sending the question to further people). */
  whenAnswered(listener: (tenantId: string, communityId: string, questionId: string) => Promise<void>): void {
    this.answeredListeners.push(listener);
  }

  async list(caller: Caller, communityId: string, questionId: string): Promise<AnswerView[]> {
    const { question, isSteward } = await this.questionAsReadBy(caller, communityId, questionId);
    const all = await this.answers.list(caller.tenantId, communityId, questionId);
    return all.map((a) => viewOf(a, caller, question, isSteward));
  }

  /**
   * A new answer. `requestId` (a bot invoke's id) makes a retried request find the answer it
   * made instead of adding the same one again.
   */
  async add(
    caller: Caller,
    communityId: string,
    questionId: string,
    input: AnswerInput,
    requestId?: string,
  ): Promise<AnswerView> {
    const { body } = parseInput(answerInputSchema, input);
    const community = await this.communities.requireMember(caller, communityId, "answer its questions");
    const question = await this.question(caller, communityId, questionId);
    const clean = cleanBody(body);
    const at = this.now().toISOString();
    const id = requestId ? answerIdOf(caller, requestId) : randomUUID();
    let created: Answer;
    try {
      created = await this.answers.create({
        tenantId: caller.tenantId,
        communityId,
        questionId,
        id,
        author: callerAsPerson(caller),
        body: clean,
        createdAt: at,
        updatedAt: at,
        voterIds: [],
        accepted: false,
        history: [],
      });
    } catch (error) {
      if (!(error instanceof ConflictError) || !requestId) throw error;
      created = await this.require(caller, communityId, questionId, id);
    }
    // The answer is stored; a listener that fails is tried again by its own job (routing's backstop).
    for (const listener of this.answeredListeners)
      await listener(caller.tenantId, communityId, questionId).catch(() => undefined);
    return viewOf(created, caller, question, community.isSteward);
  }

  /** Its author or a steward changes the text; the previous text is kept in its history. */
  async edit(
    caller: Caller,
    communityId: string,
    questionId: string,
    answerId: string,
    input: AnswerInput,
  ): Promise<AnswerView> {
    const { body } = parseInput(answerInputSchema, input);
    const { question, isSteward } = await this.questionAsReadBy(caller, communityId, questionId);
    const clean = cleanBody(body);
    const updated = await retryOnConflict(async () => {
      const current = await this.require(caller, communityId, questionId, answerId);
      if (current.author.id !== caller.userId && !isSteward)
        throw new ForbiddenError("Only the answer's author or a steward can edit it.");
      if (current.body === clean) return current;
      const at = this.now().toISOString();
      const history = [...current.history, { at: current.updatedAt, by: current.author, body: current.body }];
      return this.answers.update({
        ...current,
        body: clean,
        updatedAt: at,
        history: history.slice(-MAX_ANSWER_REVISIONS),
      });
    });
    return viewOf(updated, caller, question, isSteward);
  }

  /** One vote per member; voting again is harmless, and nobody votes for their own answer. */
  async vote(caller: Caller, communityId: string, questionId: string, answerId: string): Promise<AnswerView> {
    const community = await this.communities.requireMember(caller, communityId, "vote on answers");
    const question = await this.question(caller, communityId, questionId);
    const updated = await retryOnConflict(async () => {
      const current = await this.require(caller, communityId, questionId, answerId);
      if (current.author.id === caller.userId)
        throw new ValidationError("You cannot vote for your own answer.");
      if (current.voterIds.includes(caller.userId) || current.voterIds.length >= MAX_ANSWER_VOTES)
        return current;
      return this.answers.update({ ...current, voterIds: [...current.voterIds, caller.userId] });
    });
    return viewOf(updated, caller, question, community.isSteward);
  }

  /**
   * The asker or a steward accepts an answer: it becomes the accepted one (any other is no longer),
   * the question is answered, and the answerer is credited once with a learning interaction.
   */
  async accept(
    caller: Caller,
    communityId: string,
    questionId: string,
    answerId: string,
  ): Promise<AnswerView> {
    const { question, isSteward } = await this.questionAsReadBy(caller, communityId, questionId);
    if (!canAccept(caller, question, isSteward))
      throw new ForbiddenError("Only the person who asked or a steward can accept an answer.");
    const at = this.now().toISOString();
    const accepted = await retryOnConflict(async () => {
      const current = await this.require(caller, communityId, questionId, answerId);
      if (current.accepted) return current;
      return this.answers.update({
        ...current,
        accepted: true,
        acceptedBy: callerAsPerson(caller),
        acceptedAt: at,
      });
    });
    for (const other of await this.answers.list(caller.tenantId, communityId, questionId)) {
      if (other.id !== answerId && other.accepted)
        await this.setAccepted(caller, communityId, questionId, other.id, false);
    }
    await this.markAnswered(caller, communityId, questionId, true);
    // Credited once: the row's time is the acceptance's own, so a retry after a failure here
    // writes the same row again (the key makes it idempotent) rather than a second interaction.
    if (accepted.author.id !== question.author.id && accepted.acceptedAt) {
      const credit = {
        tenantId: caller.tenantId,
        communityId,
        from: question.author,
        to: accepted.author,
        entryId: questionId,
        at: accepted.acceptedAt,
      };
      await this.interactions.recordInteraction({
        ...credit,
        kind: "helpful",
        key: `accepted-${questionId}-${answerId}`,
      });
      // And the learning itself for network insights: the asker learned from the answerer.
      await this.interactions.recordInteraction({
        ...credit,
        kind: "answered",
        key: `answered-${questionId}-${answerId}`,
      });
    }
    return viewOf(accepted, caller, question, isSteward);
  }

  /** A steward takes an acceptance back: the question is open again (unless another stays accepted). */
  async unaccept(
    caller: Caller,
    communityId: string,
    questionId: string,
    answerId: string,
  ): Promise<AnswerView> {
    const { question, isSteward } = await this.questionAsReadBy(caller, communityId, questionId);
    if (!isSteward) throw new ForbiddenError("Only a steward can take back an accepted answer.");
    const updated = await this.setAccepted(caller, communityId, questionId, answerId, false);
    const stillAnswered = (await this.answers.list(caller.tenantId, communityId, questionId)).some(
      (a) => a.accepted,
    );
    await this.markAnswered(caller, communityId, questionId, stillAnswered);
    return viewOf(updated, caller, question, isSteward);
  }

  /** The question, and whether the caller stewards its community (who may edit or accept any answer). */
  private async questionAsReadBy(caller: Caller, communityId: string, questionId: string) {
    const question = await this.question(caller, communityId, questionId);
    const { isSteward } = await this.communities.get(caller, communityId);
    return { question, isSteward };
  }

  private setAccepted(
    caller: Caller,
    communityId: string,
    questionId: string,
    answerId: string,
    accepted: boolean,
  ): Promise<Answer> {
    return retryOnConflict(async () => {
      const current = await this.require(caller, communityId, questionId, answerId);
      if (current.accepted === accepted) return current;
      const { acceptedBy: _b, acceptedAt: _a, ...rest } = current;
      return this.answers.update({ ...rest, accepted });
    });
  }

  private async markAnswered(caller: Caller, communityId: string, questionId: string, answered: boolean) {
    await retryOnConflict(async () => {
      const question = await this.library.get(caller, communityId, questionId);
      if ((question.answered === true) === answered) return question;
      return this.library.update(caller, communityId, questionId, { answered }, question.etag);
    });
  }

  private async question(caller: Caller, communityId: string, questionId: string): Promise<EntryView> {
    const entry = await this.library.get(caller, communityId, questionId);
    if (entry.type !== "qa") throw new ValidationError("Only a question & answer entry takes answers.");
    return entry;
  }

  private async require(caller: Caller, communityId: string, questionId: string, answerId: string) {
    return orNotFound(
      await this.answers.get(caller.tenantId, communityId, questionId, answerId),
      "This answer does not exist any more.",
    );
  }
}

/** One answer per person and request: the id is derived from both. */
function answerIdOf(caller: Caller, requestId: string): string {
  return `req-${createHash("sha256").update(`${caller.userId}\u0000${requestId}`).digest("hex").slice(0, 40)}`;
}

function cleanBody(body: string): string {
  const clean = sanitizeMarkdown(body).trim();
  if (!clean)
    throw new ValidationError("There is nothing left of the answer once unsafe content is removed.");
  return clean;
}

function canAccept(caller: Caller, question: EntryView, isSteward: boolean): boolean {
  return isSteward || question.author.id === caller.userId || question.savedBy.id === caller.userId;
}

function viewOf(answer: Answer, caller: Caller, question: EntryView, isSteward: boolean): AnswerView {
  const { voterIds, ...rest } = answer;
  return {
    ...rest,
    votes: voterIds.length,
    hasVoted: voterIds.includes(caller.userId),
    canEdit: answer.author.id === caller.userId || isSteward,
    canAccept: canAccept(caller, question, isSteward),
    canRecognise: isSteward && answer.author.id !== caller.userId,
    canUnaccept: isSteward && answer.accepted,
  };
}
