import { z } from "zod";
import type { CommunityView } from "../communities/community.js";
import { createOnce } from "../concurrency.js";
import { type Caller, callerAsPerson, type PersonRef } from "../identity.js";
import { compareStored } from "../ordering.js";
import { parseInput, personText } from "../validation.js";

/**
 * Questions asked ahead of a session (an AMA's, from the card posted to the channel a day before,
 * or the tab): kept per community and session, tenant first (keys.ts), so the activity run in
 * that session starts with them as its first items.
 */
export interface QuestionAhead {
  id: string;
  sessionId: string;
  text: string;
  asker: PersonRef;
  at: string;
}

/** Storage port of questions asked ahead. */
export interface QuestionsAheadStore {
  /** A ConflictError when one with the id exists. */
  add(tenantId: string, communityId: string, question: QuestionAhead): Promise<void>;
  list(tenantId: string, communityId: string, sessionId: string): Promise<QuestionAhead[]>;
}

export const questionAheadSchema = z.object({
  text: personText(
    z
      .string()
      .trim()
      .min(3, "Write your question in a few words at least.")
      .max(500, "Keep the question under 500 characters."),
    { required_error: "Write your question first." },
  ),
});

export class QuestionsAheadService {
  constructor(
    private readonly store: QuestionsAheadStore,
    private readonly communities: {
      readable(caller: Caller, communityId: string): Promise<CommunityView>;
      requireMember(caller: Caller, communityId: string, action: string): Promise<CommunityView>;
    },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A member asks ahead; a retried request (Teams delivering a dialog's submit again) adds it once. */
  async ask(
    caller: Caller,
    communityId: string,
    sessionId: string,
    input: unknown,
    requestId: string,
  ): Promise<QuestionAhead[]> {
    const { text } = parseInput(questionAheadSchema, input);
    await this.communities.requireMember(caller, communityId, "ask the session's expert");
    const question: QuestionAhead = {
      id: await idOf(caller, sessionId, requestId),
      sessionId,
      text,
      asker: callerAsPerson(caller),
      at: this.now().toISOString(),
    };
    await createOnce(() => this.store.add(caller.tenantId, communityId, question));
    return this.list(caller, communityId, sessionId);
  }

  /** The session's questions so far, oldest first (the community's readers). */
  async list(caller: Caller, communityId: string, sessionId: string): Promise<QuestionAhead[]> {
    await this.communities.readable(caller, communityId);
    return this.forSession(caller.tenantId, communityId, sessionId);
  }

  /** What an activity of the session starts with (no caller check: its set-up checked the community). */
  async forSession(tenantId: string, communityId: string, sessionId: string): Promise<QuestionAhead[]> {
    const all = await this.store.list(tenantId, communityId, sessionId);
    return all.sort((a, b) => compareStored(a.at, b.at) || compareStored(a.id, b.id));
  }
}

async function idOf(caller: Caller, sessionId: string, requestId: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${caller.userId}\n${sessionId}\n${requestId}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
