import type { Answer, AnswerRepository } from "../ask/answer.js";
import { createOnce, retryOnConflict } from "../concurrency.js";
import { DomainError, StorageUnavailableError } from "../errors.js";
import { type Caller, callerAsPerson } from "../identity.js";
import type { EntrySource } from "../library/entry.js";
import type { LibraryService } from "../library/libraryService.js";
import { sanitizeMarkdown } from "../library/messageContent/index.js";
import type { OutcomeQuestion } from "./activityOutcomes.js";

/** What saving an activity's questions needs: the library and the answers' storage. */
export interface QuestionOutcomeDependencies {
  library: Pick<LibraryService, "saveFromMeeting" | "get" | "update">;
  answers: Pick<AnswerRepository, "create">;
}

/**
 * Where an unanswered question goes after the close (the ask-the-community routing: today the
 * community's open questions and the on-call expert). A seam: the close hands each open question
 * over, once it is in the library.
 */
export interface UnansweredQuestionRouting {
  route(caller: Caller, communityId: string, question: { entryId: string; title: string }): Promise<void>;
}

/**
 * Saves the answered questions of a closed activity (a micro-teach's, an AMA's) as answered Q&A
 * entries linked to the meeting: asked by their writer, saved by the facilitator (the close's
 * caller), with the role holder's answer as an accepted answer row crediting them. Each once,
 * however many instances close the activity: the entry and the answer have ids derived from the
 * activity and the item. Unanswered ones that route go in as open questions and are handed on.
 */
export async function saveActivityQuestions(
  deps: QuestionOutcomeDependencies,
  caller: Caller,
  communityId: string,
  source: Extract<EntrySource, { kind: "session" | "meeting" }>,
  questions: { answered: readonly OutcomeQuestion[]; unanswered: readonly OutcomeQuestion[] },
  routing?: UnansweredQuestionRouting,
): Promise<number> {
  let saved = 0;
  for (const question of questions.answered) {
    if (await kept(() => saveAnswered(deps, caller, communityId, source, question))) saved++;
  }
  for (const question of questions.unanswered)
    await kept(async () => {
      const { entry } = await deps.library.saveFromMeeting(
        caller,
        communityId,
        { id: question.id, source, author: question.asker },
        { type: "qa", title: question.title, body: question.body, tags: question.tags },
      );
      // Handed on every time (routing a question twice sends nothing again): a close that saved it
      // but failed before routing is retried, and the retry still routes it.
      await routing?.route(caller, communityId, { entryId: entry.id, title: entry.title });
    });
  return saved;
}

/**
 * A question the library refuses (a title too short to be an entry) is left out rather than
 * failing the close; storage away fails it, so the close is retried.
 */
async function kept(save: () => Promise<unknown>): Promise<boolean> {
  try {
    await save();
    return true;
  } catch (error) {
    if (!(error instanceof DomainError) || error instanceof StorageUnavailableError) throw error;
    return false;
  }
}

async function saveAnswered(
  deps: QuestionOutcomeDependencies,
  caller: Caller,
  communityId: string,
  source: Extract<EntrySource, { kind: "session" | "meeting" }>,
  question: OutcomeQuestion,
): Promise<void> {
  {
    const answer = question.answer;
    if (!answer) return;
    await deps.library.saveFromMeeting(
      caller,
      communityId,
      { id: question.id, source, author: question.asker },
      { type: "qa", title: question.title, body: question.body, tags: question.tags },
    );
    const row: Omit<Answer, "etag"> = {
      tenantId: caller.tenantId,
      communityId,
      questionId: question.id,
      id: `${question.id}-answer`,
      author: answer.by,
      body: sanitizeMarkdown(answer.text).trim() || answer.text,
      createdAt: answer.at,
      updatedAt: answer.at,
      voterIds: [],
      accepted: true,
      acceptedBy: callerAsPerson(caller),
      acceptedAt: answer.at,
      history: [],
    };
    await createOnce(() => deps.answers.create(row));
    await retryOnConflict(async () => {
      const entry = await deps.library.get(caller, communityId, question.id);
      if (entry.answered) return entry;
      return deps.library.update(caller, communityId, question.id, { answered: true }, entry.etag);
    });
  }
}
